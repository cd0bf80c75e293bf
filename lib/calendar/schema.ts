import { z } from "zod";

export const createFeedSchema = z.object({
  includeFullNames: z.literal("on").optional().transform((value) => value === "on"),
});

export type CreateFeedInput = z.infer<typeof createFeedSchema>;

/** The route's token segment: 43 base64url characters, optionally followed by ".ics". */
export const feedTokenSegmentSchema = z.string().regex(/^[A-Za-z0-9_-]{43}(\.ics)?$/);
