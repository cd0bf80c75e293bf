import { describe, expect, it } from "vitest";
import { allowedAudience, audienceShownTo, checkAudience, teamSide, type AudienceFacts, type TeamSide } from "@/lib/team/rules";

const COUNSEL_ORG = "legal-1";
const HARBOUR = "provider-harbour";
const RAINBOW = "provider-rainbow";

const full: AudienceFacts = { counselOrgId: COUNSEL_ORG, providerOrgIds: [HARBOUR, RAINBOW], counselWroteToAuthor: false };

describe("which side of the case team a user writes from", () => {
  it.each([
    [{ role: "CLO", organizationKind: "CBSA_OFFICE" }, "OFFICE"],
    [{ role: "SUPERVISOR", organizationKind: "CBSA_OFFICE" }, "OFFICE"],
    [{ role: "CLO", organizationKind: "LEGAL" }, null],
    [{ role: "COUNSEL", organizationKind: "LEGAL" }, "COUNSEL"],
    [{ role: "COUNSEL", organizationKind: "SERVICE_PROVIDER" }, null],
    [{ role: "NGO_CASEWORKER", organizationKind: "SERVICE_PROVIDER" }, "PROVIDER"],
    [{ role: "ADMIN", organizationKind: "CBSA_OFFICE" }, null],
  ] as const)("%o writes as %s", (actor, side) => {
    expect(teamSide(actor)).toBe(side);
  });
});

describe("the audiences an author may choose beyond the office", () => {
  const cases: { name: string; side: TeamSide; authorOrg: string; facts: AudienceFacts; expected: { counsel: boolean; providerOrgIds: string[] } }[] = [
    { name: "a CLO: counsel of record and every provider on the case within consent", side: "OFFICE", authorOrg: "office", facts: full, expected: { counsel: true, providerOrgIds: [HARBOUR, RAINBOW] } },
    { name: "a CLO, no counsel with an account: providers only", side: "OFFICE", authorOrg: "office", facts: { ...full, counselOrgId: null }, expected: { counsel: false, providerOrgIds: [HARBOUR, RAINBOW] } },
    { name: "a CLO, no provider on the team: counsel only", side: "OFFICE", authorOrg: "office", facts: { ...full, providerOrgIds: [] }, expected: { counsel: true, providerOrgIds: [] } },
    { name: "counsel: the providers (their own organisation reads as author)", side: "COUNSEL", authorOrg: COUNSEL_ORG, facts: full, expected: { counsel: false, providerOrgIds: [HARBOUR, RAINBOW] } },
    { name: "a provider counsel has not written to: the office only", side: "PROVIDER", authorOrg: HARBOUR, facts: full, expected: { counsel: false, providerOrgIds: [] } },
    { name: "a provider counsel wrote to: counsel too, never another provider", side: "PROVIDER", authorOrg: HARBOUR, facts: { ...full, counselWroteToAuthor: true }, expected: { counsel: true, providerOrgIds: [] } },
    { name: "a provider counsel wrote to, counsel since gone: the office only", side: "PROVIDER", authorOrg: HARBOUR, facts: { ...full, counselOrgId: null, counselWroteToAuthor: true }, expected: { counsel: false, providerOrgIds: [] } },
  ];
  it.each(cases)("$name", ({ side, authorOrg, facts, expected }) => {
    expect(allowedAudience(side, authorOrg, facts)).toEqual(expected);
  });
});

describe("an audience chosen is stored whole or refused whole", () => {
  const allowed = { counsel: true, providerOrgIds: [HARBOUR] };
  it("stores counsel's organisation and the providers chosen, each once", () => {
    expect(checkAudience({ counsel: true, providerOrgIds: [HARBOUR, HARBOUR] }, allowed, COUNSEL_ORG)).toEqual({ ok: true, organizationIds: [COUNSEL_ORG, HARBOUR].sort() });
  });
  it("stores nothing beyond the office when nothing is chosen", () => {
    expect(checkAudience({ counsel: false, providerOrgIds: [] }, allowed, COUNSEL_ORG)).toEqual({ ok: true, organizationIds: [] });
  });
  it("refuses a provider the author may not choose, even beside one they may", () => {
    expect(checkAudience({ counsel: false, providerOrgIds: [HARBOUR, RAINBOW] }, allowed, COUNSEL_ORG)).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
  });
  it("refuses counsel when counsel may not be chosen", () => {
    expect(checkAudience({ counsel: true, providerOrgIds: [] }, { counsel: false, providerOrgIds: [] }, COUNSEL_ORG)).toEqual({ ok: false, reason: "COUNSEL_NOT_ALLOWED" });
  });
  it("refuses counsel when there is no counsel of record", () => {
    expect(checkAudience({ counsel: true, providerOrgIds: [] }, allowed, null)).toEqual({ ok: false, reason: "COUNSEL_NOT_ALLOWED" });
  });
});

describe("'Visible to' as each reader may be told it", () => {
  const audience = [
    { organizationId: COUNSEL_ORG, kind: "LEGAL" as const },
    { organizationId: HARBOUR, kind: "SERVICE_PROVIDER" as const },
    { organizationId: RAINBOW, kind: "SERVICE_PROVIDER" as const },
  ];
  it("the office and counsel are told every organisation", () => {
    expect(audienceShownTo("OFFICE", "office", audience)).toEqual({ office: true, counsel: true, organizationIds: [COUNSEL_ORG, HARBOUR, RAINBOW] });
    expect(audienceShownTo("COUNSEL", COUNSEL_ORG, audience)).toEqual({ office: true, counsel: true, organizationIds: [COUNSEL_ORG, HARBOUR, RAINBOW] });
  });
  it("a provider is told the office, counsel and itself, never another provider", () => {
    expect(audienceShownTo("PROVIDER", HARBOUR, audience)).toEqual({ office: true, counsel: true, organizationIds: [HARBOUR] });
  });
});
