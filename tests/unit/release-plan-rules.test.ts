import { describe, expect, it } from "vitest";
import { checkTransition, planReadiness, type ReadinessInput } from "@/lib/release-plans/rules";

const eligible = { confirmed: true, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true };
const interviewed = { interviewAt: new Date("2026-06-02T15:00:00Z"), noInterviewReason: null };

type Overrides = Omit<Partial<ReadinessInput>, "plan"> & { plan?: Partial<ReadinessInput["plan"]> };

function input(overrides: Overrides = {}): ReadinessInput {
  return {
    grounds: overrides.grounds ?? ["UNLIKELY_TO_APPEAR"],
    assessment: overrides.assessment === undefined ? interviewed : overrides.assessment,
    plan: { measures: [], mitigations: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: "Reporting weekly" }], bondspersons: [], ...overrides.plan },
    referrals: overrides.referrals ?? [],
  };
}

const itemMet = (readiness: ReturnType<typeof planReadiness>, key: string) => readiness.items.find((item) => item.key === key)?.met;

describe("release plan readiness", () => {
  it("is ready with an interview and a mitigation for the one ground, relying on no one", () => {
    expect(planReadiness(input()).ready).toBe(true);
  });

  it("accepts a recorded reason why no interview was possible instead of an interview", () => {
    expect(planReadiness(input({ assessment: { interviewAt: null, noInterviewReason: "In hospital" } })).ready).toBe(true);
  });

  it.each([
    ["no assessment at all", { assessment: null }],
    ["an assessment with neither interview nor reason", { assessment: { interviewAt: null, noInterviewReason: "  " } }],
  ])("is not ready with %s", (_name, overrides) => {
    const readiness = planReadiness(input(overrides as Overrides));
    expect(readiness.ready).toBe(false);
    expect(itemMet(readiness, "INTERVIEW_OR_REASON")).toBe(false);
  });

  it("with several grounds, names each ground still without a mitigation", () => {
    const readiness = planReadiness(input({ grounds: ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED"] }));
    expect(readiness.ready).toBe(false);
    expect(readiness.items.find((item) => item.key === "MITIGATION_PER_GROUND")?.missingGrounds).toEqual(["DANGER_TO_PUBLIC", "IDENTITY_NOT_ESTABLISHED"]);
  });

  it("does not count a blank mitigation", () => {
    expect(planReadiness(input({ plan: { mitigations: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: "   " }] } })).ready).toBe(false);
  });

  it("is not ready when no ground of detention is recorded: there is nothing to answer yet", () => {
    const readiness = planReadiness(input({ grounds: [] }));
    expect(readiness.ready).toBe(false);
    expect(itemMet(readiness, "GROUNDS_RECORDED")).toBe(false);
  });

  it.each(["CCMS", "CCMS_WITH_ELECTRONIC_MONITORING", "TREATMENT_PROGRAM", "COMMUNITY_PROGRAM"] as const)("a plan relying on %s needs an accepted referral", (measure) => {
    expect(planReadiness(input({ plan: { measures: [measure] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure] }, referrals: [{ status: "WAITLISTED" }, { status: "DECLINED" }] })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure] }, referrals: [{ status: "DECLINED" }, { status: "ACCEPTED" }] })).ready).toBe(true);
    expect(planReadiness(input({ plan: { measures: [measure] }, referrals: [{ status: "INTAKE_COMPLETE" }] })).ready).toBe(true);
  });

  it.each(["BONDSPERSON", "PERFORMANCE_BOND"] as const)("a plan relying on %s needs a confirmed, eligible bondsperson (IRPR s.47)", (measure) => {
    expect(planReadiness(input({ plan: { measures: [measure] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure], bondspersons: [{ ...eligible, confirmed: false }] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure], bondspersons: [{ ...eligible, residesInCanada: false }] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure], bondspersons: [{ ...eligible, citizenOrPermanentResident: false }] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure], bondspersons: [{ ...eligible, noGuaranteeInDefault: false }] } })).ready).toBe(false);
    expect(planReadiness(input({ plan: { measures: [measure], bondspersons: [eligible] } })).ready).toBe(true);
  });

  it("counts only the items the plan needs", () => {
    const readiness = planReadiness(input({ plan: { measures: ["VOICE_REPORTING"] } }));
    expect(readiness.requiredCount).toBe(3);
    expect(readiness.metCount).toBe(3);
    expect(planReadiness(input({ plan: { measures: ["CCMS", "BONDSPERSON"] } })).requiredCount).toBe(5);
  });
});

describe("release plan status transitions", () => {
  const ready = { ready: true };
  const notReady = { ready: false };
  it.each([
    ["DRAFTING", "READY", ready, { ok: true }],
    ["DRAFTING", "READY", notReady, { ok: false, reason: "NOT_READY" }],
    ["DRAFTING", "PRESENTED", ready, { ok: false, reason: "NOT_ALLOWED" }],
    ["READY", "PRESENTED", notReady, { ok: true }],
    ["READY", "DRAFTING", ready, { ok: true }],
    ["PRESENTED", "RELEASE_ORDERED", ready, { ok: true }],
    ["PRESENTED", "NOT_ACCEPTED", ready, { ok: true }],
    ["PRESENTED", "RELEASED", ready, { ok: false, reason: "NOT_ALLOWED" }],
    ["RELEASE_ORDERED", "RELEASED", ready, { ok: true }],
    ["NOT_ACCEPTED", "DRAFTING", ready, { ok: true }],
    ["NOT_ACCEPTED", "READY", ready, { ok: false, reason: "NOT_ALLOWED" }],
    ["RELEASED", "DRAFTING", ready, { ok: false, reason: "NOT_ALLOWED" }],
    ["WITHDRAWN", "DRAFTING", ready, { ok: true }],
    ["WITHDRAWN", "READY", ready, { ok: false, reason: "NOT_ALLOWED" }],
  ] as const)("%s → %s", (from, to, readiness, expected) => {
    expect(checkTransition(from, to, readiness)).toEqual(expected);
  });
});
