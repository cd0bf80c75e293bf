import { describe, expect, it } from "vitest";
import { DASHBOARD_GROUPS, dashboardGroup, dashboardGroupRange, localDateTimeToInstant, instantToLocalDateTime, needsMinisterDisclosure, type DashboardGroup } from "@/lib/reviews/rules";

const NOW = new Date("2026-06-10T12:00:00Z");
const HOUR = 3_600_000;
const after = (hours: number, ms = 0) => new Date(NOW.getTime() + hours * HOUR + ms);

describe("grouping next reviews on the dashboard by urgency", () => {
  const cases: [string, Date, DashboardGroup][] = [
    ["a 48-hour review whose deadline passed a day ago is overdue", after(-24), "OVERDUE"],
    ["a deadline one millisecond ago is overdue", after(0, -1), "OVERDUE"],
    ["a deadline this very instant is still due within 48 hours, not overdue", after(0), "DUE_SOON"],
    ["a deadline tomorrow is due within 48 hours", after(24), "DUE_SOON"],
    ["a deadline exactly 48 hours away is due within 48 hours", after(48), "DUE_SOON"],
    ["a deadline 48 hours and a millisecond away is this week", after(48, 1), "THIS_WEEK"],
    ["a 7-day review due in five days is this week", after(5 * 24), "THIS_WEEK"],
    ["a deadline exactly seven days away is this week", after(7 * 24), "THIS_WEEK"],
    ["a deadline seven days and a millisecond away is later", after(7 * 24, 1), "LATER"],
    ["a 30-day review due in three weeks is later", after(21 * 24), "LATER"],
  ];
  it.each(cases)("%s", (_name, dueBy, group) => {
    expect(dashboardGroup(dueBy, NOW)).toBe(group);
  });

  it.each(cases)("counts it in the same group in SQL ranges: %s", (_name, dueBy, group) => {
    const matches = DASHBOARD_GROUPS.filter((candidate) => {
      const { gte, lt } = dashboardGroupRange(candidate, NOW);
      return (gte === undefined || dueBy >= gte) && (lt === undefined || dueBy < lt);
    });
    expect(matches).toEqual([group]);
  });

  it("lists the groups most urgent first", () => {
    expect(DASHBOARD_GROUPS).toEqual(["OVERDUE", "DUE_SOON", "THIS_WEEK", "LATER"]);
  });
});

describe("the due-soon group follows the policy's horizon", () => {
  const cases: [string, number, Date, DashboardGroup][] = [
    ["a 72-hour horizon takes in a deadline 60 hours away", 72, after(60), "DUE_SOON"],
    ["a 72-hour horizon takes in a deadline exactly 72 hours away", 72, after(72), "DUE_SOON"],
    ["a 72-hour horizon leaves a deadline 72 hours and a millisecond away to this week", 72, after(72, 1), "THIS_WEEK"],
    ["a 24-hour horizon leaves a deadline 30 hours away to this week", 24, after(30), "THIS_WEEK"],
    ["a week-long horizon leaves nothing to this week", 168, after(7 * 24), "DUE_SOON"],
    ["a week-long horizon leaves eight days to later", 168, after(8 * 24), "LATER"],
    ["any horizon leaves a passed deadline overdue", 12, after(-1), "OVERDUE"],
  ];
  it.each(cases)("%s", (_name, hours, dueBy, group) => {
    expect(dashboardGroup(dueBy, NOW, hours)).toBe(group);
    const matches = DASHBOARD_GROUPS.filter((candidate) => {
      const { gte, lt } = dashboardGroupRange(candidate, NOW, hours);
      return (gte === undefined || dueBy >= gte) && (lt === undefined || dueBy < lt);
    });
    expect(matches).toEqual([group]);
  });

  it.each([0, -4, 1.5, 169, Number.NaN])("refuses a horizon of %s hours", (hours) => {
    expect(() => dashboardGroup(after(1), NOW, hours)).toThrow(RangeError);
    expect(() => dashboardGroupRange("DUE_SOON", NOW, hours)).toThrow(RangeError);
  });
});

describe("the Minister's disclosure applies to 7- and 30-day reviews only (ID Rule 8(2))", () => {
  it.each([
    ["SEVEN_DAY", true],
    ["THIRTY_DAY", true],
    ["FORTY_EIGHT_HOUR", false],
    ["DFN_FOURTEEN_DAY", false],
    ["DFN_SIX_MONTH", false],
    ["EARLY", false],
  ])("%s → %s", (kind, expected) => {
    expect(needsMinisterDisclosure(kind)).toBe(expected);
  });
});

describe("hearing dates typed in the facility's local time", () => {
  it.each([
    ["a Toronto afternoon in summer (EDT)", "2026-06-10", "14:30", "America/Toronto", "2026-06-10T18:30:00.000Z"],
    ["a Toronto morning in winter (EST)", "2026-01-15", "09:00", "America/Toronto", "2026-01-15T14:00:00.000Z"],
    ["a St. John's hearing (half-hour zone)", "2026-06-10", "09:00", "America/St_Johns", "2026-06-10T11:30:00.000Z"],
    ["a Vancouver hearing", "2026-06-10", "09:00", "America/Vancouver", "2026-06-10T16:00:00.000Z"],
  ])("%s", (_name, date, time, zone, iso) => {
    const instant = localDateTimeToInstant(date, time, zone);
    expect(instant?.toISOString()).toBe(iso);
    expect(instantToLocalDateTime(instant!, zone)).toEqual({ date, time });
  });

  it.each([
    ["31 February", "2026-02-31", "10:00"],
    ["hour 25", "2026-06-10", "25:00"],
    ["not a date", "10/06/2026", "10:00"],
  ])("refuses a date or time that does not exist: %s", (_name, date, time) => {
    expect(localDateTimeToInstant(date, time, "America/Toronto")).toBeNull();
  });
});
