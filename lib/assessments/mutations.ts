import "server-only";
import { db } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { canEditAssessment } from "@/lib/authz/plans";
import { recordAudit } from "@/lib/audit/mutations";
import { assessmentCompletionProblems } from "@/lib/assessments/rules";
import { dateTimeLocalToInstant } from "@/lib/time/facility-clock";
import { NEED_AREAS, type AssessmentForm } from "@/lib/assessments/schema";
import type { DetentionGround } from "@/lib/generated/prisma/enums";

export type FieldProblem = { key: string; values?: Record<string, string> };

export type AssessmentMutationResult =
  | { ok: true; version: number; completed: boolean }
  | { ok: false; reason: "NOT_FOUND" | "STALE_VERSION" }
  | { ok: false; reason: "INVALID"; fieldErrors: Record<string, FieldProblem> };

const notFound = { ok: false, reason: "NOT_FOUND" } as const;
const stale = { ok: false, reason: "STALE_VERSION" } as const;

/**
 * Saves the ATD assessment of a detention (creating it on the first save), or saves and completes it.
 * - Only the case team of the office edits (capability and detention scope, both checked here too).
 * - The form names the version it was rendered from: a concurrent save is refused, nothing overwritten.
 * - Completing stamps completedAt once (the first completion is what the deadline is measured against);
 *   a completed assessment stays complete, so later edits must keep it complete: an interview or the
 *   reason there was none, and a mitigation for every ground.
 */
export async function saveAssessment(actor: Actor, form: AssessmentForm): Promise<AssessmentMutationResult> {
  if (!canEditAssessment(actor)) return notFound;
  try {
    return await db().$transaction(async (tx) => {
      const detention = await tx.detention.findFirst({
        where: { AND: [{ id: form.detentionId }, detentionScope(actor)] },
        select: { id: true, grounds: true, facility: { select: { timeZone: true } } },
      });
      if (!detention) return notFound;
      const existing = await tx.assessment.findUnique({ where: { detentionId: detention.id }, select: { id: true, version: true, completedAt: true } });

      let interviewAt: Date | null = null;
      if (form.interview === "HELD" && form.interviewAt) {
        interviewAt = dateTimeLocalToInstant(form.interviewAt, detention.facility.timeZone);
        if (!interviewAt) return { ok: false, reason: "INVALID", fieldErrors: { interviewAt: { key: "interviewAtFormat" } } } as const;
        // An interview is recorded after it happened: a future time is a typing mistake (minutes of clock skew allowed).
        if (interviewAt.getTime() > Date.now() + 10 * 60_000) return { ok: false, reason: "INVALID", fieldErrors: { interviewAt: { key: "interviewAtFuture" } } } as const;
      }
      const held = form.interview === "HELD";
      const noInterviewReason = form.interview === "NOT_HELD" ? form.noInterviewReason : null;
      const groundEntries = detention.grounds.map((ground) => ({
        ground,
        concern: form[`concern_${ground}`] ?? null,
        mitigation: form[`mitigation_${ground}`] ?? null,
      }));

      const completing = form.intent === "complete" || existing?.completedAt != null;
      if (completing) {
        const problems = assessmentCompletionProblems({ grounds: detention.grounds, interviewAt, noInterviewReason, groundEntries });
        if (problems.length > 0) {
          const fieldErrors: Record<string, FieldProblem> = {};
          for (const problem of problems) {
            if (problem.key === "INTERVIEW_OR_REASON") fieldErrors.interview = { key: "interviewOrReasonToComplete" };
            else fieldErrors[`mitigation_${problem.ground}`] = { key: "mitigationToComplete" };
          }
          return { ok: false, reason: "INVALID", fieldErrors } as const;
        }
      }

      const completedAt = existing?.completedAt ?? (form.intent === "complete" ? new Date() : null);
      const data = {
        interviewAt,
        interviewMode: held ? (form.interviewMode ?? null) : null,
        interviewLanguage: held ? form.interviewLanguage : null,
        interpreterUsed: held ? form.interpreterUsed : null,
        noInterviewReason,
        recommendedMeasures: [...new Set(form.recommendedMeasures)],
        riskOpinion: form.riskOpinion,
        completedAt,
      };

      let assessmentId: string;
      let version: number;
      if (form.version === 0) {
        if (existing) return stale;
        const created = await tx.assessment.create({ data: { ...data, detentionId: detention.id, authorId: actor.userId }, select: { id: true, version: true } });
        assessmentId = created.id;
        version = created.version;
      } else {
        if (!existing) return stale;
        const { count } = await tx.assessment.updateMany({ where: { id: existing.id, version: form.version }, data: { ...data, version: { increment: 1 } } });
        if (count === 0) return stale;
        assessmentId = existing.id;
        version = form.version + 1;
        await tx.assessmentNeed.deleteMany({ where: { assessmentId } });
        await tx.assessmentGround.deleteMany({ where: { assessmentId } });
      }

      const needs = NEED_AREAS.filter((area) => form.needs.includes(area)).map((area) => ({ assessmentId, area, notes: form[`needNotes_${area}`] ?? null }));
      if (needs.length > 0) await tx.assessmentNeed.createMany({ data: needs });
      const grounds = groundEntries.filter((entry) => entry.concern || entry.mitigation).map((entry) => ({ assessmentId, ...entry, ground: entry.ground as DetentionGround }));
      if (grounds.length > 0) await tx.assessmentGround.createMany({ data: grounds });

      const justCompleted = completedAt !== null && !existing?.completedAt;
      await recordAudit(tx, actor, {
        action: form.version === 0 ? "assessment.create" : "assessment.update",
        entityType: "Assessment",
        entityId: assessmentId,
        detentionId: detention.id,
        metadata: { version, completed: completedAt !== null },
      });
      if (justCompleted) {
        await recordAudit(tx, actor, { action: "assessment.complete", entityType: "Assessment", entityId: assessmentId, detentionId: detention.id, metadata: { version } });
      }
      return { ok: true, version, completed: completedAt !== null } as const;
    });
  } catch (error) {
    // Two first saves at once: the unique detentionId lets one create; the other was working from a stale form.
    if (isUniqueViolation(error)) return stale;
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
