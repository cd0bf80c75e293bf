"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getActor } from "@/lib/auth/session";
import { failure, fieldErrors, formObject, invalidInput, type ActionResult } from "@/lib/action-result";
import { createTaskSchema, updateTaskSchema } from "@/lib/tasks/schema";
import { createTask, updateTask, type TaskResult } from "@/lib/tasks/mutations";

async function outcome(result: TaskResult, detentionId: string | null, successKey: "created" | "updated"): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "OWNER_NOT_FOUND") return fieldErrors([{ field: "ownerId", key: "invalidChoice" }]);
    return failure(result.reason === "STALE_VERSION" ? "staleVersion" : "notFound");
  }
  if (detentionId) revalidatePath(`/cases/${detentionId}`);
  else revalidatePath("/cases/[id]", "page");
  revalidatePath("/tasks");
  const t = await getTranslations("caseTasks");
  return { ok: true, message: t(successKey) };
}

export async function createTaskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = createTaskSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await createTask(actor, parsed.data), parsed.data.detentionId, "created");
}

export async function updateTaskAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor || !can(actor, "cases.edit")) return failure("notFound");
  const parsed = updateTaskSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  return outcome(await updateTask(actor, parsed.data), null, "updated");
}
