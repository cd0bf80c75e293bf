import { describe, expect, it } from "vitest";
import { canTransition, isOpen, nextStatuses, REFERRAL_STATUSES, type ReferralSide } from "@/lib/referrals/rules";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

describe("the referral's life", () => {
  it.each<[ReferralStatus, ReferralStatus, ReferralSide]>([
    ["DRAFT", "SENT", "CLO"],
    ["SENT", "UNDER_REVIEW", "PROVIDER"],
    ["SENT", "ACCEPTED", "PROVIDER"],
    ["UNDER_REVIEW", "ACCEPTED", "PROVIDER"],
    ["UNDER_REVIEW", "WAITLISTED", "PROVIDER"],
    ["UNDER_REVIEW", "DECLINED", "PROVIDER"],
    ["WAITLISTED", "ACCEPTED", "PROVIDER"],
    ["ACCEPTED", "INTAKE_COMPLETE", "PROVIDER"],
    ["SENT", "WITHDRAWN", "CLO"],
    ["ACCEPTED", "WITHDRAWN", "CLO"],
  ])("lets %s become %s by the %s side", (from, to, side) => {
    expect(canTransition(from, to, side)).toBe(true);
  });

  it.each<[ReferralStatus, ReferralStatus, ReferralSide, string]>([
    ["SENT", "ACCEPTED", "CLO", "a CLO cannot accept on the provider's behalf"],
    ["UNDER_REVIEW", "WITHDRAWN", "PROVIDER", "a provider declines rather than withdraws"],
    ["DRAFT", "ACCEPTED", "PROVIDER", "a draft has not been sent"],
    ["UNDER_REVIEW", "INTAKE_COMPLETE", "PROVIDER", "intake follows acceptance"],
    ["DECLINED", "ACCEPTED", "PROVIDER", "a decline is final"],
    ["INTAKE_COMPLETE", "WITHDRAWN", "CLO", "a completed intake is final"],
    ["WITHDRAWN", "SENT", "CLO", "a withdrawn referral is not resent"],
  ])("refuses %s → %s by the %s side (%s)", (from, to, side) => {
    expect(canTransition(from, to, side)).toBe(false);
  });

  it("never lets a status move to itself", () => {
    for (const status of REFERRAL_STATUSES) for (const side of ["CLO", "PROVIDER"] as const) expect(canTransition(status, status, side)).toBe(false);
  });

  it("offers the provider the answers open from where the referral is", () => {
    expect(nextStatuses("UNDER_REVIEW", "PROVIDER")).toEqual(["ACCEPTED", "WAITLISTED", "DECLINED"]);
    expect(nextStatuses("ACCEPTED", "PROVIDER")).toEqual(["INTAKE_COMPLETE"]);
    expect(nextStatuses("UNDER_REVIEW", "CLO")).toEqual(["WITHDRAWN"]);
  });

  it("treats declined, withdrawn and completed referrals as closed", () => {
    expect(REFERRAL_STATUSES.filter((status) => !isOpen(status))).toEqual(["DECLINED", "WITHDRAWN", "INTAKE_COMPLETE"]);
  });
});
