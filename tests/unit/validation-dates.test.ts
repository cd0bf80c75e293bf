import { describe, expect, it } from "vitest";
import { calendarDate, clockTime, isCalendarDate, isLocalDateTime, latestToday, localDateTime, optionalCalendarDate, optionalLocalDateTime } from "@/lib/validation/dates";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

describe("calendar dates: meaning, not shape", () => {
  it.each(["1990-13-01", "1990-00-10", "2023-02-29", "2024-02-30", "2100-02-29", "1990-04-31", "1990-01-00", "1990-01-32", "9999-99-99", "0000-00-00", "90-01-01", "1990-1-1", "1990/01/01", " 1990-01-01x", "-2026-01-01", "275760-09-14"])(
    "%s is not a date",
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
      expect(firstMessage(calendarDate().safeParse(text))).toBe("date");
    },
  );

  it.each(["2024-02-29", "2000-02-29", "1990-12-31", "2023-02-28", "2026-06-10"])("%s is a date", (text) => {
    expect(isCalendarDate(text)).toBe(true);
    expect(calendarDate().parse(text)).toBe(text);
  });

  it("trims, and names a blank value as missing", () => {
    expect(calendarDate().parse(" 2024-02-29 ")).toBe("2024-02-29");
    expect(firstMessage(calendarDate().safeParse(""))).toBe("required");
    expect(firstMessage(calendarDate().safeParse(undefined))).toBe("required");
  });

  it("a form may give its own message for a value that is not a date", () => {
    expect(firstMessage(calendarDate({ message: "reviewDate" }).safeParse("2023-02-29"))).toBe("reviewDate");
  });

  it("refuses dates outside the range the domain implies", () => {
    const dateOfBirth = calendarDate({ notBefore: "1900-01-01", notAfter: "today" });
    expect(firstMessage(dateOfBirth.safeParse("1899-12-31"))).toBe("dateTooEarly");
    expect(firstMessage(dateOfBirth.safeParse("2099-01-01"))).toBe("dateInFuture");
    expect(dateOfBirth.parse("1900-01-01")).toBe("1900-01-01");
    expect(dateOfBirth.parse(new Date().toISOString().slice(0, 10))).toBeTruthy();
    // Any date: no earlier than 1900 nor later than 2100.
    expect(firstMessage(calendarDate().safeParse("1850-01-01"))).toBe("dateTooEarly");
    expect(firstMessage(calendarDate().safeParse("2101-01-01"))).toBe("dateTooLate");
    expect(firstMessage(calendarDate({ notAfter: "2030-12-31" }).safeParse("2031-01-01"))).toBe("dateTooLate");
  });

  it("'today' allows for every time zone but not for tomorrow's tomorrow", () => {
    expect(latestToday(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
  });

  it("optional dates: blank or absent is null, anything else must be a date", () => {
    expect(optionalCalendarDate().parse("")).toBeNull();
    expect(optionalCalendarDate().parse("  ")).toBeNull();
    expect(optionalCalendarDate().parse(undefined)).toBeNull();
    expect(optionalCalendarDate().parse("2024-02-29")).toBe("2024-02-29");
    expect(firstMessage(optionalCalendarDate().safeParse("2023-02-29"))).toBe("date");
  });
});

describe("clock times and datetime-local values", () => {
  it.each(["24:00", "23:60", "9:30", "12:5", "12:30:15", "noon", "12h30"])("%s is not a time", (text) => {
    expect(firstMessage(clockTime().safeParse(text))).toBe("time");
  });

  it.each(["00:00", "09:30", "23:59", "14:30"])("%s is a time", (text) => {
    expect(clockTime().parse(text)).toBe(text);
  });

  it.each(["2023-02-29T10:00", "2026-06-10T24:00", "2026-06-10 10:00", "2026-13-10T10:00", "2026-06-10T10:00Z", "2026-06-10T10:00:30", "2026-06-10"])("%s is not a datetime-local value", (text) => {
    expect(isLocalDateTime(text)).toBe(false);
    expect(firstMessage(localDateTime().safeParse(text))).toBe("dateTime");
  });

  it.each(["2024-02-29T23:59", "2026-06-10T10:00", "2026-01-01T00:00"])("%s is a datetime-local value", (text) => {
    expect(localDateTime().parse(text)).toBe(text);
  });

  it("datetime-local values keep to their range, and the optional one reads blank as null", () => {
    expect(firstMessage(localDateTime({ notAfter: "today" }).safeParse("2099-01-01T10:00"))).toBe("dateInFuture");
    expect(optionalLocalDateTime().parse("")).toBeNull();
    expect(firstMessage(optionalLocalDateTime().safeParse("2023-02-29T10:00"))).toBe("dateTime");
  });
});
