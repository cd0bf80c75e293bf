import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { appOrigin } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { openNotification } from "@/lib/notifications/reading";

const NOT_FOUND = () => new Response("Not found", { status: 404 });

/** Follows one of the user's own notifications: marks it read and goes to the place to act (same origin only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const id = z.uuid().safeParse((await params).id);
  if (!actor || !id.success) return NOT_FOUND();
  const stored = await openNotification(actor, id.data);
  const path = stored ? safeCallbackPath(stored, appOrigin()) : null;
  if (!path) return NOT_FOUND();
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
