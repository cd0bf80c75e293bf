/**
 * Transfers between facilities (lib/transfers/rules.ts) and the review clock across them (lib/reviews/rules.ts with
 * `zones`), as tables of cases. Expected instants are written by hand with their local offset: Toronto -04:00 (EDT,
 * until 1 November 2026 at 02:00) then -05:00; Vancouver -07:00 (PDT, until 1 November 2026 at 02:00) then -08:00.
 */
import { describe, expect, it } from "vitest";
import { computeReviewSchedule, type ReviewInput, type ScheduleInput } from "@/lib/reviews/rules";
import {
  addCalendarMonths,
  facilityZoneHistory,
  heldDayBoundary,
  isHandOver,
  singleZone,
  transferRefusal,
  zoneAt,
  type TransferCheck,
  type ZoneHistory,
} from "@/lib/transfers/rules";

const TORONTO = "America/Toronto";
const VANCOUVER = "America/Vancouver";
const at = (iso: string) => new Date(iso);

describe("when a transfer may be recorded", () => {
  const base: TransferCheck = {
    status: "DETAINED",
    detainedAt: at("2026-06-01T10:00:00-04:00"),
    currentFacilityId: "facility-a",
    previousTransferAt: null,
    toFacilityId: "facility-b",
    transferredAt: at("2026-06-03T09:00:00-04:00"),
    now: at("2026-06-04T12:00:00-04:00"),
  };
  const cases: { name: string; change: Partial<TransferCheck>; refusal: ReturnType<typeof transferRefusal> }[] = [
    { name: "a detained person moved to another facility after detention", change: {}, refusal: null },
    { name: "moved at the very instant of detention", change: { transferredAt: base.detainedAt }, refusal: null },
    { name: "a released person is in no facility", change: { status: "RELEASED" }, refusal: "NOT_DETAINED" },
    { name: "a removed person", change: { status: "REMOVED" }, refusal: "NOT_DETAINED" },
    { name: "an ended detention", change: { status: "ENDED" }, refusal: "NOT_DETAINED" },
    { name: "to the facility they are already in", change: { toFacilityId: "facility-a" }, refusal: "SAME_FACILITY" },
    { name: "back to the facility they came from (back and forth)", change: { currentFacilityId: "facility-b", toFacilityId: "facility-a", previousTransferAt: at("2026-06-02T09:00:00-04:00") }, refusal: null },
    { name: "before the detention began", change: { transferredAt: at("2026-06-01T09:59:00-04:00") }, refusal: "BEFORE_DETENTION" },
    { name: "before the previous transfer", change: { previousTransferAt: at("2026-06-03T10:00:00-04:00") }, refusal: "BEFORE_PREVIOUS_TRANSFER" },
    { name: "at the same instant as the previous transfer", change: { previousTransferAt: base.transferredAt }, refusal: "BEFORE_PREVIOUS_TRANSFER" },
    { name: "a few minutes ahead of the server clock", change: { transferredAt: at("2026-06-04T12:04:00-04:00") }, refusal: null },
    { name: "a transfer still to come", change: { transferredAt: at("2026-06-04T12:06:00-04:00") }, refusal: "IN_FUTURE" },
  ];
  it.each(cases)("$name", ({ change, refusal }) => {
    expect(transferRefusal({ ...base, ...change })).toBe(refusal);
  });

  it("hands the case over only when the receiving facility is another office's", () => {
    expect(isHandOver("office-tor", "office-tor")).toBe(false);
    expect(isHandOver("office-tor", "office-van")).toBe(true);
  });
});

