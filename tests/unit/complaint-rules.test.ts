import { describe, expect, it } from "vitest";
import {
  canTakeStep,
  COMPLAINT_RESPONSE_DAYS,
  COMPLAINT_STEPS,
  COMPLAINT_STATUSES,
  daysToRespond,
  filingYear,
  formatComplaintReference,
  isOverdue,
  median,
  responseDueAt,
  statusAfter,
  stepsOpen,
  type ComplaintSide,
  type ComplaintStep,
} from "@/lib/complaints/rules";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { deliveryFor } from "@/lib/notifications/rules";
import { complaintFiledScope, complaintHandlingScope, sharedWithSubjectScope } from "@/lib/authz/complaints";

describe("complaint status transitions", () => {
  // Every step from every status, for both sides: the whole table, so a change to it is a change to this test.
  const allowed: [ComplaintStep, ComplaintStatus, ComplaintSide, ComplaintStatus][] = [
    ["review", "RECEIVED", "OFFICE", "UNDER_REVIEW"],
    ["review", "UNDER_REVIEW", "OFFICE", "UNDER_REVIEW"],
    ["respond", "UNDER_REVIEW", "OFFICE", "RESPONDED"],
    ["close", "RESPONDED", "OFFICE", "CLOSED"],
    ["withdraw", "RECEIVED", "COMPLAINANT", "CLOSED"],
    ["withdraw", "UNDER_REVIEW", "COMPLAINANT", "CLOSED"],
    ["share", "UNDER_REVIEW", "OFFICE", "UNDER_REVIEW"],
    ["share", "RESPONDED", "OFFICE", "RESPONDED"],
    ["share", "CLOSED", "OFFICE", "CLOSED"],
  ];
  it.each(allowed)("%s from %s by the %s side → %s", (step, from, side, to) => {
    expect(canTakeStep(step, from, side)).toBe(true);
    expect(statusAfter(step, from)).toBe(to);
  });

  it("refuses every other step, status and side", () => {
    const refused: string[] = [];
    for (const step of Object.keys(COMPLAINT_STEPS) as ComplaintStep[])
      for (const from of COMPLAINT_STATUSES)
        for (const side of ["OFFICE", "COMPLAINANT"] as const) {
          const listed = allowed.some(([s, f, d]) => s === step && f === from && d === side);
          if (!listed) {
            expect(canTakeStep(step, from, side), `${step} ${from} ${side}`).toBe(false);
            refused.push(`${step}:${from}:${side}`);
          }
        }
    expect(refused).toContain("respond:RECEIVED:OFFICE"); // a response follows a review
    expect(refused).toContain("withdraw:RESPONDED:COMPLAINANT"); // too late once answered
    expect(refused).toContain("review:CLOSED:OFFICE"); // closed is final
    expect(refused).toContain("share:RECEIVED:OFFICE"); // nothing to share before anyone looked at it
    expect(refused).toContain("respond:UNDER_REVIEW:COMPLAINANT");
  });

  it.each([
    ["RECEIVED", "OFFICE", ["review"]],
    ["UNDER_REVIEW", "OFFICE", ["review", "respond", "share"]],
    ["RESPONDED", "OFFICE", ["close", "share"]],
    ["CLOSED", "OFFICE", ["share"]],
    ["RECEIVED", "COMPLAINANT", ["withdraw"]],
    ["RESPONDED", "COMPLAINANT", []],
  ] as const)("from %s the %s side is offered %j", (from, side, steps) => {
    expect(stepsOpen(from, side)).toEqual(steps);
  });
});

describe("the response deadline, in the office's time zone", () => {
  it("is 30 calendar days by default", () => expect(COMPLAINT_RESPONSE_DAYS).toBe(30));

  it.each([
    // filed, zone, days, due (the last instant of the last day, in UTC)
    ["filed in the morning in Toronto (EDT)", "2026-06-03T14:00:00Z", "America/Toronto", 30, "2026-07-04T03:59:59.999Z"],
    ["filed late evening in Toronto: the local date counts, not UTC's", "2026-06-04T02:30:00Z", "America/Toronto", 30, "2026-07-04T03:59:59.999Z"],
    ["filed in Vancouver (PDT)", "2026-06-03T20:00:00Z", "America/Vancouver", 30, "2026-07-04T06:59:59.999Z"],
    ["across the autumn change in Toronto: due at midnight EST, not EDT", "2026-10-20T15:00:00Z", "America/Toronto", 30, "2026-11-20T04:59:59.999Z"],
    ["across the spring change in Vancouver: due at midnight PDT", "2026-02-20T20:00:00Z", "America/Vancouver", 30, "2026-03-23T06:59:59.999Z"],
    ["a policy of 10 days", "2026-06-03T14:00:00Z", "America/Toronto", 10, "2026-06-14T03:59:59.999Z"],
  ])("%s", (_label, filed, zone, days, due) => {
    expect(responseDueAt(new Date(filed), zone, days).toISOString()).toBe(due);
  });

  it.each([
    ["received, a moment after the due instant", "RECEIVED", "2026-07-04T04:00:00Z", true],
    ["under review, on the last day", "UNDER_REVIEW", "2026-07-04T03:00:00Z", false],
    ["responded, long after", "RESPONDED", "2026-09-01T00:00:00Z", false],
    ["closed, long after", "CLOSED", "2026-09-01T00:00:00Z", false],
  ] as const)("overdue when %s: %s", (_label, status, now, overdue) => {
    expect(isOverdue({ status, responseDueAt: new Date("2026-07-04T03:59:59.999Z") }, new Date(now))).toBe(overdue);
  });
});

