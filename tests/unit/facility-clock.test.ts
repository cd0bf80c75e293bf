import { describe, expect, it } from "vitest";
import {
  dateTimeLocalToInstant,
  endOfLocalDate,
  endOfLocalDay,
  instantToDateTimeLocal,
  instantToWallClock,
  isTimeZone,
  localToday,
  wallClockToInstant,
} from "@/lib/time/facility-clock";

describe("the facility clock: wall-clock time on the facility's calendar and instants", () => {
  it.each([
    ["Toronto, standard time", "2026-01-15", "10:30", "America/Toronto", "2026-01-15T15:30:00.000Z"],
    ["Toronto, daylight time", "2026-07-15", "10:30", "America/Toronto", "2026-07-15T14:30:00.000Z"],
    ["St. John's, a half-hour offset", "2026-01-15", "09:00", "America/St_Johns", "2026-01-15T12:30:00.000Z"],
    ["Regina, no daylight saving", "2026-07-01", "12:00", "America/Regina", "2026-07-01T18:00:00.000Z"],
    ["a leap day", "2028-02-29", "08:00", "America/Vancouver", "2028-02-29T16:00:00.000Z"],
  ])("reads %s", (_name, date, time, zone, expected) => {
    const instant = wallClockToInstant(date, time, zone);
    expect(instant?.toISOString()).toBe(expected);
    expect(instantToWallClock(instant!, zone)).toEqual({ date, time });
    expect(dateTimeLocalToInstant(`${date}T${time}`, zone)).toEqual(instant);
    expect(instantToDateTimeLocal(instant!, zone)).toBe(`${date}T${time}`);
  });

  it.each([
    ["a 13th month", "1990-13-01", "10:00"],
    ["30 February", "2024-02-30", "10:00"],
    ["29 February of a common year", "2023-02-29", "10:00"],
    ["day zero", "2026-06-00", "10:00"],
    ["hour 24", "2026-06-01", "24:00"],
    ["minute 60", "2026-06-01", "10:60"],
    ["another format", "01/06/2026", "10:00"],
    ["a date with a trailing newline", "2026-06-01\n", "10:00"],
  ])("refuses %s rather than rolling it over", (_name, date, time) => {
    expect(wallClockToInstant(date, time, "America/Toronto")).toBeNull();
    expect(dateTimeLocalToInstant(`${date}T${time}`, "America/Toronto")).toBeNull();
  });

  it("reads a time skipped by the spring-forward change as the hour after it", () => {
    // 8 March 2026 in Toronto: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist on the wall clock.
    expect(wallClockToInstant("2026-03-08", "02:30", "America/Toronto")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(instantToWallClock(new Date("2026-03-08T07:30:00.000Z"), "America/Toronto")).toEqual({ date: "2026-03-08", time: "03:30" });
  });

  it("ends a local date at the facility's midnight, on a 25-hour day too", () => {
    // 1 November 2026 in Toronto falls back from EDT to EST: the day is 25 hours long.
    expect(endOfLocalDate("2026-11-01", "America/Toronto")?.toISOString()).toBe("2026-11-02T04:59:59.999Z");
    expect(endOfLocalDate("2026-06-10", "America/Vancouver")?.toISOString()).toBe("2026-06-11T06:59:59.999Z");
    expect(endOfLocalDate("2026-06-31", "America/Vancouver")).toBeNull();
    expect(endOfLocalDay(new Date("2026-06-11T05:00:00Z"), "America/Vancouver").toISOString()).toBe("2026-06-11T06:59:59.999Z");
  });

  it("gives today's date on the facility's calendar, not the server's", () => {
    const lateEveningInVancouver = new Date("2026-06-11T05:30:00Z");
    expect(localToday("America/Vancouver", lateEveningInVancouver)).toBe("2026-06-10");
    expect(localToday("America/Halifax", lateEveningInVancouver)).toBe("2026-06-11");
  });

  it("knows IANA zones and refuses fixed offsets", () => {
    expect(isTimeZone("America/Toronto")).toBe(true);
    expect(isTimeZone("+05:00")).toBe(false);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(() => wallClockToInstant("2026-06-01", "10:00", "+05:00")).toThrow(RangeError);
  });
});
