import { describe, expect, it } from "vitest";
import { caseAssessmentDeadline } from "@/lib/assessments/rules";
import { visibleFlags } from "@/lib/authz/cases";
import { caseDeadlines, caseTags, nextDeadline, sectionsOpenByDefault, timeUntil, whatNext, type CaseFacts } from "@/lib/case-file/rules";
import type { Readiness } from "@/lib/release-plans/rules";

const NOW = new Date("2026-06-10T16:00:00Z");
const hours = (count: number) => new Date(NOW.getTime() + count * 3_600_000);

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts & { grounds: string[] } {
  return {
    status: "DETAINED",
    grounds: ["UNLIKELY_TO_APPEAR", "DANGER_TO_PUBLIC"],
    assessmentDeadline: { dueBy: hours(120), basis: "SEVEN_DAY_REVIEW" },
    reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(96), status: "UPCOMING" }, needsCheck: false, disclosureDue: null, dueSoonHours: 48 },
    assessment: { view: null },
    plan: { view: null, readiness: null },
    tasks: [],
    noProspectReason: null,
    noProspectRevisitOn: null,
    releaseToRecord: false,
    ...overrides,
  };
}

const readiness = (overrides: Partial<Readiness> = {}): Readiness => ({
  ready: false,
  metCount: 2,
  requiredCount: 4,
  items: [
    { key: "GROUNDS_RECORDED", required: true, met: true },
    { key: "INTERVIEW_OR_REASON", required: true, met: true },
    { key: "MITIGATION_PER_GROUND", required: true, met: false, missingGrounds: ["DANGER_TO_PUBLIC"] },
    { key: "ACCEPTED_REFERRAL", required: true, met: false },
  ],
  ...overrides,
});

const task = (id: string, dueAt: Date | null, status = "OPEN") => ({ id, title: `Task ${id}`, dueAt, status });

describe("the case's next deadline", () => {
  it.each([
    ["the next review when it comes first", facts(), "REVIEW"],
    ["the assessment when it falls before the review", facts({ assessmentDeadline: { dueBy: hours(20), basis: "VULNERABILITY_48_HOURS" } }), "ASSESSMENT"],
    ["not the assessment once it is completed", facts({ assessmentDeadline: { dueBy: hours(20), basis: "VULNERABILITY_48_HOURS" }, assessment: { view: { completedAt: hours(-2) } } }), "REVIEW"],
    ["not the assessment for a viewer who may not read it", facts({ assessmentDeadline: { dueBy: hours(20), basis: "VULNERABILITY_48_HOURS" }, assessment: null }), "REVIEW"],
    ["an overdue task before anything ahead", facts({ tasks: [task("a", hours(-5))] }), "TASK"],
    ["not a task done", facts({ tasks: [task("a", hours(-5), "DONE")] }), "REVIEW"],
    ["the disclosure for the hearing when it comes first", facts({ reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(96), status: "UPCOMING" }, needsCheck: false, disclosureDue: hours(30), dueSoonHours: 48 } }), "DISCLOSURE"],
  ] as const)("is %s", (_name, input, kind) => {
    expect(nextDeadline(input)?.kind).toBe(kind);
  });

  it("is none for a person released with no open task, and only the tasks remain", () => {
    expect(nextDeadline(facts({ status: "RELEASED" }))).toBeNull();
    expect(caseDeadlines(facts({ status: "RELEASED", tasks: [task("t", hours(10))] })).map((entry) => entry.kind)).toEqual(["TASK"]);
  });

  it("cannot be moved by a trafficking flag the viewer may not see", () => {
    // A trafficking indicator on a case assigned to another CLO: it brings the assessment forward to 48 hours for
    // those who may see it; for another CLO of the office the deadline shown stays the 7-day review's.
    const detention = { detainedAt: hours(-3), schedule: "STANDARD" as const, facility: { timeZone: "America/Toronto" }, reviews: [] };
    const audience = { assignedCloId: "assigned-clo", counselId: null };
    const all = ["TRAFFICKING_INDICATORS" as const];
    const assigned = caseAssessmentDeadline(detention, visibleFlags({ role: "CLO", userId: "assigned-clo" }, audience, all));
    const other = caseAssessmentDeadline(detention, visibleFlags({ role: "CLO", userId: "other-clo" }, audience, all));
    const clock = { next: { kind: "FORTY_EIGHT_HOUR" as const, dueBy: hours(45), status: "DUE_SOON" as const }, needsCheck: false, disclosureDue: null, dueSoonHours: 48 };

    const forAssigned = nextDeadline(facts({ assessmentDeadline: assigned, reviewClock: clock }));
    const forOther = nextDeadline(facts({ assessmentDeadline: other, reviewClock: clock }));
    expect(assigned.basis).toBe("VULNERABILITY_48_HOURS");
    expect(forAssigned?.dueBy).toEqual(assigned.dueBy);
    expect(other.basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
    expect(forOther).toEqual({ kind: "REVIEW", dueBy: hours(45), reviewKind: "FORTY_EIGHT_HOUR" });
    expect(whatNext(facts({ assessmentDeadline: other, reviewClock: clock }), NOW).find((step) => step.kind === "ASSESSMENT")).toMatchObject({ dueBy: other.dueBy });
  });
});