describe("references and reporting", () => {
  it("numbers per office and year", () => {
    expect(formatComplaintReference("TOR", 2026, 1)).toBe("CMP-TOR-2026-0001");
    expect(formatComplaintReference("VAN", 2027, 12345)).toBe("CMP-VAN-2027-12345");
  });
  it("takes the year on the office's calendar", () => {
    expect(filingYear(new Date("2027-01-01T05:00:00Z"), "America/Vancouver")).toBe(2026);
    expect(filingYear(new Date("2027-01-01T05:00:00Z"), "America/Toronto")).toBe(2027);
  });
  it.each([
    ["the same local day", "2026-06-03T14:00:00Z", "2026-06-04T02:00:00Z", 0],
    ["over a DST change", "2026-10-30T14:00:00Z", "2026-11-02T15:00:00Z", 3],
    ["late at night, the next local day", "2026-06-03T14:00:00Z", "2026-06-05T03:30:00Z", 1],
  ])("days to respond: %s", (_label, filed, responded, days) => {
    expect(daysToRespond(new Date(filed), new Date(responded), "America/Toronto")).toBe(days);
  });
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 4], 4],
    [[1, 2, 3, 10], 2.5],
  ])("median of %j is %s", (values, expected) => expect(median(values)).toBe(expected));
});

describe("who is told of a complaint", () => {
  const parties = { actorId: "counsel1", actorSide: "COUNSEL" as const, officeSupervisorIds: ["sup1", "sup2"], complainantId: "counsel1", complaintHandlerId: null, complaintSubjectId: "clo1" };
  it.each([
    ["filed: the office's supervisors, never the officer named", "complaint.file", parties, { kind: "COMPLAINT_FILED", recipients: ["sup1", "sup2"] }],
    ["filed naming a supervisor: the others only", "complaint.file", { ...parties, complaintSubjectId: "sup2" }, { kind: "COMPLAINT_FILED", recipients: ["sup1"] }],
    ["given to a supervisor: that supervisor", "complaint.review", { ...parties, actorId: "sup1", complaintHandlerId: "sup2" }, { kind: "COMPLAINT_ASSIGNED", recipients: ["sup2"] }],
    ["taken by oneself: nobody", "complaint.review", { ...parties, actorId: "sup1", complaintHandlerId: "sup1" }, null],
    ["responded: the complainant", "complaint.respond", { ...parties, actorId: "sup1" }, { kind: "COMPLAINT_RESPONDED", recipients: ["counsel1"] }],
    ["a summary shared: the officer named, and only then", "complaint.share", { ...parties, actorId: "sup1" }, { kind: "COMPLAINT_SHARED", recipients: ["clo1"] }],
  ] as const)("%s", (_label, action, eventParties, expected) => {
    expect(deliveryFor(action, eventParties)).toEqual(expected);
  });
});

describe("who may see a complaint (where clauses)", () => {
  const actor = (role: "CLO" | "SUPERVISOR" | "COUNSEL" | "NGO_CASEWORKER" | "ADMIN", kind: "CBSA_OFFICE" | "LEGAL" | "SERVICE_PROVIDER" | "OTHER_NGO") => ({
    userId: `user-${role}`,
    sessionId: "s",
    name: "Test",
    role,
    organizationId: `org-${kind}`,
    organizationKind: kind,
    organizationName: "Org",
  });
  const NONE = { id: { in: [] } };
  const notAbout = (role: string) => ({ OR: [{ subjectId: null }, { subjectId: { not: `user-${role}` } }] });
  it.each([
    ["a supervisor handles the office's complaints, never one naming them", actor("SUPERVISOR", "CBSA_OFFICE"), "handling", { AND: [{ officeId: "org-CBSA_OFFICE" }, notAbout("SUPERVISOR")] }],
    ["a CLO handles none", actor("CLO", "CBSA_OFFICE"), "handling", NONE],
    ["counsel see the ones they filed", actor("COUNSEL", "LEGAL"), "filed", { AND: [{ filedById: "user-COUNSEL" }, notAbout("COUNSEL")] }],
    ["a caseworker sees the ones they filed", actor("NGO_CASEWORKER", "SERVICE_PROVIDER"), "filed", { AND: [{ filedById: "user-NGO_CASEWORKER" }, notAbout("NGO_CASEWORKER")] }],
    ["an admin files none", actor("ADMIN", "OTHER_NGO"), "filed", NONE],
    ["an admin handles none", actor("ADMIN", "OTHER_NGO"), "handling", NONE],
    ["the officer named reads only a summary shared with them", actor("CLO", "CBSA_OFFICE"), "shared", { subjectId: "user-CLO", subjectSharedAt: { not: null }, subjectSummary: { not: null } }],
    ["counsel are never shown a summary", actor("COUNSEL", "LEGAL"), "shared", NONE],
  ] as const)("%s", (_label, who, scope, expected) => {
    const build = scope === "handling" ? complaintHandlingScope : scope === "filed" ? complaintFiledScope : sharedWithSubjectScope;
    expect(build(who)).toEqual(expected);
  });
});
