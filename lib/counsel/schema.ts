import { z } from "zod";
import { paragraphText } from "@/lib/validation/text";

export const addCounselNoteSchema = z.object({
  detentionId: z.uuid({ message: "invalidChoice" }),
  body: paragraphText(8000).min(1, "required"),
});

export type AddCounselNoteInput = z.infer<typeof addCounselNoteSchema>;
