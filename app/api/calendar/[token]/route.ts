import { feedTokenSegmentSchema } from "@/lib/calendar/schema";
import { loadFeed } from "@/lib/calendar/queries";
import { buildFeedEvents, tokenFromPathSegment } from "@/lib/calendar/rules";
import { renderCalendar } from "@/lib/calendar/ics";
import { feedLabels } from "@/lib/calendar/labels";

// Always computed at request time: the feed shows what its owner may see now.
export const dynamic = "force-dynamic";

function notFound(): Response {
  // No detail: an unknown, malformed and revoked token all look the same.
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** A personal iCalendar feed of review deadlines and hearings, addressed by a secret token (lib/calendar). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const segment = feedTokenSegmentSchema.safeParse((await params).token);
  const token = segment.success ? tokenFromPathSegment(segment.data) : null;
  if (!token) return notFound();
  const feed = await loadFeed(token);
  if (!feed) return notFound();

  const { label, calendarName } = feedLabels(feed.locale);
  const events = buildFeedEvents({ deadlines: feed.deadlines, hearings: feed.hearings }, { includeFullNames: feed.includeFullNames, label });
  return new Response(renderCalendar(calendarName, events), {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Disposition": 'inline; filename="liaison-reviews.ics"',
      "X-Robots-Tag": "noindex",
    },
  });
}
