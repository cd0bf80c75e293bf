import ical from "ical-generator";
import type { FeedEvent } from "@/lib/calendar/rules";

/** The iCalendar (RFC 5545) text of a feed. Times are written in UTC; calendar clients show them in the reader's zone. */
export function renderCalendar(name: string, events: readonly FeedEvent[]): string {
  const calendar = ical({ name, prodId: { company: "Liaison", product: "Review calendar", language: "EN" }, ttl: 60 * 60 });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: event.start,
      ...(event.end ? { end: event.end } : {}),
      summary: event.summary,
      description: event.description,
      ...(event.location ? { location: event.location } : {}),
    });
  }
  return calendar.toString();
}