describe("a deadline in words", () => {
  it.each([
    [hours(5), { overdue: false, unit: "hour", count: 5 }],
    [hours(0.2), { overdue: false, unit: "hour", count: 1 }],
    [hours(-30), { overdue: true, unit: "hour", count: 30 }],
    [hours(50), { overdue: false, unit: "day", count: 2 }],
    [hours(-24 * 9), { overdue: true, unit: "day", count: 9 }],
  ])("%s", (dueBy, expected) => {
    expect(timeUntil(dueBy, NOW)).toEqual(expected);
  });
});

describe("the header's tags", () => {
  it.each([
    ["a detained person with no plan", facts(), [{ kind: "STATUS", status: "DETAINED" }, { kind: "PLAN_NONE" }]],
    [
      "a review overdue and grounds unanswered",
      facts({ reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(-1), status: "OVERDUE" }, needsCheck: false, disclosureDue: null, dueSoonHours: 48 }, plan: { view: {}, readiness: readiness() } }),
      [{ kind: "STATUS", status: "DETAINED" }, { kind: "REVIEW", status: "OVERDUE" }, { kind: "PLAN_GROUNDS", answered: 1, total: 2 }],
    ],
    ["a plan ready", facts({ plan: { view: {}, readiness: readiness({ ready: true }) } }), [{ kind: "STATUS", status: "DETAINED" }, { kind: "PLAN_READY" }]],
    [
      "a plan answering every ground but not ready",
      facts({ plan: { view: {}, readiness: readiness({ items: [{ key: "MITIGATION_PER_GROUND", required: true, met: true }] }) } }),
      [{ kind: "STATUS", status: "DETAINED" }, { kind: "PLAN_ITEMS", met: 2, required: 4 }],
    ],
    ["no plan tag for a viewer who may not read the plan", facts({ plan: null }), [{ kind: "STATUS", status: "DETAINED" }]],
    [
      "an assessment overdue and no current prospect",
      facts({ plan: null, assessmentDeadline: { dueBy: hours(-2), basis: "VULNERABILITY_48_HOURS" }, noProspectReason: "Removal imminent" }),
      [{ kind: "STATUS", status: "DETAINED" }, { kind: "ASSESSMENT_OVERDUE" }, { kind: "NO_PROSPECT" }],
    ],
    ["a person released: the status alone", facts({ status: "RELEASED", reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(-1), status: "OVERDUE" }, needsCheck: false, disclosureDue: null, dueSoonHours: 48 } }), [{ kind: "STATUS", status: "RELEASED" }]],
    ["a person transferred out", facts({ status: "TRANSFERRED_OUT", plan: null }), [{ kind: "STATUS", status: "TRANSFERRED_OUT" }]],
  ] as const)("%s", (_name, input, expected) => {
    expect(caseTags(input, NOW)).toEqual(expected);
  });
});

