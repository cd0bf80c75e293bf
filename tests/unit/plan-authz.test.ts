import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import {
  assessmentAudience,
  canConfirmBondsperson,
  canEditAssessment,
  canEditPlan,
  canProposeBondsperson,
  canReadPlan,
} from "@/lib/authz/plans";
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

const OFFICE = "00000000-0000-7000-8000-000000000001";
function actor(role: Role, organizationKind: OrganizationKind, organizationId = OFFICE): Actor {
  return { userId: `user-${role}`, sessionId: "session", name: "Test", role, organizationId, organizationKind, organizationName: "Org" };
}
const clo = actor("CLO", "CBSA_OFFICE");
const supervisor = actor("SUPERVISOR", "CBSA_OFFICE");
const counsel = actor("COUNSEL", "LEGAL", "law");
const caseworker = actor("NGO_CASEWORKER", "SERVICE_PROVIDER", "ngo");
const admin = actor("ADMIN", "OTHER_NGO", "admin");

describe("who may read and change the assessment and the release plan", () => {
  it.each<[string, Actor, ReturnType<typeof assessmentAudience>, boolean, boolean, boolean, boolean]>([
    // name, actor, assessment audience, edit assessment, read plan, edit plan, propose bondsperson
    ["a CLO", clo, "CASE_TEAM", true, true, true, true],
    ["a supervisor", supervisor, "CASE_TEAM", true, true, true, true],
    ["counsel", counsel, "COUNSEL", false, true, false, true],
    ["an NGO caseworker", caseworker, null, false, false, false, false],
    ["an admin", admin, null, false, false, false, false],
  ])("%s", (_name, who, audience, editAssessment, readPlan, editPlan, propose) => {
    expect(assessmentAudience(who)).toBe(audience);
    expect(canEditAssessment(who)).toBe(editAssessment);
    expect(canReadPlan(who)).toBe(readPlan);
    expect(canEditPlan(who)).toBe(editPlan);
    expect(canProposeBondsperson(who)).toBe(propose);
  });

  it("lets only the case team confirm a guarantor, never counsel who proposed one", () => {
    expect(canConfirmBondsperson(clo)).toBe(true);
    expect(canConfirmBondsperson(supervisor)).toBe(true);
    expect(canConfirmBondsperson(counsel)).toBe(false);
  });
});
