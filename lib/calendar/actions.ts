"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { createFeedSchema } from "@/lib/calendar/schema";
import { createFeed, revokeFeed } from "@/lib/calendar/mutations";
import { feedPath } from "@/lib/calendar/token";

/** An action result that may carry the new feed's path: shown once, never stored in the clear. */
export type FeedActionResult = ActionResult & { feedPath?: string };

export async function createFeedAction(_previous: FeedActionResult | null, formData: FormData): Promise<FeedActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "calendar.feed")) return failure("notFound");
  const parsed = createFeedSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error, "reviewValidation");
  const result = await createFeed(actor, parsed.data);
  if (!result.ok || !result.token) return failure("notFound");
  revalidatePath("/calendar");
  const t = await getTranslations("calendarFeed");
  return { ok: true, message: t("created"), feedPath: feedPath(result.token) };
}

export async function revokeFeedAction(_previous: FeedActionResult | null, _formData: FormData): Promise<FeedActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "calendar.feed")) return failure("notFound");
  const result = await revokeFeed(actor);
  if (!result.ok) return failure("notFound");
  revalidatePath("/calendar");
  const t = await getTranslations("calendarFeed");
  return { ok: true, message: t("revoked") };
}
