import { describe, expect, it } from "vitest";
import {
  bondspersonVettingProblems,
  dollarsToCents,
  emptyPlanSnapshot,
  nextStatuses,
  planChanges,
  planReadiness,
  type PlanSnapshot,
  type ReadinessInput,
} from "@/lib/release-plans/rules";
import { bondspersonFormSchema } from "@/lib/release-plans/schema";

const guarantor: PlanSnapshot["bondspersons"][number] = {
  id: "b1",
  name: "Rosa",
  relationship: "Sister",
  phone: null,
  email: null,
  amountCents: 500_000,
  citizenOrPermanentResident: true,
  residesInCanada: true,
  noGuaranteeInDefault: true,
  confirmed: false,
};
const base: PlanSnapshot = { ...emptyPlanSnapshot(), measures: ["BONDSPERSON", "VOICE_REPORTING"], mitigations: { UNLIKELY_TO_APPEAR: "Voice reporting" }, bondspersons: [guarantor] };

describe("the names of what changed between two plan versions", () => {
  it.each<[string, Partial<PlanSnapshot>, string[]]>([
    ["nothing, when only the order of measures differs", { measures: ["VOICE_REPORTING", "BONDSPERSON"] }, []],
    ["nothing, when a text only gained surrounding spaces", { mitigations: { UNLIKELY_TO_APPEAR: "  Voice reporting " } }, []],
    ["the measures", { measures: ["BONDSPERSON"] }, ["measures"]],
    ["the residence and the conditions", { residenceAddress: "1 Example St", proposedConditions: "Report weekly" }, ["proposedConditions", "residenceAddress"]],
    ["the mitigation of the ground that changed", { mitigations: { UNLIKELY_TO_APPEAR: "Bondsperson", DANGER_TO_PUBLIC: "Treatment" } }, ["mitigations.DANGER_TO_PUBLIC", "mitigations.UNLIKELY_TO_APPEAR"]],
    ["a removed mitigation", { mitigations: {} }, ["mitigations.UNLIKELY_TO_APPEAR"]],
    ["the status", { status: "READY" }, ["status"]],
    ["a bondsperson's confirmation and amount", { bondspersons: [{ ...guarantor, confirmed: true, amountCents: 100 }] }, ["bondspersons.amountCents", "bondspersons.confirmed"]],
    ["an added bondsperson", { bondspersons: [guarantor, { ...guarantor, id: "b2" }] }, ["bondspersons.added"]],
    ["a removed bondsperson", { bondspersons: [] }, ["bondspersons.removed"]],
  ])("names %s", (_name, change, expected) => {
    expect(planChanges(base, { ...base, ...change })).toEqual(expected);
  });

  it("never contains the values themselves", () => {
    const after: PlanSnapshot = { ...base, residenceAddress: "12 Secret Road", bondspersons: [{ ...guarantor, name: "Someone Else", phone: "+1 555 0101" }] };
    const changes = planChanges(base, after);
    expect(changes).toEqual(["bondspersons.name", "bondspersons.phone", "residenceAddress"]);
    expect(changes.join(" ")).not.toMatch(/Secret|Someone|555/);
  });
});

describe("confirming a guarantor (IRPR s.47)", () => {
  it("requires all three checks: citizen or permanent resident, residing in Canada, no guarantee in default", () => {
    const all = { citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true, confirmed: true };
    expect(bondspersonVettingProblems(all)).toEqual([]);
    expect(bondspersonVettingProblems({ ...all, citizenOrPermanentResident: false })).toEqual(["citizenOrPermanentResident"]);
    expect(bondspersonVettingProblems({ ...all, residesInCanada: false })).toEqual(["residesInCanada"]);
    expect(bondspersonVettingProblems({ ...all, noGuaranteeInDefault: false, residesInCanada: false })).toEqual(["residesInCanada", "noGuaranteeInDefault"]);
  });

  it("lets an unconfirmed proposal be recorded with checks still open", () => {
    expect(bondspersonVettingProblems({ citizenOrPermanentResident: false, residesInCanada: false, noGuaranteeInDefault: false, confirmed: false })).toEqual([]);
  });

  it("refuses the form that claims confirmation without every check, on the confirmation field", () => {
    const form = { detentionId: "0199a0b1-0000-7000-8000-000000000001", planVersion: "1", name: "Rosa", relationship: "Sister", confirmed: "on", citizenOrPermanentResident: "on", residesInCanada: "on" };
    const refused = bondspersonFormSchema.safeParse(form);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirmed", "confirmRequiresChecks"]]);
    expect(bondspersonFormSchema.safeParse({ ...form, noGuaranteeInDefault: "on" }).success).toBe(true);
  });
});

describe("amounts in dollars", () => {
  it.each<[string, number | null]>([
    ["", null],
    ["5000", 500_000],
    ["$5,000.50", 500_050],
    ["12.5", 1_250],
    ["5 000,50 $", 500_050],
    ["5000,5", 500_050],
    ["1,234,567", 123_456_700],
  ])("reads %j as %s cents", (text, cents) => {
    expect(dollarsToCents(text)).toBe(cents);
  });

  it.each(["five thousand", "-5", "1.234", "5,0000", "1.000,50"])("refuses %j", (text) => {
    expect(dollarsToCents(text)).toBeNaN();
  });
});

describe("readiness of a plan with a residence condition", () => {
  const input = (residenceAddress: string | null | undefined, measures: ReadinessInput["plan"]["measures"] = ["RESIDENCE_CONDITION"]): ReadinessInput => ({
    grounds: ["UNLIKELY_TO_APPEAR"],
    assessment: { interviewAt: new Date("2026-06-02T15:00:00Z"), noInterviewReason: null },
    plan: { measures, mitigations: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: "Fixed address" }], bondspersons: [], residenceAddress },
    referrals: [],
  });
  const residenceItem = (readiness: ReturnType<typeof planReadiness>) => readiness.items.find((item) => item.key === "RESIDENCE_ADDRESS");

  it("is not ready when the plan relies on a residence condition with no address", () => {
    const readiness = planReadiness(input("  "));
    expect(readiness.ready).toBe(false);
    expect(residenceItem(readiness)).toEqual({ key: "RESIDENCE_ADDRESS", required: true, met: false });
  });

  it("is ready once the address is recorded", () => {
    expect(planReadiness(input("12 Example Street")).ready).toBe(true);
  });

  it("does not require an address when no residence condition is proposed", () => {
    const readiness = planReadiness(input(null, ["VOICE_REPORTING"]));
    expect(readiness.ready).toBe(true);
    expect(residenceItem(readiness)?.required).toBe(false);
  });

  it("leaves the checklist as it was for callers that do not load the residence", () => {
    const readiness = planReadiness(input(undefined));
    expect(residenceItem(readiness)).toBeUndefined();
    expect(readiness.ready).toBe(true);
  });
});

describe("the next statuses offered on a plan", () => {
  it("offers READY from drafting only when the checklist is complete", () => {
    expect(nextStatuses("DRAFTING", { ready: false })).toEqual(["WITHDRAWN"]);
    expect(nextStatuses("DRAFTING", { ready: true })).toEqual(["READY", "WITHDRAWN"]);
  });

  it("offers nothing once the person is released", () => {
    expect(nextStatuses("RELEASED", { ready: true })).toEqual([]);
  });
});
