import { describe, expect, it } from "vitest";
import { comparePriority, priorityReasons, priorityTier, type PriorityInput } from "@/lib/detentions/rules";

const NOW = new Date("2026-06-10T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A detained person with nothing special about them: review in 5 days, detained 3 days, no flag, no plan. */
function detention(id: string, overrides: Partial<PriorityInput> = {}): PriorityInput {
  return {
    id,
    status: "DETAINED",
    nextReviewDueBy: new Date(NOW.getTime() + 5 * DAY),
    detainedAt: new Date(NOW.getTime() - 3 * DAY),
    flags: [],
    planNearlyReady: false,
    noProspect: { recorded: false, revisitOn: null },
    ...overrides,
  };
}

/** The ids in queue order. */
function queue(...cases: PriorityInput[]): string[] {
  return [...cases].sort((a, b) => comparePriority(a, b, NOW)).map((entry) => entry.id);
}

describe("the caseload priority, as orderings of example cases", () => {
  it("puts an overdue review before an imminent one, and an imminent one before a later one", () => {
    const later = detention("later");
    const imminent = detention("imminent", { nextReviewDueBy: new Date(NOW.getTime() + 20 * HOUR) });
    const overdue = detention("overdue", { nextReviewDueBy: new Date(NOW.getTime() - HOUR) });
    expect(queue(later, imminent, overdue)).toEqual(["overdue", "imminent", "later"]);
  });

  it("counts a review exactly 48 hours away as imminent, and one a minute later as not", () => {
    const edge = detention("edge", { nextReviewDueBy: new Date(NOW.getTime() + 48 * HOUR) });
    const after = detention("after", { nextReviewDueBy: new Date(NOW.getTime() + 48 * HOUR + 60_000), detainedAt: new Date(NOW.getTime() - 30 * DAY) });
    expect(queue(after, edge)).toEqual(["edge", "after"]);
  });

  it("puts an overdue review first even against a minor detained with a later review", () => {
    const minor = detention("minor", { flags: ["MINOR_DETAINED"] });
    const overdue = detention("overdue", { nextReviewDueBy: new Date(NOW.getTime() - HOUR) });
    expect(queue(minor, overdue)).toEqual(["overdue", "minor"]);
  });

  it("puts cases where minors are affected before other vulnerabilities, and those before none", () => {
    const none = detention("none", { detainedAt: new Date(NOW.getTime() - 90 * DAY) });
    const mentalHealth = detention("mental-health", { flags: ["MENTAL_HEALTH", "MEDICAL"], detainedAt: new Date(NOW.getTime() - 40 * DAY) });
    const housed = detention("minor-housed", { flags: ["MINOR_HOUSED"] });
    const separated = detention("separated", { flags: ["SEPARATED_FROM_CHILD"], detainedAt: new Date(NOW.getTime() - 4 * DAY) });
    expect(queue(none, mentalHealth, housed, separated)).toEqual(["separated", "minor-housed", "mental-health", "none"]);
  });

  it("raises a case whose plan is nearly ready above an otherwise equal one", () => {
    const drafting = detention("drafting", { detainedAt: new Date(NOW.getTime() - 20 * DAY) });
    const nearlyReady = detention("nearly-ready", { planNearlyReady: true });
    expect(queue(drafting, nearlyReady)).toEqual(["nearly-ready", "drafting"]);
  });

  it("breaks ties by days detained, longest first", () => {
    const recent = detention("recent", { detainedAt: new Date(NOW.getTime() - 2 * DAY) });
    const long = detention("long", { detainedAt: new Date(NOW.getTime() - 60 * DAY) });
    const middle = detention("middle", { detainedAt: new Date(NOW.getTime() - 10 * DAY) });
    expect(queue(recent, long, middle)).toEqual(["long", "middle", "recent"]);
  });

  it("drops a case with no current release prospect below every active case until its revisit date, then returns it", () => {
    const marker = { recorded: true, revisitOn: new Date("2026-06-20T00:00:00Z") };
    const parked = detention("parked", { flags: ["MINOR_DETAINED"], nextReviewDueBy: new Date(NOW.getTime() - HOUR), noProspect: marker });
    const routine = detention("routine");
    expect(queue(parked, routine)).toEqual(["routine", "parked"]);
    // On the revisit date the marker lapses: the overdue review of a minor is first again.
    const onRevisit = new Date("2026-06-20T00:00:00Z");
    const parkedThen = { ...parked, nextReviewDueBy: new Date(onRevisit.getTime() - HOUR) };
    const routineThen = { ...routine, nextReviewDueBy: new Date(onRevisit.getTime() + 5 * DAY) };
    expect([routineThen, parkedThen].sort((a, b) => comparePriority(a, b, onRevisit)).map((entry) => entry.id)).toEqual(["parked", "routine"]);
  });

  it("keeps a case no longer detained below every detained case", () => {
    const released = detention("released", { status: "RELEASED", nextReviewDueBy: null, flags: ["MINOR_DETAINED"] });
    const parked = detention("parked", { noProspect: { recorded: true, revisitOn: null } });
    expect(queue(released, parked)).toEqual(["parked", "released"]);
  });

  it("is a total order: the same cases in any order give the same queue", () => {
    const cases = [
      detention("a", { flags: ["ELDERLY"] }),
      detention("b", { nextReviewDueBy: new Date(NOW.getTime() - DAY) }),
      detention("c", { planNearlyReady: true, flags: ["MINOR_HOUSED"] }),
      detention("d"),
      detention("e", { detainedAt: new Date(NOW.getTime() - 3 * DAY) }),
    ];
    const forward = queue(...cases);
    expect(queue(...[...cases].reverse())).toEqual(forward);
  });

  it("names why a case sits where it does, in words", () => {
    const overdueMinor = detention("x", { nextReviewDueBy: new Date(NOW.getTime() - HOUR), flags: ["MINOR_DETAINED"], planNearlyReady: true });
    expect(priorityReasons(priorityTier(overdueMinor, NOW))).toEqual(["OVERDUE", "MINOR", "PLAN_NEARLY_READY"]);
    expect(priorityReasons(priorityTier(detention("y"), NOW))).toEqual(["ROUTINE"]);
    expect(priorityReasons(priorityTier(detention("z", { noProspect: { recorded: true, revisitOn: null } }), NOW))).toEqual(["NO_PROSPECT"]);
  });
});
