"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { createFeedSchema } from "@/lib/calendar/schema";
import { createFeed, revokeFeed } from "@/lib/calendar/mutations";
import { feedPath } from "@/lib/calendar/token";

/** An action result that may carry the new feed's path: shown once, never stored in the clear. */
export type FeedActionResult = ActionResult & { feedPath?: string };

export const createFeedAction = serverAction({
  input: createFeedSchema,
  validation: "reviewValidation",
  run: createFeed,
  succeeded: async (result): Promise<FeedActionResult> => ({ ...(await done(["/calendar"], "calendarFeed", "created")), feedPath: feedPath(result.token) }),
});

export const revokeFeedAction = serverAction({
  // Nothing to read: the feed revoked is the actor's own.
  input: z.object({}),
  run: (actor) => revokeFeed(actor),
  succeeded: () => done(["/calendar"], "calendarFeed", "revoked"),
});
