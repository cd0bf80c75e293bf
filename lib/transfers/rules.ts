/**
 * Transfers between facilities: when a transfer may be recorded, and which facility's time zone applies at an
 * instant once a person has been moved (the review clock takes each day in the zone where the person was held).
 *
 * Pure functions, no I/O. Instants are UTC `Date`s; calendar dates are "YYYY-MM-DD" strings, the same date in every
 * zone (10 June is 10 June in Toronto and in Vancouver, each ending at its own local midnight).
 */
import type { DetentionStatus } from "@/lib/generated/prisma/enums";
import { assertInstant, assertTimeZone, endOfLocalDate, instantToWallClock, wallClockToInstant } from "@/lib/time/facility-clock";

// ------------------------------------------------------------------------------------------ validity

/** A transfer typed a few minutes ahead of the server clock is a clock difference, not a transfer to come. */
export const TRANSFER_CLOCK_TOLERANCE_MS = 5 * 60_000;

export type TransferCheck = {
  status: DetentionStatus;
  detainedAt: Date;
  /** The facility the person is held in now (Detention.facilityId). */
  currentFacilityId: string;
  /** When the latest recorded transfer of this detention took place, if any. */
  previousTransferAt: Date | null;
  toFacilityId: string;
  transferredAt: Date;
  now: Date;
};

export type TransferRefusal = "NOT_DETAINED" | "SAME_FACILITY" | "BEFORE_DETENTION" | "BEFORE_PREVIOUS_TRANSFER" | "IN_FUTURE";

/**
 * Why a transfer cannot be recorded, or null when it can. Only a person still detained is moved (a released or
 * removed person is in no facility); a transfer goes to another facility; it happens no earlier than the detention
 * began and strictly after the previous transfer (transfers are a sequence: the history is never rewritten by
 * slipping one in before the last, which would change the facility the person is recorded in now), and not in the
 * future beyond the clock tolerance (a transfer to come is not recorded in advance).
 */
export function transferRefusal(check: TransferCheck): TransferRefusal | null {
  assertInstant(check.transferredAt, "The transfer time (transferredAt)");
  assertInstant(check.detainedAt, "The detention time (detainedAt)");
  assertInstant(check.now, "The current time (now)");
  if (check.status !== "DETAINED") return "NOT_DETAINED";
  if (check.toFacilityId === check.currentFacilityId) return "SAME_FACILITY";
  const at = check.transferredAt.getTime();
  if (at < check.detainedAt.getTime()) return "BEFORE_DETENTION";
  if (check.previousTransferAt !== null && at <= check.previousTransferAt.getTime()) return "BEFORE_PREVIOUS_TRANSFER";
  if (at > check.now.getTime() + TRANSFER_CLOCK_TOLERANCE_MS) return "IN_FUTURE";
  return null;
}

/** A transfer hands the case over when the receiving facility belongs to another office. */
export function isHandOver(fromOfficeId: string, toFacilityOfficeId: string): boolean {
  return fromOfficeId !== toFacilityOfficeId;
}

// ------------------------------------------------------------------------------------------ zone history

/** From `from` on (until the next span), the person was held in a facility of zone `timeZone`. */
export type ZoneSpan = { from: Date; timeZone: string };
/** Spans in time order; before the first span's `from`, the first span's zone applies. Never empty. */
export type ZoneHistory = readonly ZoneSpan[];

const BEGINNING = new Date(-8.64e15);

/** The history of a person who was never moved: one zone throughout. */
export function singleZone(timeZone: string): ZoneHistory {
  return [{ from: BEGINNING, timeZone }];
}

/**
 * The zone history of a detention from its transfers: the zone of the first facility (the first transfer's origin,
 * or the current facility when there was none), then each receiving facility's from the instant of its transfer.
 */
export function facilityZoneHistory(currentTimeZone: string, transfers: readonly { transferredAt: Date; fromTimeZone: string; toTimeZone: string }[]): ZoneHistory {
  const ordered = [...transfers].sort((a, b) => a.transferredAt.getTime() - b.transferredAt.getTime());
  const first = ordered[0]?.fromTimeZone ?? currentTimeZone;
  return [{ from: BEGINNING, timeZone: first }, ...ordered.map((transfer) => ({ from: transfer.transferredAt, timeZone: transfer.toTimeZone }))];
}

/** What the zone history needs of a detention's transfers (a Prisma select): when, and the zones on either side. */
export const TRANSFER_ZONES_SELECT = { transferredAt: true, fromFacility: { select: { timeZone: true } }, toFacility: { select: { timeZone: true } } } as const;

