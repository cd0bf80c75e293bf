import { describe, expect, it } from "vitest";
import { taskDueAt, taskOverdue } from "@/lib/tasks/rules";

describe("task due dates", () => {
  it("fall at the end of the day on the facility's calendar", () => {
    expect(taskDueAt("2026-06-10", "America/Toronto").toISOString()).toBe("2026-06-11T03:59:59.999Z");
    expect(taskDueAt("2026-06-10", "America/Vancouver").toISOString()).toBe("2026-06-11T06:59:59.999Z");
  });

  it("make an open task overdue once passed, and never a done or cancelled one", () => {
    const now = new Date("2026-06-12T12:00:00Z");
    const dueAt = new Date("2026-06-11T03:59:59.999Z");
    expect(taskOverdue({ status: "OPEN", dueAt }, now)).toBe(true);
    expect(taskOverdue({ status: "IN_PROGRESS", dueAt }, now)).toBe(true);
    expect(taskOverdue({ status: "DONE", dueAt }, now)).toBe(false);
    expect(taskOverdue({ status: "CANCELLED", dueAt }, now)).toBe(false);
    expect(taskOverdue({ status: "OPEN", dueAt: null }, now)).toBe(false);
  });
});
