import { can, detentionScope, type Actor } from "@/lib/authz";
import type { DetentionWhereInput } from "@/lib/generated/prisma/models";

/**
 * The detentions whose next review the actor follows on the dashboard, in the in-app notice and in
 * their calendar feed: current detentions (DETAINED, with a next review) they may open as a case file.
 * CLOs and supervisors: their office's; counsel: their clients' (detentionScope).
 */
export function reviewWatchScope(actor: Actor): DetentionWhereInput {
  if (!can(actor, "reviews.dashboard")) return { id: { in: [] } };
  return { AND: [detentionScope(actor), { status: "DETAINED", nextReviewDueBy: { not: null } }] };
}

/**
 * Whether the actor reads the notes recorded with a review: the CBSA office's own record of the hearing, for
 * its CLOs and supervisors. Counsel keep their own, privileged notes instead.
 */
export function mayReadReviewNotes(actor: Actor): boolean {
  return actor.organizationKind === "CBSA_OFFICE" && (actor.role === "CLO" || actor.role === "SUPERVISOR");
}

/** Whether the actor may schedule and record reviews (on detentions in their detentionScope). */
export function mayRecordReviews(actor: Actor): boolean {
  return can(actor, "reviews.record");
}
