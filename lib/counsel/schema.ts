import { z } from "zod";

export const addCounselNoteSchema = z.object({
  detentionId: z.uuid({ message: "invalidChoice" }),
  body: z.string().trim().min(1, "required").max(8000, "tooLong"),
});

export type AddCounselNoteInput = z.infer<typeof addCounselNoteSchema>;
