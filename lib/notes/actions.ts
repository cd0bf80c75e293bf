"use server";

import { done, serverAction } from "@/lib/server-action";
import { addNoteSchema } from "@/lib/notes/schema";
import { addNote } from "@/lib/notes/mutations";

export const addNoteAction = serverAction({
  input: addNoteSchema,
  run: addNote,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`], "caseNotes", "added"),
});
