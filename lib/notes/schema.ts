import { z } from "zod";
import { paragraphText } from "@/lib/validation/text";

export const NOTE_VISIBILITIES = ["CASE_TEAM", "OWN_ORGANISATION"] as const;

export const addNoteSchema = z.object({
  detentionId: z.uuid({ message: "invalidChoice" }),
  // Counsel's notes are always OWN_ORGANISATION whatever is sent (lib/authz/notes.ts visibilityForNewNote).
  visibility: z.enum(NOTE_VISIBILITIES, { message: "invalidChoice" }).catch("OWN_ORGANISATION"),
  body: paragraphText(10_000).min(1, "required"),
});
export type AddNoteInput = z.infer<typeof addNoteSchema>;
