import { describe, expect, it } from "vitest";
import { changeNeedsApproval, grantApprovalProblem, roleFitsOrganization } from "@/lib/users/rules";

describe("which organisation a role may belong to", () => {
  it.each([
    ["CLO", "CBSA_OFFICE", true],
    ["CLO", "SERVICE_PROVIDER", false],
    ["SUPERVISOR", "CBSA_OFFICE", true],
    ["SUPERVISOR", "LEGAL", false],
    ["NGO_CASEWORKER", "SERVICE_PROVIDER", true],
    ["NGO_CASEWORKER", "OTHER_NGO", true],
    ["NGO_CASEWORKER", "CBSA_OFFICE", false],
    ["COUNSEL", "LEGAL", true],
    ["COUNSEL", "CBSA_OFFICE", false],
    ["ADMIN", "OTHER_NGO", true],
    ["ADMIN", "CBSA_OFFICE", true],
  ] as const)("a %s in a %s: %s", (role, kind, expected) => {
    expect(roleFitsOrganization(role, kind)).toBe(expected);
  });
});

describe("which account changes wait for a second administrator", () => {
  const office = "office-toronto";
  const other = "office-vancouver";
  it.each([
    { name: "a new CLO", current: null, next: { role: "CLO", organizationId: office, active: true }, expected: true },
    { name: "a new supervisor", current: null, next: { role: "SUPERVISOR", organizationId: office, active: true }, expected: true },
    { name: "a new counsel", current: null, next: { role: "COUNSEL", organizationId: office, active: true }, expected: true },
    { name: "a new administrator (else one admin could make a second to approve their own requests)", current: null, next: { role: "ADMIN", organizationId: office, active: true }, expected: true },
    { name: "a new NGO caseworker: immediate", current: null, next: { role: "NGO_CASEWORKER", organizationId: office, active: true }, expected: false },
    { name: "a caseworker made a supervisor", current: { role: "NGO_CASEWORKER", organizationId: office, active: true }, next: { role: "SUPERVISOR", organizationId: office, active: true }, expected: true },
    { name: "a CLO made a supervisor of the same office", current: { role: "CLO", organizationId: office, active: true }, next: { role: "SUPERVISOR", organizationId: office, active: true }, expected: true },
    { name: "a CLO moved to another office's caseload", current: { role: "CLO", organizationId: office, active: true }, next: { role: "CLO", organizationId: other, active: true }, expected: true },
    { name: "a CLO made a caseworker (access taken away): immediate", current: { role: "CLO", organizationId: office, active: true }, next: { role: "NGO_CASEWORKER", organizationId: other, active: true }, expected: false },
    { name: "a deactivated CLO reactivated", current: { role: "CLO", organizationId: office, active: false }, next: { role: "CLO", organizationId: office, active: true }, expected: true },
    { name: "a CLO deactivated: immediate", current: { role: "CLO", organizationId: office, active: true }, next: { role: "CLO", organizationId: office, active: false }, expected: false },
    { name: "nothing changes: nothing to approve", current: { role: "CLO", organizationId: office, active: true }, next: { role: "CLO", organizationId: office, active: true }, expected: false },
  ] as const)("$name: $expected", ({ current, next, expected }) => {
    expect(changeNeedsApproval(current, next)).toBe(expected);
  });

  it("lets only another administrator approve, and never the grant's own subject", () => {
    expect(grantApprovalProblem("admin-2", { requestedById: "admin-1", userId: "user-9" })).toBeNull();
    expect(grantApprovalProblem("admin-1", { requestedById: "admin-1", userId: "user-9" })).toBe("OWN_REQUEST");
    expect(grantApprovalProblem("admin-2", { requestedById: "admin-1", userId: "admin-2" })).toBe("ABOUT_SELF");
  });
});
