import { describe, expect, it } from "vitest";
import { roleFitsOrganization } from "@/lib/users/rules";

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
