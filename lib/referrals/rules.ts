import type { DeclineReason, ReferralStatus } from "@/lib/generated/prisma/enums";

/**
 * A referral's life (docs/domain.md, Referral): DRAFT → SENT → UNDER_REVIEW → ACCEPTED / WAITLISTED /
 * DECLINED → INTAKE_COMPLETE. The provider answers; the CLO sends and may withdraw while it is still open.
 * Enforced on the server: an action names the status it wants and the table says whether that side may
 * move the referral there from where it is now.
 */

export type ReferralSide = "CLO" | "PROVIDER";

export const REFERRAL_STATUSES = ["DRAFT", "SENT", "UNDER_REVIEW", "ACCEPTED", "WAITLISTED", "DECLINED", "WITHDRAWN", "INTAKE_COMPLETE"] as const satisfies readonly ReferralStatus[];
export const DECLINE_REASONS = ["NO_CAPACITY", "OUTSIDE_MANDATE", "RISK_PROFILE", "CLIENT_DECLINED", "OTHER"] as const satisfies readonly DeclineReason[];

type Table = Record<ReferralStatus, Partial<Record<ReferralStatus, ReferralSide>>>;

const TRANSITIONS: Table = {
  DRAFT: { SENT: "CLO", WITHDRAWN: "CLO" },
  SENT: { UNDER_REVIEW: "PROVIDER", ACCEPTED: "PROVIDER", WAITLISTED: "PROVIDER", DECLINED: "PROVIDER", WITHDRAWN: "CLO" },
  UNDER_REVIEW: { ACCEPTED: "PROVIDER", WAITLISTED: "PROVIDER", DECLINED: "PROVIDER", WITHDRAWN: "CLO" },
  // A waitlisted person is taken when a space opens, or turned away; the CLO may look elsewhere.
  WAITLISTED: { ACCEPTED: "PROVIDER", DECLINED: "PROVIDER", WITHDRAWN: "CLO" },
  ACCEPTED: { INTAKE_COMPLETE: "PROVIDER", WITHDRAWN: "CLO" },
  DECLINED: {},
  WITHDRAWN: {},
  INTAKE_COMPLETE: {},
};

export function canTransition(from: ReferralStatus, to: ReferralStatus, side: ReferralSide): boolean {
  return TRANSITIONS[from][to] === side;
}

/** The statuses this side may move the referral to from where it is, in the table's order. */
export function nextStatuses(from: ReferralStatus, side: ReferralSide): ReferralStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [ReferralStatus, ReferralSide][]).filter(([, who]) => who === side).map(([to]) => to);
}

/** Statuses in which a referral is still open: awaiting or carrying an answer that may change. */
export function isOpen(status: ReferralStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length > 0;
}

/** The provider's answers: what an answer form offers (UNDER_REVIEW is its own step, "Start review"). */
export const PROVIDER_ANSWERS = ["ACCEPTED", "WAITLISTED", "DECLINED", "INTAKE_COMPLETE"] as const satisfies readonly ReferralStatus[];
