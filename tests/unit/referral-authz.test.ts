import { describe, expect, it } from "vitest";
import { consentScope, myReferralsScope, referralAccessScope, referralSide } from "@/lib/authz/referrals";
import type { Actor } from "@/lib/authz";
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

const OFFICE = "00000000-0000-7000-8000-000000000001";
const RAINBOW = "00000000-0000-7000-8000-000000000002";
const actor = (role: Role, organizationKind: OrganizationKind, organizationId: string): Actor => ({ userId: `user-${role}`, sessionId: "s", name: "Test", role, organizationId, organizationKind, organizationName: "Org" });
const NOTHING = { id: { in: [] } };

describe("who may see a referral", () => {
  it("shows a provider's caseworker only sent referrals to their organisation while consent is in force, never an outside one", () => {
    expect(referralAccessScope(actor("NGO_CASEWORKER", "SERVICE_PROVIDER", RAINBOW))).toEqual({
      AND: [{ provider: { organizationId: RAINBOW }, status: { not: "DRAFT" } }, { consent: { is: { withdrawnAt: null } } }, { outside: false }],
    });
  });

  it("shows CLOs and supervisors their office's referrals, consent or not", () => {
    expect(referralAccessScope(actor("CLO", "CBSA_OFFICE", OFFICE))).toEqual({ detention: { officeId: OFFICE } });
    expect(referralAccessScope(actor("SUPERVISOR", "CBSA_OFFICE", OFFICE))).toEqual({ detention: { officeId: OFFICE } });
  });

  it("shows counsel and admins none", () => {
    expect(referralAccessScope(actor("COUNSEL", "LEGAL", RAINBOW))).toEqual(NOTHING);
    expect(referralAccessScope(actor("ADMIN", "OTHER_NGO", RAINBOW))).toEqual(NOTHING);
    expect(referralSide(actor("COUNSEL", "LEGAL", RAINBOW))).toBeNull();
  });

  it("lists a CLO's own referrals as theirs and a supervisor's whole office", () => {
    expect(myReferralsScope(actor("CLO", "CBSA_OFFICE", OFFICE))).toEqual({ AND: [{ detention: { officeId: OFFICE } }, { createdById: "user-CLO" }] });
    expect(myReferralsScope(actor("SUPERVISOR", "CBSA_OFFICE", OFFICE))).toEqual({ detention: { officeId: OFFICE } });
    expect(myReferralsScope(actor("NGO_CASEWORKER", "SERVICE_PROVIDER", RAINBOW))).toEqual(NOTHING);
  });

  it("lets the case team, and only them, reach a person's consents", () => {
    expect(consentScope(actor("CLO", "CBSA_OFFICE", OFFICE))).toEqual({ detainee: { detentions: { some: { officeId: OFFICE } } } });
    expect(consentScope(actor("NGO_CASEWORKER", "SERVICE_PROVIDER", RAINBOW))).toEqual(NOTHING);
    expect(consentScope(actor("COUNSEL", "LEGAL", RAINBOW))).toEqual(NOTHING);
  });
});
