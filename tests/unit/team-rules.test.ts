import { describe, expect, it } from "vitest";
import { postTeamMessageSchema, TEAM_MESSAGE_MAX } from "@/lib/team/schema";
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

describe("a team message as the form sends it", () => {
  const valid = { detentionId: "0190a3c4-1b2c-7d3e-8f40-123456789abc", body: "Intake call on Thursday.\nBring the letter.", token: "0190a3c4-1b2c-7d3e-8f40-123456789abd" };
  const issue = (input: Record<string, unknown>) => {
    const parsed = postTeamMessageSchema.safeParse(input);
    return parsed.success ? null : parsed.error.issues.map((entry) => `${entry.path.join(".")}:${entry.message}`);
  };
  it("reads unticked boxes as no one and one ticked provider as a list", () => {
    expect(postTeamMessageSchema.parse(valid)).toMatchObject({ counsel: false, providers: [] });
    expect(postTeamMessageSchema.parse({ ...valid, counsel: "on", providers: valid.token })).toMatchObject({ counsel: true, providers: [valid.token] });
  });
  it.each([
    ["an empty message", { ...valid, body: "   " }, "body:required"],
    ["a control character", { ...valid, body: "Bell\u0007" }, "body:controlCharacters"],
    ["a message over the cap", { ...valid, body: "x".repeat(TEAM_MESSAGE_MAX + 1) }, "body:tooLong"],
    ["no token", { detentionId: valid.detentionId, body: valid.body }, "token:invalidChoice"],
    ["neither a case nor a referral", { body: valid.body, token: valid.token }, "detentionId:invalidChoice"],
    ["both a case and a referral", { ...valid, referralId: valid.token }, "detentionId:invalidChoice"],
    ["a provider that is not an id", { ...valid, providers: ["Harbour"] }, "providers.0:invalidChoice"],
  ])("refuses %s", (_name, input, expected) => {
    expect(issue(input)).toContain(expected);
  });
  it("keeps line breaks", () => {
    expect(postTeamMessageSchema.parse(valid).body).toBe(valid.body);
  });
});
