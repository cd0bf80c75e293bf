"use server";

import { done, serverAction } from "@/lib/server-action";
import { removeDocumentSchema } from "@/lib/documents/schema";
import { removeDocument } from "@/lib/documents/mutations";

export const removeDocumentAction = serverAction({
  input: removeDocumentSchema,
  run: (actor, input) => removeDocument(actor, input),
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`], "documents", "removed"),
});
