import { describe, expect, it } from "vitest";
import { atdMeasuresOf, checkOutcome, conditionNames, NO_CONDITIONS, releasedOnPlan, statusForOutcome, type OutcomeConditions, type OutcomeContext, type OutcomeDraft } from "@/lib/outcomes/rules";
import { conditionsOf, correctOutcomeSchema, readConditions, recordOutcomeSchema, undoOutcomeSchema } from "@/lib/outcomes/schema";
import { computeReviewSchedule } from "@/lib/reviews/rules";

const HOUR = 3_600_000;
const detainedAt = new Date("2026-06-01T12:00:00Z");
const now = new Date("2026-06-10T12:00:00Z");
const weekly: OutcomeConditions = { ...NO_CONDITIONS, reporting: { mode: "IN_PERSON", frequency: "WEEKLY" } };

const context = (overrides: Partial<OutcomeContext> = {}): OutcomeContext => ({
  status: "DETAINED",
  hasOutcomeInForce: false,
  detainedAt,
  schedule: "STANDARD",
  officerReleaseWindowOpen: false,
  now,
  ...overrides,
});
const draft = (overrides: Partial<OutcomeDraft> = {}): OutcomeDraft => ({
  kind: "RELEASE",
  releaseType: "ID_ORDER_ON_CONDITIONS",
  occurredAt: new Date("2026-06-08T15:00:00Z"),
  decidedBy: null,
  reason: null,
  conditions: weekly,
  ...overrides,
});

describe("which outcomes may be recorded from which state", () => {
  it.each<[string, Partial<OutcomeContext>, Partial<OutcomeDraft>, string]>([
    ["a release on conditions from DETAINED", {}, {}, "ok"],
    ["released twice (status already RELEASED)", { status: "RELEASED" }, {}, "NOT_DETAINED"],
    ["released twice (an outcome already in force)", { hasOutcomeInForce: true }, {}, "NOT_DETAINED"],
    ["a removal after a release", { status: "RELEASED" }, { kind: "REMOVAL", releaseType: null, decidedBy: "CBSA_OFFICER", conditions: null }, "NOT_DETAINED"],
    ["anything from REMOVED", { status: "REMOVED" }, { kind: "OTHER_END", reason: "x", decidedBy: "OTHER" }, "NOT_DETAINED"],
    ["anything from TRANSFERRED_OUT", { status: "TRANSFERRED_OUT" }, {}, "NOT_DETAINED"],
    ["anything from ENDED", { status: "ENDED" }, {}, "NOT_DETAINED"],
    ["released before detention", {}, { occurredAt: new Date(detainedAt.getTime() - 60_000) }, "date:outcomeBeforeDetention"],
    ["released at the moment of detention", {}, { occurredAt: detainedAt }, "ok"],
    ["released in the future", {}, { occurredAt: new Date(now.getTime() + HOUR) }, "date:outcomeInFuture"],
    ["released a minute ahead of the server's clock", {}, { occurredAt: new Date(now.getTime() + 60_000) }, "ok"],
  ])("%s", (_name, contextOverrides, draftOverrides, expected) => {
    const result = checkOutcome(draft(draftOverrides), context(contextOverrides));
    const answer = result.ok ? "ok" : result.reason === "FIELD" ? `${result.field}:${result.key}` : result.reason;
    expect(answer).toBe(expected);
  });
});

