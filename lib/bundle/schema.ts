import { z } from "zod";

/** The bundle's request: which case, in which language (the Division hears in English or French). */
export const bundleRequestSchema = z.object({
  detentionId: z.uuid({ message: "invalidChoice" }),
  lang: z.enum(["en", "fr"], { message: "bundleLanguage" }),
});
export type BundleRequest = z.infer<typeof bundleRequestSchema>;
