import { getActor } from "@/lib/auth/session";
import { unreadNotificationCount } from "@/lib/notifications/queries";

/** The signed-in user's unread count, for the bell to refresh on navigation without reloading the page. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return new Response("Not found", { status: 404 });
  return Response.json({ unread: await unreadNotificationCount(actor) }, { headers: { "Cache-Control": "private, no-store" } });
}