/** A transfer row selected with TRANSFER_ZONES_SELECT, as facilityZoneHistory reads it. */
export function toZoneTransfer(transfer: { transferredAt: Date; fromFacility: { timeZone: string }; toFacility: { timeZone: string } }) {
  return { transferredAt: transfer.transferredAt, fromTimeZone: transfer.fromFacility.timeZone, toTimeZone: transfer.toFacility.timeZone };
}

/** Throws a RangeError unless the history is non-empty, in time order, with valid instants and IANA zones. */
export function assertZoneHistory(zones: ZoneHistory): void {
  if (zones.length === 0) throw new RangeError("The facility zone history is empty: give at least the zone of the facility where the person is held.");
  zones.forEach((span, index) => {
    assertTimeZone(span.timeZone);
    assertInstant(span.from, `Zone span ${index + 1}: the start (from)`);
    const previous = zones[index - 1];
    if (previous && previous.from.getTime() > span.from.getTime()) throw new RangeError(`Zone span ${index + 1} starts before the span it follows: give the spans in time order.`);
  });
}

/** The zone of the facility where the person was held at `instant`. */
export function zoneAt(zones: ZoneHistory, instant: Date): string {
  let zone = zones[0]!.timeZone;
  for (const span of zones) {
    if (span.from.getTime() <= instant.getTime()) zone = span.timeZone;
    else break;
  }
  return zone;
}

// ------------------------------------------------------------------------------------------ days across zones

/** The calendar date ("2026-06-10") of an instant where the person was held at that instant. */
export function heldDate(instant: Date, zones: ZoneHistory): string {
  return instantToWallClock(instant, zoneAt(zones, instant)).date;
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split("-").map(Number);
  return [year!, month! - 1, day!];
}

function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date plus `days` days (negative counts back): calendar arithmetic, no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return formatUtcDate(new Date(Date.UTC(year, month, day + days)));
}

/** A calendar date plus `months` months: the same day number, or the month's last day (Interpretation Act s.28). */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
  return formatUtcDate(new Date(Date.UTC(year, month + months, Math.min(day, lastDay))));
}

/**
 * The instant a calendar day starts or ends where the person is held. Our rule, for a day boundary near a
 * transfer between zones: the boundary is the day's local midnight in the zone where the person is held at that
 * midnight. When a transfer between the zones' midnights makes more than one zone (or none) fit, the earliest
 * fitting instant is taken: a deadline is never pushed later by a move (the same "earlier and safer" choice as the
 * adjourned review). With one zone, this is that zone's local midnight.
 */
export function heldDayBoundary(date: string, zones: ZoneHistory, edge: "start" | "end"): Date {
  const distinct = [...new Set(zones.map((span) => span.timeZone))];
  const candidates = distinct.map((timeZone) => ({
    timeZone,
    at: (edge === "end" ? endOfLocalDate(date, timeZone) : wallClockToInstant(date, "00:00", timeZone))!,
  }));
  const fitting = candidates.filter((candidate) => zoneAt(zones, candidate.at) === candidate.timeZone);
  // No zone fits (held in the western zone at the eastern midnight, then moved east before the western one):
  // the zones held at any of the candidate instants, the earliest of them.
  const heldAtSome = new Set(candidates.map((candidate) => zoneAt(zones, candidate.at)));
  const pool = fitting.length > 0 ? fitting : candidates.filter((candidate) => heldAtSome.has(candidate.timeZone));
  return new Date(Math.min(...pool.map((candidate) => candidate.at.getTime())));
}

/**
 * "By the end of the Nth day after" an event, each day taken where the person was held: the event's date is its
 * date in the zone of the facility where the person was held at that instant; the Nth day after it ends as
 * heldDayBoundary says. For a person never moved, endOfLocalDayAfter of lib/time/facility-clock.ts.
 */
export function endOfHeldDayAfter(event: Date, days: number, zones: ZoneHistory): Date {
  assertInstant(event, "The date");
  return heldDayBoundary(addCalendarDays(heldDate(event, zones), days), zones, "end");
}

/** The first instant of the day `months` months after the event's held date (the DFN six-month review day). */
export function startOfHeldDayAfterMonths(event: Date, months: number, zones: ZoneHistory): Date {
  assertInstant(event, "The date");
  return heldDayBoundary(addCalendarMonths(heldDate(event, zones), months), zones, "start");
}

/** The last instant of the held day starting at `dayStart` (its date taken where the person was held then). */
export function endOfHeldDay(instant: Date, zones: ZoneHistory): Date {
  return heldDayBoundary(heldDate(instant, zones), zones, "end");
}