describe("what each kind of release needs and permits", () => {
  it.each<[string, Partial<OutcomeContext>, Partial<OutcomeDraft>, string]>([
    ["an ID order on conditions with none", {}, { conditions: NO_CONDITIONS }, "conditions:conditionsRequired"],
    ["an ID order on conditions with a null fieldset", {}, { conditions: null }, "conditions:conditionsRequired"],
    ["an ID order without conditions", {}, { releaseType: "ID_ORDER_WITHOUT_CONDITIONS", conditions: NO_CONDITIONS }, "ok"],
    ["an ID order without conditions that lists one", {}, { releaseType: "ID_ORDER_WITHOUT_CONDITIONS" }, "conditions:conditionsNotAllowed"],
    ["an ID order said to be decided by an officer", {}, { decidedBy: "CBSA_OFFICER" }, "decidedBy:decidedByMismatch"],
    ["an officer's release while the window is open", { officerReleaseWindowOpen: true }, { releaseType: "CBSA_OFFICER_RELEASE" }, "ok"],
    ["an officer's release without conditions, window open", { officerReleaseWindowOpen: true }, { releaseType: "CBSA_OFFICER_RELEASE", conditions: null }, "ok"],
    ["an officer's release after the first review", { officerReleaseWindowOpen: false }, { releaseType: "CBSA_OFFICER_RELEASE" }, "releaseType:officerWindowClosed"],
    ["an officer's release of a designated foreign national", { officerReleaseWindowOpen: true, schedule: "DESIGNATED_FOREIGN_NATIONAL" }, { releaseType: "CBSA_OFFICER_RELEASE" }, "releaseType:officerWindowClosed"],
    ["the Minister's release of a designated foreign national", { schedule: "DESIGNATED_FOREIGN_NATIONAL" }, { releaseType: "MINISTER_RELEASE" }, "ok"],
    ["the Minister's release on the standard schedule", {}, { releaseType: "MINISTER_RELEASE" }, "releaseType:ministerOnlyDesignated"],
    ["another release without its reason", {}, { releaseType: "OTHER", decidedBy: "OTHER" }, "reason:outcomeReasonRequired"],
    ["another release without who decided", {}, { releaseType: "OTHER", reason: "Court order" }, "decidedBy:required"],
    ["another release with its reason", {}, { releaseType: "OTHER", reason: "Federal Court order", decidedBy: "OTHER" }, "ok"],
    ["a release without its type", {}, { releaseType: null }, "releaseType:required"],
    ["a removal", {}, { kind: "REMOVAL", releaseType: null, conditions: null, decidedBy: "CBSA_OFFICER" }, "ok"],
    ["a removal without who decided", {}, { kind: "REMOVAL", releaseType: null, conditions: null }, "decidedBy:required"],
    ["a transfer out without where to", {}, { kind: "TRANSFER_OUT", releaseType: null, conditions: null, decidedBy: "OTHER" }, "reason:outcomeReasonRequired"],
    ["a transfer out with where to", {}, { kind: "TRANSFER_OUT", releaseType: null, conditions: null, decidedBy: "OTHER", reason: "Provincial custody" }, "ok"],
    ["another end without its reason", {}, { kind: "OTHER_END", releaseType: null, conditions: null, decidedBy: "OTHER" }, "reason:outcomeReasonRequired"],
  ])("%s", (_name, contextOverrides, draftOverrides, expected) => {
    const result = checkOutcome(draft(draftOverrides), context(contextOverrides));
    const answer = result.ok ? "ok" : result.reason === "FIELD" ? `${result.field}:${result.key}` : result.reason;
    expect(answer).toBe(expected);
  });

  it("fills in who decided from the release type, and keeps no conditions on other ends", () => {
    const release = checkOutcome(draft(), context());
    expect(release).toMatchObject({ ok: true, decidedBy: "IMMIGRATION_DIVISION", status: "RELEASED", atdMeasures: ["IN_PERSON_REPORTING"] });
    const removal = checkOutcome(draft({ kind: "REMOVAL", releaseType: "ID_ORDER_ON_CONDITIONS", decidedBy: "CBSA_OFFICER" }), context());
    expect(removal).toMatchObject({ ok: true, releaseType: null, conditions: null, atdMeasures: [], status: "REMOVED" });
  });
});

describe("the officer-release window the mutation reads (IRPA s.56(1))", () => {
  const zone = "America/Toronto";
  it.each<[string, { startedOn: Date; outcome: "CONTINUED" | "WITHDRAWN" }[], boolean]>([
    ["before any review", [], true],
    ["after a withdrawn hearing (not a review)", [{ startedOn: new Date(detainedAt.getTime() + 20 * HOUR), outcome: "WITHDRAWN" }], true],
    ["after the 48-hour review was held", [{ startedOn: new Date(detainedAt.getTime() + 20 * HOUR), outcome: "CONTINUED" }], false],
  ])("%s", (_name, reviews, open) => {
    const at = new Date(detainedAt.getTime() + 30 * HOUR);
    expect(computeReviewSchedule({ detainedAt, timeZone: zone, schedule: "STANDARD", reviews, now: at }).officerReleaseWindowOpen).toBe(open);
  });
});

describe("what an outcome does", () => {
  it.each([
    ["RELEASE", "RELEASED"],
    ["REMOVAL", "REMOVED"],
    ["TRANSFER_OUT", "TRANSFERRED_OUT"],
    ["OTHER_END", "ENDED"],
  ] as const)("%s leaves the detention %s", (kind, status) => {
    expect(statusForOutcome(kind)).toBe(status);
  });

  it.each([
    ["DRAFTING", false],
    ["READY", true],
    ["PRESENTED", true],
    ["RELEASE_ORDERED", true],
    ["NOT_ACCEPTED", false],
    ["WITHDRAWN", false],
    [null, false],
  ] as const)("a plan %s is released on: %s", (status, expected) => {
    expect(releasedOnPlan(status)).toBe(expected);
  });

  it.each<[string, Partial<OutcomeConditions>, string[]]>([
    ["none", {}, []],
    ["voice reporting", { reporting: { mode: "VOICE", frequency: "TWICE_WEEKLY" } }, ["VOICE_REPORTING"]],
    ["a bondsperson and a residence", { bondsperson: { name: "A", amountCents: 500_000 }, residenceAddress: "1 Main St" }, ["RESIDENCE_CONDITION", "BONDSPERSON"]],
    ["a cash deposit of zero dollars", { cashDepositCents: 0 }, ["CASH_DEPOSIT"]],
    ["a performance bond", { performanceBondCents: 100_000 }, ["PERFORMANCE_BOND"]],
    ["CCMS", { ccms: { program: null, provider: "Harbour House" } }, ["CCMS"]],
    ["CCMS with electronic monitoring", { ccms: { program: "Supervision", provider: "Harbour House" }, electronicMonitoring: true }, ["CCMS_WITH_ELECTRONIC_MONITORING"]],
    ["electronic monitoring alone", { electronicMonitoring: true }, ["OTHER"]],
    ["a curfew and other conditions", { curfew: "22:00 to 06:00", other: "Keep the peace" }, ["OTHER"]],
  ])("conditions: %s → ATD measures", (_name, conditions, measures) => {
    expect(atdMeasuresOf({ ...NO_CONDITIONS, ...conditions })).toEqual(measures);
  });

  it("names conditions without their values", () => {
    expect(conditionNames({ ...NO_CONDITIONS, bondsperson: { name: "Rosa", amountCents: 1 }, curfew: "22:00" })).toEqual(["bondsperson", "curfew"]);
    expect(conditionNames(null)).toEqual([]);
  });
});

