"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { createTaskSchema, updateTaskSchema } from "@/lib/tasks/schema";
import { createTask, updateTask, type TaskResult } from "@/lib/tasks/mutations";

const ownerRefused = (refusal: Extract<TaskResult, { ok: false }>) => (refusal.reason === "OWNER_NOT_FOUND" ? fieldErrors([{ field: "ownerId", key: "invalidChoice" }]) : null);

export const createTaskAction = serverAction({
  input: createTaskSchema,
  run: createTask,
  refused: ownerRefused,
  succeeded: (_result, input) => done([`/cases/${input.detentionId}`, "/tasks"], "caseTasks", "created"),
});

export const updateTaskAction = serverAction({
  input: updateTaskSchema,
  run: updateTask,
  refused: ownerRefused,
  // A task is shown on its case page, whose id the form does not carry: revalidate every case page.
  succeeded: () => done([["/cases/[id]", "page"], "/tasks"], "caseTasks", "updated"),
});
