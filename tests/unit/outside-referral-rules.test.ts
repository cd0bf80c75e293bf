import { describe, expect, it } from "vitest";
import { planReadiness, type ReadinessInput } from "@/lib/release-plans/rules";
import { answerDateProblem, canRecordOutsideAnswer, evidenceRequired } from "@/lib/outside-referrals/rules";
import { recordOutsideAnswerSchema, recordOutsideReferralSchema } from "@/lib/outside-referrals/schema";

const ID = "0190b3a4-7c3e-7000-8000-000000000001";
const DOC = "0190b3a4-7c3e-7000-8000-000000000002";

/** A plan relying on a provider (CCMS), complete but for the accepted referral. */
function relyingOnProvider(referrals: ReadinessInput["referrals"]): ReadinessInput {
  return {
    grounds: ["UNLIKELY_TO_APPEAR"],
    assessment: { interviewAt: new Date("2026-06-02T15:00:00Z"), noInterviewReason: null },
    plan: { measures: ["CCMS"], mitigations: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: "Case management" }], bondspersons: [] },
    referrals,
  };
}

describe("readiness treats an outside referral as any other", () => {
  it.each([
    ["an accepted outside referral", [{ status: "ACCEPTED", outside: true }], true],
    ["an accepted referral in Liaison", [{ status: "ACCEPTED", outside: false }], true],
    ["an outside referral with intake complete", [{ status: "INTAKE_COMPLETE", outside: true }], true],
    ["a waitlisted outside referral", [{ status: "WAITLISTED", outside: true }], false],
    ["a declined outside referral", [{ status: "DECLINED", outside: true }], false],
    ["a sent outside referral, not yet answered", [{ status: "SENT", outside: true }], false],
    ["a declined one in Liaison and an accepted outside one", [{ status: "DECLINED", outside: false }, { status: "ACCEPTED", outside: true }], true],
    ["no referral", [], false],
  ] as const)("%s → ready %s", (_label, referrals, ready) => {
    const readiness = planReadiness(relyingOnProvider(referrals.map((referral) => ({ ...referral }))));
    expect(readiness.ready).toBe(ready);
    expect(readiness.items.find((item) => item.key === "ACCEPTED_REFERRAL")?.met).toBe(ready);
  });

  it("gives the same verdict for the same status whether the referral is outside or not", () => {
    for (const status of ["SENT", "UNDER_REVIEW", "ACCEPTED", "WAITLISTED", "DECLINED", "WITHDRAWN", "INTAKE_COMPLETE"] as const) {
      expect(planReadiness(relyingOnProvider([{ status, outside: true } as never])).ready).toBe(planReadiness(relyingOnProvider([{ status }])).ready);
    }
  });
});

describe("the outside program's answer", () => {
  it.each([
    ["SENT", "ACCEPTED", true],
    ["SENT", "WAITLISTED", true],
    ["SENT", "DECLINED", true],
    ["WAITLISTED", "ACCEPTED", true],
    ["ACCEPTED", "DECLINED", false],
    ["DECLINED", "ACCEPTED", false],
    ["WITHDRAWN", "ACCEPTED", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canRecordOutsideAnswer(from, to)).toBe(allowed);
  });

  it("needs evidence to accept only", () => {
    expect([evidenceRequired("ACCEPTED"), evidenceRequired("WAITLISTED"), evidenceRequired("DECLINED")]).toEqual([true, false, false]);
  });

  it.each([
    ["today", "2026-06-02", "2026-06-02", "2026-05-30", null],
    ["tomorrow at the facility", "2026-06-03", "2026-06-02", "2026-05-30", "dateInFuture"],
    ["before the referral was sent", "2026-05-29", "2026-06-02", "2026-05-30", "answerBeforeSent"],
    ["the day it was sent", "2026-05-30", "2026-06-02", "2026-05-30", null],
  ] as const)("date %s → %s", (_label, answeredOn, today, sentOn, problem) => {
    expect(answerDateProblem(answeredOn, today, sentOn)).toBe(problem);
  });

  const answer = (overrides: Record<string, unknown>) => recordOutsideAnswerSchema.safeParse({ referralId: ID, version: "1", status: "ACCEPTED", answeredOn: "2026-06-02", documentId: DOC, ...overrides });
  const issues = (result: ReturnType<typeof answer>) => (result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]));

  it.each([
    ["an impossible date", { answeredOn: "2026-02-30" }, [["answeredOn", "date"]]],
    ["a month 13", { answeredOn: "2026-13-01" }, [["answeredOn", "date"]]],
    ["a date far in the future", { answeredOn: "2099-01-01" }, [["answeredOn", "dateInFuture"]]],
    ["no date", { answeredOn: "" }, [["answeredOn", "required"]]],
    ["an acceptance without its letter", { documentId: "" }, [["documentId", "evidenceRequired"]]],
    ["a decline without a reason", { status: "DECLINED", documentId: "" }, [["declineReason", "required"]]],
    ["a decline for another reason without details", { status: "DECLINED", declineReason: "OTHER" }, [["declineDetails", "required"]]],
    ["a status a program does not give", { status: "INTAKE_COMPLETE" }, [["status", "invalidChoice"]]],
  ])("refuses %s, on the field", (_label, overrides, expected) => {
    expect(issues(answer(overrides))).toEqual(expected);
  });

  it("accepts a waitlist without a letter, and an acceptance with one", () => {
    expect(answer({ status: "WAITLISTED", documentId: "" }).success).toBe(true);
    expect(answer({}).success).toBe(true);
  });
});

describe("recording an outside referral", () => {
  const base = { detentionId: ID, programName: "Maple Street Housing Co-op", contactName: "Jordan Tremblay", contactEmail: "intake@maple.example", fields: ["IDENTITY", "NEEDS"], consentGiven: "on", consentMethod: "WRITTEN" };
  const issues = (overrides: Record<string, unknown>) => {
    const result = recordOutsideReferralSchema.safeParse({ ...base, ...overrides });
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it.each([
    ["no consent", { consentGiven: undefined }, [["consentGiven", "consentRequired"]]],
    ["no way to reach the contact", { contactEmail: "" }, [["contactEmail", "contactRequired"]]],
    ["a malformed e-mail", { contactEmail: "intake at maple" }, [["contactEmail", "email"]]],
    ["a phone number of letters", { contactPhone: "call me" }, [["contactPhone", "phone"]]],
    ["a phone number too short", { contactPhone: "555-01" }, [["contactPhone", "phone"]]],
    ["no program", { programName: "" }, [["programName", "programRequired"]]],
    ["both a directory program and a name", { providerId: DOC }, [["programName", "programOrDirectory"]]],
    ["nothing sent", { fields: [] }, [["fields", "required"]]],
    ["a control character in the name", { programName: "Maple\u0007" }, [["programName", "controlCharacters"]]],
    ["an interpreter without the language", { consentMethod: "VERBAL_WITH_INTERPRETER" }, [["interpreterLanguage", "required"]]],
  ])("refuses %s, on the field", (_label, overrides, expected) => {
    expect(issues(overrides)).toEqual(expected);
  });

  it("accepts a phone number alone", () => {
    expect(issues({ contactEmail: "", contactPhone: "+1 (416) 555-0134" })).toEqual([]);
  });
});