describe("the outcome form", () => {
  const base = { detentionId: "0193a000-0000-7000-8000-000000000001", detentionVersion: "3", kind: "RELEASE", releaseType: "ID_ORDER_ON_CONDITIONS", date: "2026-06-08", time: "11:00" };
  const issues = (input: Record<string, unknown>) => {
    const parsed = recordOutcomeSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
  };

  it("reads the conditions fieldset into conditions, money in cents", () => {
    const parsed = recordOutcomeSchema.parse({ ...base, reportingMode: "VOICE", reportingFrequency: "WEEKLY", bondspersonName: "Rosa Diaz", bondAmount: "5,000.50", cashDeposit: "", electronicMonitoring: "on", ccmsProvider: "Harbour House" });
    expect(parsed.conditions).toEqual({
      ...NO_CONDITIONS,
      reporting: { mode: "VOICE", frequency: "WEEKLY" },
      bondsperson: { name: "Rosa Diaz", amountCents: 500_050 },
      ccms: { program: null, provider: "Harbour House" },
      electronicMonitoring: true,
    });
    expect(parsed.detentionVersion).toBe(3);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a date that does not exist", { date: "2026-02-30" }, ["date:date"]],
    ["a time that is not one", { time: "25:00" }, ["time:time"]],
    ["a negative amount", { bondspersonName: "Rosa", bondAmount: "-5" }, ["bondAmount:amountFormat"]],
    ["an amount that is not one", { cashDeposit: "lots" }, ["cashDeposit:amountFormat"]],
    ["a bondsperson without an amount", { bondspersonName: "Rosa" }, ["bondAmount:bondAmountRequired"]],
    ["reporting without its frequency", { reportingMode: "IN_PERSON" }, ["reportingFrequency:reportingFrequencyRequired"]],
    ["a CCMS program without its provider", { ccmsProgram: "Supervision" }, ["ccmsProvider:ccmsProviderRequired"]],
    ["a control character in a name", { bondspersonName: "Ro\u0007sa", bondAmount: "1" }, ["bondspersonName:controlCharacters"]],
    ["an unknown kind", { kind: "ESCAPE" }, ["kind:invalidChoice"]],
  ])("refuses %s, naming the field", (_name, overrides, expected) => {
    expect(issues({ ...base, ...overrides })).toEqual(expected);
  });

  it("keeps no conditions or release type on an outcome that is not a release", () => {
    const parsed = recordOutcomeSchema.parse({ ...base, kind: "REMOVAL", decidedBy: "CBSA_OFFICER", reportingMode: "VOICE", reportingFrequency: "WEEKLY" });
    expect(parsed).toMatchObject({ kind: "REMOVAL", releaseType: null, conditions: null, decidedBy: "CBSA_OFFICER" });
  });

  it("asks a correction and an undo for their reason", () => {
    expect(undoOutcomeSchema.safeParse({ detentionId: base.detentionId, outcomeId: base.detentionId, outcomeVersion: "1", undoReason: " " }).success).toBe(false);
    expect(correctOutcomeSchema.safeParse({ ...base, outcomeId: base.detentionId, outcomeVersion: "1", correctionReason: "" }).success).toBe(false);
    expect(correctOutcomeSchema.safeParse({ ...base, outcomeId: base.detentionId, outcomeVersion: "1", correctionReason: "Wrong day", reportingMode: "VOICE", reportingFrequency: "DAILY" }).success).toBe(true);
  });

  it("reads stored conditions back, and anything else as none", () => {
    const stored = conditionsOf({ reportingMode: null, reportingFrequency: null, residenceAddress: "1 Main St", bondspersonName: null, bondAmount: null, cashDeposit: 1000, performanceBond: null, ccmsProgram: null, ccmsProvider: null, curfew: null, electronicMonitoring: false, otherConditions: null });
    expect(readConditions(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(readConditions({ nonsense: true })).toBeNull();
    expect(readConditions(null)).toBeNull();
  });
});
