import { describe, expect, it } from "vitest";
import { editableProviderScope, mayOpenOwnProvider, providerEditAccess } from "@/lib/authz/providers";
import type { Role } from "@/lib/generated/prisma/enums";

const RAINBOW = "00000000-0000-7000-8000-00000000000a";
const HARBOUR = "00000000-0000-7000-8000-00000000000b";
const as = (role: Role, organizationId: string) => ({ role, organizationId });

describe("who may edit a service provider's profile", () => {
  it("lets CLOs, supervisors and admins edit every field of any provider", () => {
    for (const role of ["CLO", "SUPERVISOR", "ADMIN"] as const) {
      expect(providerEditAccess(as(role, "office"), { organizationId: RAINBOW })).toBe("FULL");
      expect(editableProviderScope(as(role, "office"))).toEqual({});
    }
  });

  it("lets a provider's own caseworker keep its profile and spaces current", () => {
    expect(providerEditAccess(as("NGO_CASEWORKER", RAINBOW), { organizationId: RAINBOW })).toBe("OWN_PROFILE");
    expect(editableProviderScope(as("NGO_CASEWORKER", RAINBOW))).toEqual({ organizationId: RAINBOW });
  });

  it("refuses a caseworker of another organisation", () => {
    expect(providerEditAccess(as("NGO_CASEWORKER", HARBOUR), { organizationId: RAINBOW })).toBeNull();
  });

  it("refuses counsel", () => {
    expect(providerEditAccess(as("COUNSEL", RAINBOW), { organizationId: RAINBOW })).toBeNull();
    expect(editableProviderScope(as("COUNSEL", RAINBOW))).toEqual({ id: { in: [] } });
  });
});

describe("who has a \"My organization\" page", () => {
  it("is every NGO caseworker, and nobody else", () => {
    expect(mayOpenOwnProvider({ role: "NGO_CASEWORKER" })).toBe(true);
    for (const role of ["CLO", "SUPERVISOR", "COUNSEL", "ADMIN"] as const) expect(mayOpenOwnProvider({ role })).toBe(false);
  });
});
