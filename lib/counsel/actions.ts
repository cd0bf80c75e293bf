"use server";

import { done, serverAction } from "@/lib/server-action";
import { addCounselNoteSchema } from "@/lib/counsel/schema";
import { addCounselNote } from "@/lib/counsel/mutations";

/** Counsel's privileged note (only counsel write one: lib/counsel/mutations.ts); CBSA case notes are written on the case page. */
export const addCounselNoteAction = serverAction({
  input: addCounselNoteSchema,
  validation: "reviewValidation",
  run: addCounselNote,
  succeeded: () => done(["/clients"], "counselNotes", "saved"),
});
