import { describe, expect, it } from "vitest";
import { assessmentCompletionProblems, interviewOrReasonRecorded } from "@/lib/assessments/rules";
import { dateTimeLocalToInstant as parseLocalDateTime, instantToDateTimeLocal as localDateTimeValue } from "@/lib/time/facility-clock";

describe("completing an ATD assessment", () => {
  const interviewed = { interviewAt: new Date("2026-06-02T15:00:00Z"), noInterviewReason: null };

  it("may be completed after an interview with a mitigation for every ground", () => {
    expect(
      assessmentCompletionProblems({
        ...interviewed,
        grounds: ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"],
        groundEntries: [
          { ground: "DANGER_TO_PUBLIC", mitigation: "Treatment program" },
          { ground: "UNLIKELY_TO_APPEAR", mitigation: "Bondsperson" },
        ],
      }),
    ).toEqual([]);
  });

  it("accepts the recorded reason no interview was possible instead of an interview", () => {
    expect(interviewOrReasonRecorded({ interviewAt: null, noInterviewReason: "Transferred to hospital" })).toBe(true);
    expect(interviewOrReasonRecorded({ interviewAt: null, noInterviewReason: "   " })).toBe(false);
  });

  it("names the missing interview and each ground still without a mitigation", () => {
    expect(
      assessmentCompletionProblems({
        interviewAt: null,
        noInterviewReason: null,
        grounds: ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED"],
        groundEntries: [
          { ground: "DANGER_TO_PUBLIC", mitigation: " " },
          { ground: "UNLIKELY_TO_APPEAR", mitigation: "Voice reporting" },
        ],
      }),
    ).toEqual([
      { key: "INTERVIEW_OR_REASON" },
      { key: "MITIGATION_MISSING", ground: "DANGER_TO_PUBLIC" },
      { key: "MITIGATION_MISSING", ground: "IDENTITY_NOT_ESTABLISHED" },
    ]);
  });
});

describe("the interview time, typed in the facility's time zone", () => {
  it.each([
    ["Toronto in winter (EST)", "2026-01-15T10:30", "America/Toronto", "2026-01-15T15:30:00.000Z"],
    ["Toronto in summer (EDT)", "2026-07-15T10:30", "America/Toronto", "2026-07-15T14:30:00.000Z"],
    ["Vancouver (PST)", "2026-01-15T23:45", "America/Vancouver", "2026-01-16T07:45:00.000Z"],
    ["St. John's (NST, half-hour offset)", "2026-01-15T09:00", "America/St_Johns", "2026-01-15T12:30:00.000Z"],
    ["Regina (no daylight saving)", "2026-07-01T12:00", "America/Regina", "2026-07-01T18:00:00.000Z"],
  ])("reads wall-clock time in %s", (_name, value, zone, expected) => {
    expect(parseLocalDateTime(value, zone)?.toISOString()).toBe(expected);
    expect(localDateTimeValue(new Date(expected), zone)).toBe(value);
  });

  it.each(["", "2026-02-31T10:00", "2026-13-01T10:00", "15/01/2026 10:30", "2026-01-15T24:00"])("refuses %j", (value) => {
    expect(parseLocalDateTime(value, "America/Toronto")).toBeNull();
  });
});
