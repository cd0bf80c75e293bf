import { describe, expect, it } from "vitest";
import { can, detentionScope, homePath, managedUserScope, referralScope, type Actor, type Capability } from "@/lib/authz";
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

const OFFICE = "00000000-0000-7000-8000-000000000001";
const PROVIDER_ORG = "00000000-0000-7000-8000-000000000002";
const LAW_OFFICE = "00000000-0000-7000-8000-000000000003";

function actor(role: Role, organizationKind: OrganizationKind, organizationId: string): Actor {
  return { userId: `user-${role}`, sessionId: "session", name: "Test", role, organizationId, organizationKind, organizationName: "Org" };
}

const clo = actor("CLO", "CBSA_OFFICE", OFFICE);
const supervisor = actor("SUPERVISOR", "CBSA_OFFICE", OFFICE);
const caseworker = actor("NGO_CASEWORKER", "SERVICE_PROVIDER", PROVIDER_ORG);
const counsel = actor("COUNSEL", "LEGAL", LAW_OFFICE);
const admin = actor("ADMIN", "OTHER_NGO", PROVIDER_ORG);
const NOTHING = { id: { in: [] } };

describe("what each role may do (the capability matrix)", () => {
  it("covers every capability some role has", () => {
    expect(capabilities.length).toBe(29);
  });

  const cloWork: Capability[] = ["detentions.list", "cases.create", "cases.edit", "tasks.mine", "plans.edit", "bondsperson.propose", "notes.write", "reviews.dashboard", "reviews.record", "calendar.feed", "providers.view", "providers.edit", "referrals.compose", "consent.record", "outreach.manage", "complaints.file"];
  const allowed: Record<Role, Capability[]> = {
    CLO: cloWork,
    SUPERVISOR: [...cloWork, "detentions.assign", "people.merge", "reports.view", "audit.view", "policy.view", "complaints.handle"],
    NGO_CASEWORKER: ["referrals.inbox", "providers.view", "complaints.file"],
    COUNSEL: ["clients.list", "reviews.dashboard", "calendar.feed", "providers.view", "notes.write", "bondsperson.propose", "options.propose", "complaints.file"],
    ADMIN: ["users.manage", "organizations.manage", "providers.view", "providers.edit", "reports.view", "audit.view", "jobs.view", "policy.view", "policy.manage"],
  };
  const capabilities = [...new Set(Object.values(allowed).flat())];
  const rows = (Object.keys(allowed) as Role[]).flatMap((role) => capabilities.map((capability) => ({ role, capability, expected: allowed[role].includes(capability) })));

  it.each(rows)("$role may $capability: $expected", ({ role, capability, expected }) => {
    expect(can({ role }, capability)).toBe(expected);
  });

  it.each([
    ["CLO", "/cases"],
    ["SUPERVISOR", "/cases"],
    ["NGO_CASEWORKER", "/referrals"],
    ["COUNSEL", "/clients"],
    ["ADMIN", "/admin/users"],
  ] as const)("a %s lands on %s after signing in", (role, path) => {
    expect(homePath(role)).toBe(path);
  });

  it("every home path is one the role may open", () => {
    const capabilityOfHome: Record<string, Capability> = { "/cases": "detentions.list", "/referrals": "referrals.inbox", "/clients": "clients.list", "/admin/users": "users.manage" };
    for (const role of ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const) {
      expect(can({ role }, capabilityOfHome[homePath(role)]!)).toBe(true);
    }
  });
});

describe("which detentions each role may open", () => {
  it("a CLO and a supervisor see their own office's detentions", () => {
    expect(detentionScope(clo)).toEqual({ officeId: OFFICE });
    expect(detentionScope(supervisor)).toEqual({ officeId: OFFICE });
  });

  it("a CLO account wrongly attached to a non-CBSA organisation sees nothing", () => {
    expect(detentionScope(actor("CLO", "SERVICE_PROVIDER", PROVIDER_ORG))).toEqual(NOTHING);
  });

  it("counsel see only detentions of people for whom they are counsel of record", () => {
    expect(detentionScope(counsel)).toEqual({ detainee: { counselId: counsel.userId } });
  });

  it("NGO caseworkers and admins open no case file", () => {
    expect(detentionScope(caseworker)).toEqual(NOTHING);
    expect(detentionScope(admin)).toEqual(NOTHING);
  });
});

describe("which referrals each role may see", () => {
  it("a caseworker sees referrals sent to their own organisation, never drafts", () => {
    expect(referralScope(caseworker)).toEqual({ provider: { organizationId: PROVIDER_ORG }, status: { not: "DRAFT" } });
  });

  it("CLOs and supervisors see referrals on their office's detentions", () => {
    expect(referralScope(clo)).toEqual({ detention: { officeId: OFFICE } });
    expect(referralScope(supervisor)).toEqual({ detention: { officeId: OFFICE } });
  });

  it("counsel and admins see no referral", () => {
    expect(referralScope(counsel)).toEqual(NOTHING);
    expect(referralScope(admin)).toEqual(NOTHING);
  });
});

describe("which users each role may manage", () => {
  it.each([
    [clo, NOTHING],
    [supervisor, NOTHING],
    [caseworker, NOTHING],
    [counsel, NOTHING],
    [admin, {}],
  ])("%o", (who, expected) => {
    expect(managedUserScope(who)).toEqual(expected);
  });
});
