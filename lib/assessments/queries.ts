import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { detentionScope, type Actor } from "@/lib/authz";
import { assessmentAudience, type AssessmentAudience } from "@/lib/authz/plans";
import { screeningFlagScope, visibleFlags } from "@/lib/authz/cases";
import { caseAssessmentDeadline, type AssessmentDeadline } from "@/lib/assessments/rules";
import { loadPolicyVersions } from "@/lib/policy/queries";
import { policyAt } from "@/lib/policy/rules";
import type { AtdMeasure, DetentionGround, DetentionStatus, InterviewMode, NeedArea } from "@/lib/generated/prisma/enums";

/** The facts of the detention an assessment answers. */
export type AssessmentCase = {
  detentionId: string;
  reference: string;
  status: DetentionStatus;
  grounds: DetentionGround[];
  facility: { name: string; timeZone: string };
  /** Computed for the viewer from the flags they may see: its basis never reveals a hidden flag. */
  assessmentDeadline: AssessmentDeadline;
};

/** The assessment as counsel of record may read it: no risk opinion, not even as an empty field. */
export type CounselAssessmentView = {
  id: string;
  version: number;
  interviewAt: Date | null;
  interviewMode: InterviewMode | null;
  interviewLanguage: string | null;
  interpreterUsed: boolean | null;
  noInterviewReason: string | null;
  recommendedMeasures: AtdMeasure[];
  completedAt: Date | null;
  updatedAt: Date;
  author: { name: string };
  needs: { area: NeedArea; notes: string | null }[];
  grounds: { ground: DetentionGround; concern: string | null; mitigation: string | null }[];
};

/** The assessment as the case team reads it, with the CLO's risk opinion. */
export type CaseTeamAssessmentView = CounselAssessmentView & { riskOpinion: string | null };

export type AssessmentPage =
  | { audience: "CASE_TEAM"; detention: AssessmentCase; assessment: CaseTeamAssessmentView | null }
  | { audience: "COUNSEL"; detention: AssessmentCase; assessment: CounselAssessmentView | null };

/** What an assessment view selects, for every audience; the case team adds the risk opinion. */
export const ASSESSMENT_SELECT = {
  id: true,
  version: true,
  interviewAt: true,
  interviewMode: true,
  interviewLanguage: true,
  interpreterUsed: true,
  noInterviewReason: true,
  recommendedMeasures: true,
  completedAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  needs: { select: { area: true, notes: true }, orderBy: { area: "asc" } },
  grounds: { select: { ground: true, concern: true, mitigation: true }, orderBy: { ground: "asc" } },
} as const;

async function loadCase(actor: Actor, detentionId: string): Promise<AssessmentCase | null> {
  const detention = await db().detention.findFirst({
    where: { AND: [{ id: detentionId }, detentionScope(actor)] },
    select: {
      id: true,
      reference: true,
      status: true,
      grounds: true,
      detainedAt: true,
      schedule: true,
      assignedCloId: true,
      detainee: { select: { counselId: true } },
      facility: { select: { name: true, timeZone: true } },
      screening: { select: { flags: { where: screeningFlagScope(actor), select: { flag: true } } } },
      reviews: { select: { startedOn: true, outcome: true } },
    },
  });
  if (!detention) return null;
  const flags = visibleFlags(actor, { assignedCloId: detention.assignedCloId, counselId: detention.detainee.counselId }, detention.screening?.flags ?? []);
  return {
    detentionId: detention.id,
    reference: detention.reference,
    status: detention.status,
    grounds: detention.grounds,
    facility: detention.facility,
    assessmentDeadline: caseAssessmentDeadline(detention, flags.map((entry) => entry.flag), policyAt(await loadPolicyVersions(), detention.detainedAt)),
  };
}

/**
 * The assessment of a detention the actor may see, shaped for the actor's audience. Null when the
 * detention is not theirs to see (a CLO of another office, an NGO caseworker, an admin): "not found".
 * Counsel's DTO is selected without the risk opinion, so it never leaves the database for them.
 */
export async function getAssessment(actor: Actor, detentionId: string, options: { audit?: "assessment.open" } = {}): Promise<AssessmentPage | null> {
  const audience: AssessmentAudience = assessmentAudience(actor);
  if (!audience || !isUuid(detentionId)) return null;
  const detention = await loadCase(actor, detentionId);
  if (!detention) return null;
  // Opening the assessment on its own page is a read of the case file: audited, without personal data.
  if (options.audit) {
    const action = options.audit;
    await db().$transaction((tx) => recordAudit(tx, actor, { action, entityType: "Assessment", detentionId }));
  }
  if (audience === "CASE_TEAM") {
    const assessment = await db().assessment.findFirst({ where: { detentionId }, select: { ...ASSESSMENT_SELECT, riskOpinion: true } });
    return { audience, detention, assessment };
  }
  const assessment = await db().assessment.findFirst({ where: { detentionId }, select: ASSESSMENT_SELECT });
  return { audience, detention, assessment };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route parameters are client input: a malformed id is simply "not found", not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