describe("the facility zone history", () => {
  const history = facilityZoneHistory(TORONTO, [
    // Given out of order: the history sorts them.
    { transferredAt: at("2026-06-05T12:00:00Z"), fromTimeZone: VANCOUVER, toTimeZone: TORONTO },
    { transferredAt: at("2026-06-03T12:00:00Z"), fromTimeZone: TORONTO, toTimeZone: VANCOUVER },
  ]);
  const cases = [
    { name: "before any transfer: the first facility's zone", instant: "2026-06-01T00:00:00Z", zone: TORONTO },
    { name: "at the instant of the transfer: the receiving facility's", instant: "2026-06-03T12:00:00Z", zone: VANCOUVER },
    { name: "between the transfers", instant: "2026-06-04T12:00:00Z", zone: VANCOUVER },
    { name: "after the transfer back", instant: "2026-06-06T00:00:00Z", zone: TORONTO },
  ];
  it.each(cases)("$name", ({ instant, zone }) => {
    expect(zoneAt(history, at(instant))).toBe(zone);
  });

  it("without transfers is the current facility's zone throughout", () => {
    expect(zoneAt(facilityZoneHistory(VANCOUVER, []), at("2026-06-01T00:00:00Z"))).toBe(VANCOUVER);
  });

  it("adds months on the calendar, clamping to the month's last day (Interpretation Act s.28)", () => {
    expect(addCalendarMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addCalendarMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-06-10", 6)).toBe("2026-12-10");
  });
});

describe("a day boundary where the person is held", () => {
  const torontoToVancouver = facilityZoneHistory(TORONTO, [{ transferredAt: at("2026-06-11T05:00:00Z"), fromTimeZone: TORONTO, toTimeZone: VANCOUVER }]);
  const vancouverToToronto = facilityZoneHistory(VANCOUVER, [{ transferredAt: at("2026-06-11T05:00:00Z"), fromTimeZone: VANCOUVER, toTimeZone: TORONTO }]);
  const cases: { name: string; zones: ZoneHistory; date: string; edge: "start" | "end"; expected: string }[] = [
    { name: "one zone: its local midnight", zones: singleZone(VANCOUVER), date: "2026-06-10", edge: "end", expected: "2026-06-10T23:59:59.999-07:00" },
    { name: "held in Toronto at Toronto's midnight, moved west before Vancouver's: Toronto's (the earlier)", zones: torontoToVancouver, date: "2026-06-10", edge: "end", expected: "2026-06-10T23:59:59.999-04:00" },
    { name: "held in Vancouver at Toronto's midnight, moved east before Vancouver's: no zone fits, the earlier", zones: vancouverToToronto, date: "2026-06-10", edge: "end", expected: "2026-06-10T23:59:59.999-04:00" },
    { name: "the day after the move west: Vancouver's", zones: torontoToVancouver, date: "2026-06-11", edge: "end", expected: "2026-06-11T23:59:59.999-07:00" },
    { name: "the start of a day after the move east: Toronto's", zones: vancouverToToronto, date: "2026-06-12", edge: "start", expected: "2026-06-12T00:00:00-04:00" },
  ];
  it.each(cases)("$name", ({ zones, date, edge, expected }) => {
    expect(heldDayBoundary(date, zones, edge).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("the review clock across transfers", () => {
  const review = (startedOn: string, outcome: ReviewInput["outcome"] = "CONTINUED"): ReviewInput => ({ startedOn: at(startedOn), outcome });
  const transfer = (transferredAt: string, fromTimeZone: string, toTimeZone: string) => ({ transferredAt: at(transferredAt), fromTimeZone, toTimeZone });
  const cases: { name: string; input: Omit<ScheduleInput, "now">; kind: string; dueBy: string }[] = [
    {
      name: "48-hour first review: elapsed hours, unaffected by a move to another zone",
      input: { detainedAt: at("2026-06-01T10:00:00-04:00"), timeZone: VANCOUVER, zones: facilityZoneHistory(VANCOUVER, [transfer("2026-06-02T12:00:00Z", TORONTO, VANCOUVER)]), schedule: "STANDARD", reviews: [] },
      kind: "FORTY_EIGHT_HOUR",
      dueBy: "2026-06-03T10:00:00-04:00",
    },
    {
      name: "Toronto to Vancouver on the DST night: the 7th day (1 November, 25 hours long in Vancouver) ends at Vancouver's midnight",
      input: {
        detainedAt: at("2026-10-23T10:00:00-04:00"),
        timeZone: VANCOUVER,
        zones: facilityZoneHistory(VANCOUVER, [transfer("2026-11-01T05:30:00Z", TORONTO, VANCOUVER)]),
        schedule: "STANDARD",
        reviews: [review("2026-10-25T10:00:00-04:00")],
      },
      kind: "SEVEN_DAY",
      dueBy: "2026-11-01T23:59:59.999-08:00",
    },
    {
      name: "the same detention never moved: Toronto's midnight, after the change to EST",
      input: { detainedAt: at("2026-10-23T10:00:00-04:00"), timeZone: TORONTO, schedule: "STANDARD", reviews: [review("2026-10-25T10:00:00-04:00")] },
      kind: "SEVEN_DAY",
      dueBy: "2026-11-01T23:59:59.999-05:00",
    },
    {
      name: "back and forth: Toronto, Vancouver, then Toronto again before the last day: Toronto's midnight",
      input: {
        detainedAt: at("2026-10-23T10:00:00-04:00"),
        timeZone: TORONTO,
        zones: facilityZoneHistory(TORONTO, [transfer("2026-10-27T15:00:00Z", TORONTO, VANCOUVER), transfer("2026-10-30T15:00:00Z", VANCOUVER, TORONTO)]),
        schedule: "STANDARD",
        reviews: [review("2026-10-25T10:00:00-04:00")],
      },
      kind: "SEVEN_DAY",
      dueBy: "2026-11-01T23:59:59.999-05:00",
    },
    {
      name: "the first review's date is taken where it was held: 2 June in Vancouver (already 3 June in Toronto)",
      input: {
        detainedAt: at("2026-06-01T10:00:00-07:00"),
        timeZone: TORONTO,
        zones: facilityZoneHistory(TORONTO, [transfer("2026-06-04T15:00:00Z", VANCOUVER, TORONTO)]),
        schedule: "STANDARD",
        reviews: [review("2026-06-02T22:30:00-07:00")],
      },
      kind: "SEVEN_DAY",
      dueBy: "2026-06-09T23:59:59.999-04:00",
    },
    {
      name: "30-day review after a move west",
      input: {
        detainedAt: at("2026-06-01T10:00:00-04:00"),
        timeZone: VANCOUVER,
        zones: facilityZoneHistory(VANCOUVER, [transfer("2026-06-20T15:00:00Z", TORONTO, VANCOUVER)]),
        schedule: "STANDARD",
        reviews: [review("2026-06-03T09:00:00-04:00"), review("2026-06-09T09:00:00-04:00")],
      },
      kind: "THIRTY_DAY",
      dueBy: "2026-07-09T23:59:59.999-07:00",
    },
    {
      name: "designated foreign national: the 14th day after detention ends where they are held then",
      input: {
        detainedAt: at("2026-06-01T10:00:00-04:00"),
        timeZone: VANCOUVER,
        zones: facilityZoneHistory(VANCOUVER, [transfer("2026-06-05T15:00:00Z", TORONTO, VANCOUVER)]),
        schedule: "DESIGNATED_FOREIGN_NATIONAL",
        reviews: [],
      },
      kind: "DFN_FOURTEEN_DAY",
      dueBy: "2026-06-15T23:59:59.999-07:00",
    },
    {
      name: "designated foreign national: the six-month review day where they are held",
      input: {
        detainedAt: at("2026-06-01T10:00:00-04:00"),
        timeZone: VANCOUVER,
        zones: facilityZoneHistory(VANCOUVER, [transfer("2026-07-05T15:00:00Z", TORONTO, VANCOUVER)]),
        schedule: "DESIGNATED_FOREIGN_NATIONAL",
        reviews: [{ startedOn: at("2026-06-10T10:00:00-04:00"), concludedOn: at("2026-06-10T12:00:00-04:00"), outcome: "CONTINUED" }],
      },
      kind: "DFN_SIX_MONTH",
      dueBy: "2026-12-10T23:59:59.999-08:00",
    },
  ];
  it.each(cases)("$name", ({ input, kind, dueBy }) => {
    const { next } = computeReviewSchedule({ ...input, now: at("2026-06-01T12:00:00Z") });
    expect(next?.kind).toBe(kind);
    expect(next?.dueBy.toISOString()).toBe(at(dueBy).toISOString());
  });

  it("one zone given as a history computes what the single zone does", () => {
    const input = { detainedAt: at("2026-10-23T10:00:00-04:00"), timeZone: TORONTO, schedule: "STANDARD" as const, reviews: [review("2026-10-25T10:00:00-04:00"), review("2026-10-30T10:00:00-04:00", "ADJOURNED")], now: at("2026-11-01T00:00:00Z") };
    expect(computeReviewSchedule({ ...input, zones: singleZone(TORONTO) })).toEqual(computeReviewSchedule(input));
  });

  it("refuses an empty or unordered history", () => {
    const input = { detainedAt: at("2026-06-01T10:00:00Z"), timeZone: TORONTO, schedule: "STANDARD" as const, reviews: [], now: at("2026-06-01T12:00:00Z") };
    expect(() => computeReviewSchedule({ ...input, zones: [] })).toThrow(RangeError);
    expect(() => computeReviewSchedule({ ...input, zones: [{ from: at("2026-06-02T00:00:00Z"), timeZone: TORONTO }, { from: at("2026-06-01T00:00:00Z"), timeZone: VANCOUVER }] })).toThrow(RangeError);
  });
});