describe("what needs doing next", () => {
  it("lists the release to record, the review due, the assessment, the plan's grounds and the tasks due, each with its section", () => {
    const steps = whatNext(
      facts({
        releaseToRecord: true,
        reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(10), status: "DUE_SOON" }, needsCheck: true, disclosureDue: hours(-1), dueSoonHours: 48 },
        assessmentDeadline: { dueBy: hours(-3), basis: "VULNERABILITY_48_HOURS" },
        plan: { view: {}, readiness: readiness() },
        tasks: [task("late", hours(-4)), task("soon", hours(30)), task("later", hours(100)), task("undated", null), task("done", hours(-8), "DONE")],
      }),
      NOW,
    );
    expect(steps.map((step) => [step.kind, step.section])).toEqual([
      ["RECORD_RELEASE", "case-outcome"],
      ["REVIEW", "case-reviews"],
      ["REVIEW_CHECK", "case-reviews"],
      ["DISCLOSURE", "case-reviews"],
      ["ASSESSMENT", "case-assessment"],
      ["PLAN_GROUNDS", "case-plan"],
      ["TASK", "case-tasks"],
      ["TASK", "case-tasks"],
    ]);
    expect(steps.find((step) => step.kind === "ASSESSMENT")).toMatchObject({ overdue: true });
    expect(steps.filter((step) => step.kind === "TASK").map((step) => step.kind === "TASK" && [step.taskId, step.overdue])).toEqual([
      ["late", true],
      ["soon", false],
    ]);
    expect(steps.find((step) => step.kind === "PLAN_GROUNDS")).toMatchObject({ missing: 1 });
  });

  it("counts tasks and the disclosure as due soon within the policy's horizon", () => {
    const dueWithin = (dueSoonHours: number) =>
      whatNext(
        facts({
          reviewClock: { next: { kind: "SEVEN_DAY", dueBy: hours(200), status: "UPCOMING" }, needsCheck: false, disclosureDue: hours(60), dueSoonHours },
          plan: null,
          assessment: null,
          tasks: [task("in 60 hours", hours(60)), task("in 100 hours", hours(100))],
        }),
        NOW,
      ).map((step) => (step.kind === "TASK" ? step.taskId : step.kind));
    expect(dueWithin(48)).toEqual([]);
    expect(dueWithin(72)).toEqual(["DISCLOSURE", "in 60 hours"]);
    expect(dueWithin(168)).toEqual(["DISCLOSURE", "in 60 hours", "in 100 hours"]);
  });

  it("asks to start a plan for a reader of the plan, and nothing of the plan or assessment for a viewer who may read neither", () => {
    expect(whatNext(facts(), NOW).map((step) => step.kind)).toEqual(["ASSESSMENT", "PLAN_START"]);
    expect(whatNext(facts({ plan: null, assessment: null }), NOW)).toEqual([]);
  });

  it("is nothing but open tasks due and a revisit date come once the person is released", () => {
    const steps = whatNext(facts({ status: "RELEASED", tasks: [task("t", hours(-1))], noProspectReason: "r", noProspectRevisitOn: hours(-24) }), NOW);
    expect(steps.map((step) => step.kind)).toEqual(["TASK", "NO_PROSPECT_REVISIT"]);
  });

  it("opens the glance and the sections it points to, and only those", () => {
    const open = sectionsOpenByDefault(whatNext(facts({ plan: null, tasks: [task("t", hours(-1))] }), NOW));
    expect([...open].sort()).toEqual(["case-assessment", "case-glance", "case-tasks"]);
  });
});
