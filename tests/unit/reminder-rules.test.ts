import { describe, expect, it } from "vitest";
import { reviewReminders, taskReminders } from "@/lib/reminders/rules";

const NOW = new Date("2026-06-10T12:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe("task reminders", () => {
  const task = { taskId: "t1", detentionId: "d1", reference: "TOR-26-0001", category: "HOUSING", ownerId: "owner", assignedCloId: "clo" };
  it.each([
    { name: "due in two days: nothing yet", dueAt: at(48), kinds: [] },
    { name: "due within a day: the owner", dueAt: at(23), kinds: ["TASK_DUE_TOMORROW:owner"] },
    { name: "overdue: the owner", dueAt: at(-1), kinds: ["TASK_OVERDUE:owner"] },
    { name: "overdue for more than 30 days: no longer", dueAt: at(-31 * 24), kinds: [] },
  ])("$name", ({ dueAt, kinds }) => {
    expect(taskReminders({ ...task, dueAt }, NOW).map((reminder) => `${reminder.kind}:${reminder.recipientId}`)).toEqual(kinds);
  });
  it("the Minister's disclosure: the assigned CLO and the owner, once each", () => {
    const reminders = taskReminders({ ...task, category: "DISCLOSURE", dueAt: at(5) }, NOW);
    expect(reminders.map((reminder) => `${reminder.kind}:${reminder.recipientId}`)).toEqual(["DISCLOSURE_DUE:clo", "DISCLOSURE_DUE:owner"]);
    expect(taskReminders({ ...task, category: "DISCLOSURE", ownerId: "clo", dueAt: at(5) }, NOW)).toHaveLength(1);
  });
  it("keys a reminder by its deadline: a task moved to a new date is reminded again", () => {
    const [first] = taskReminders({ ...task, dueAt: at(2) }, NOW);
    const [moved] = taskReminders({ ...task, dueAt: at(3) }, NOW);
    expect(first!.key).not.toBe(moved!.key);
  });
});

describe("review reminders", () => {
  const review = { detentionId: "d1", reference: "TOR-26-0001", assignedCloId: "clo", counselId: "counsel" };
  it.each([
    { name: "due in 49 hours: nothing", dueBy: at(49), kind: null },
    { name: "due in exactly 48 hours: due soon", dueBy: at(48), kind: "REVIEW_DUE_SOON" },
    { name: "a second past: overdue", dueBy: new Date(NOW.getTime() - 1000), kind: "REVIEW_OVERDUE" },
  ])("$name", ({ dueBy, kind }) => {
    const reminders = reviewReminders({ ...review, nextReviewDueBy: dueBy }, NOW);
    expect(reminders.map((reminder) => reminder.kind)).toEqual(kind ? [kind, kind] : []);
  });
  it.each([
    { name: "a 72-hour horizon reminds of a review 60 hours away", hours: 72, dueBy: at(60), kind: "REVIEW_DUE_SOON" },
    { name: "a 72-hour horizon does not yet remind of one 73 hours away", hours: 72, dueBy: at(73), kind: null },
    { name: "a 24-hour horizon does not yet remind of one 30 hours away", hours: 24, dueBy: at(30), kind: null },
  ])("follows the policy's horizon: $name", ({ hours, dueBy, kind }) => {
    const reminders = reviewReminders({ ...review, nextReviewDueBy: dueBy }, NOW, hours);
    expect(reminders.map((reminder) => reminder.kind)).toEqual(kind ? [kind, kind] : []);
  });
  it("links counsel to their clients and the CLO to the case", () => {
    const reminders = reviewReminders({ ...review, nextReviewDueBy: at(1) }, NOW);
    expect(Object.fromEntries(reminders.map((reminder) => [reminder.recipientId, reminder.path]))).toEqual({ clo: "/cases/d1", counsel: "/clients" });
  });
});
