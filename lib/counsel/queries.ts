import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { noteReadScope } from "@/lib/authz/notes";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { planReadiness, type Readiness } from "@/lib/release-plans/rules";
import type { DetentionStatus, PlanStatus, ReviewKind } from "@/lib/generated/prisma/enums";
import type { DetentionWhereInput } from "@/lib/generated/prisma/models";

export type CounselClient = {
  detentionId: string;
  reference: string;
  person: { givenName: string; familyName: string };
  facility: { name: string; timeZone: string };
  status: DetentionStatus;
  /** When the detention ended (released, removed…), null while the person is detained. */
  endedAt: Date | null;
  nextReview: { kind: ReviewKind; dueBy: Date; needsCheck: boolean } | null;
  hearingAt: Date | null;
  plan: { status: PlanStatus; readiness: Readiness } | null;
};

/** Which of counsel's detentions a list shows: current (the person is detained), ended (released, removed…), or all. */
export type ClientList = "current" | "ended" | "all";

/**
 * Counsel's home: the detentions of the people for whom the actor is counsel of record (detentionScope),
 * current ones first and, among them, the earliest review deadline first (ended ones: the latest end first); one
 * page, sorted in SQL. The plan's readiness is computed from the plan, the assessment and the referrals (never
 * stored); the page shows it only where it still applies (lib/counsel/rules.ts readinessApplies).
 */
export async function listMyClients(actor: Actor, page: number, list: ClientList = "all"): Promise<Page<CounselClient>> {
  if (!can(actor, "clients.list")) return toPage([], 0, 1);
  const where: DetentionWhereInput = {
    AND: [detentionScope(actor), list === "current" ? { status: "DETAINED" } : list === "ended" ? { status: { not: "DETAINED" } } : {}],
  };
  const [rows, total] = await Promise.all([
    db().detention.findMany({
      where,
      orderBy:
        list === "ended"
          ? [{ releasedAt: { sort: "desc", nulls: "last" } }, { detainedAt: "desc" }, { id: "asc" }]
          : [{ status: "asc" }, { nextReviewDueBy: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        status: true,
        releasedAt: true,
        grounds: true,
        nextReviewKind: true,
        nextReviewDueBy: true,
        reviewNeedsCheck: true,
        detainee: { select: { givenName: true, familyName: true } },
        facility: { select: { name: true, timeZone: true } },
        assessment: { select: { interviewAt: true, noInterviewReason: true } },
        referrals: { select: { status: true } },
        reviews: { where: { outcome: null, scheduledFor: { not: null } }, select: { scheduledFor: true }, orderBy: { scheduledFor: "asc" }, take: 1 },
        releasePlan: {
          select: {
            status: true,
            measures: true,
            mitigations: { select: { ground: true, mitigation: true } },
            bondspersons: { select: { confirmed: true, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true } },
          },
        },
      },
    }),
    db().detention.count({ where }),
  ]);
  return toPage(
    rows.map((row) => ({
      detentionId: row.id,
      reference: row.reference,
      person: row.detainee,
      facility: row.facility,
      status: row.status,
      endedAt: row.releasedAt,
      nextReview: row.nextReviewKind && row.nextReviewDueBy ? { kind: row.nextReviewKind, dueBy: row.nextReviewDueBy, needsCheck: row.reviewNeedsCheck } : null,
      hearingAt: row.reviews[0]?.scheduledFor ?? null,
      plan: row.releasePlan
        ? {
            status: row.releasePlan.status,
            readiness: planReadiness({
              grounds: row.grounds,
              assessment: row.assessment,
              plan: { measures: row.releasePlan.measures, mitigations: row.releasePlan.mitigations, bondspersons: row.releasePlan.bondspersons },
              referrals: row.referrals,
            }),
          }
        : null,
    })),
    total,
    page,
  );
}

export type VisibleNote = { id: string; detentionId: string; body: string; createdAt: Date; authorName: string; privileged: boolean };

/**
 * The notes the actor may read on the given detentions (lib/authz/notes.ts decides: a CBSA user never
 * reads counsel's privileged notes, whatever detention ids are asked for). Newest first, bounded.
 */
export async function listReadableNotes(
  actor: Actor,
  detentionIds: readonly string[],
  options: { ownOrganisationOnly?: boolean; limit?: number } = {},
): Promise<VisibleNote[]> {
  if (detentionIds.length === 0) return [];
  const notes = await db().note.findMany({
    where: { AND: [noteReadScope(actor), { detentionId: { in: [...detentionIds] } }, options.ownOrganisationOnly ? { authorOrgId: actor.organizationId } : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 200,
    select: { id: true, detentionId: true, body: true, createdAt: true, visibility: true, author: { select: { name: true } } },
  });
  return notes.map((note) => ({ id: note.id, detentionId: note.detentionId, body: note.body, createdAt: note.createdAt, authorName: note.author.name, privileged: note.visibility === "OWN_ORGANISATION" }));
}
