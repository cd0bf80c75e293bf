import { z } from "zod";
import { optionalLineText, paragraphText } from "@/lib/validation/text";

/**
 * Counsel of record propose an option for the release plan: a provider from the directory, or a program outside it
 * (with a contact, so the CLO can reach it as the referring agency), and always why it fits the person.
 */
export const OPTION_SOURCES = ["DIRECTORY", "OUTSIDE"] as const;

export const proposeOptionSchema = z
  .object({
    detentionId: z.uuid({ message: "invalidChoice" }),
    source: z.enum(OPTION_SOURCES, { message: "invalidChoice" }),
    providerId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "invalidChoice" }).optional()),
    programName: optionalLineText(200),
    contact: optionalLineText(300),
    why: paragraphText(2000).min(1, "required"),
  })
  .superRefine((option, context) => {
    const require = (field: "providerId" | "programName" | "contact") => context.addIssue({ code: "custom", path: [field], message: "required" });
    if (option.source === "DIRECTORY" && !option.providerId) require("providerId");
    if (option.source === "OUTSIDE") {
      if (!option.programName) require("programName");
      if (!option.contact) require("contact");
    }
  })
  // Only what the chosen source needs is kept: a provider chosen, then "outside" picked, sends no stale provider.
  .transform((option) =>
    option.source === "DIRECTORY"
      ? { detentionId: option.detentionId, source: option.source, providerId: option.providerId!, programName: null, contact: null, why: option.why }
      : { detentionId: option.detentionId, source: option.source, providerId: null, programName: option.programName!, contact: option.contact!, why: option.why },
  );
export type ProposeOptionInput = z.output<typeof proposeOptionSchema>;
