import { ministerDisclosureDue, needsMinisterDisclosure } from "@/lib/reviews/rules";
import type { ReviewKind } from "@/lib/generated/prisma/enums";

/**
 * When the hearing bundle must be with the Division and the person: the Minister's disclosure for the next 7- or
 * 30-day review (ID Rules, rule 8(2), lib/reviews/rules.ts ministerDisclosureDue: the hearing's local date minus 4
 * days). With a hearing scheduled, from its date (the case file's reviewClock.disclosureDue, computed by the same
 * rule); with none yet, from the latest day the review may be held, which is the latest the disclosure can be.
 */
export type BundleDisclosure = { due: Date; basis: "HEARING" | "REVIEW_DUE_BY"; kind: ReviewKind; reviewDueBy: Date };

export function bundleDisclosure(clock: { next: { kind: ReviewKind; dueBy: Date } | null; disclosureDue: Date | null }, timeZone: string): BundleDisclosure | null {
  const { next } = clock;
  if (!next || !needsMinisterDisclosure(next.kind)) return null;
  if (clock.disclosureDue) return { due: clock.disclosureDue, basis: "HEARING", kind: next.kind, reviewDueBy: next.dueBy };
  return { due: ministerDisclosureDue(next.dueBy, timeZone), basis: "REVIEW_DUE_BY", kind: next.kind, reviewDueBy: next.dueBy };
}
