"use client";

import { useTranslations } from "next-intl";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import { TASK_CATEGORIES, TASK_STATUSES } from "@/lib/tasks/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

type Owner = { id: string; name: string };
export type EditableTask = {
  id: string;
  version: number;
  category: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  dueOn: string;
  status: string;
  outcome: string | null;
};

/** Adds a task to a case (no `task`) or edits one, carrying the version it was rendered from. */
export function TaskForm({ detentionId, owners, task, defaultOwnerId }: { detentionId: string; owners: Owner[]; task?: EditableTask; defaultOwnerId?: string }) {
  const t = useTranslations("caseTasks");
  const tEnums = useTranslations("caseEnums");
  const { result, errors, pending, formProps } = useFormAction(task ? updateTaskAction : createTaskAction, { resetOnSuccess: !task });
  const prefix = task ? `task-${task.id}` : "new-task";
  const field = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
    className: "w-full rounded border border-slate-500 px-2 py-1",
  });
  const label = (name: string, text: string) => (
    <label htmlFor={`${prefix}-${name}`} className="mb-1 block text-sm font-medium">
      {text}
    </label>
  );
  return (
    <form {...formProps} noValidate className="rounded border border-slate-300 p-3">
      <FormFeedback result={result} idPrefix={prefix} />
      {task ? (
        <>
          <input type="hidden" name="taskId" value={task.id} />
          <input type="hidden" name="version" value={task.version} />
        </>
      ) : (
        <input type="hidden" name="detentionId" value={detentionId} />
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          {label("title", t("title"))}
          <input {...field("title")} defaultValue={task?.title} autoComplete="off" />
          <FieldError id={`${prefix}-title-error`} message={errors.title} />
        </div>
        <div>
          {label("category", t("category"))}
          <select {...field("category")} defaultValue={task?.category ?? "OTHER"}>
            {TASK_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {tEnums(`taskCategory.${category}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-category-error`} message={errors.category} />
        </div>
        <div className="md:col-span-2">
          {label("description", t("description"))}
          <textarea {...field("description")} rows={2} defaultValue={task?.description ?? ""} />
          <FieldError id={`${prefix}-description-error`} message={errors.description} />
        </div>
        <div>
          {label("ownerId", t("owner"))}
          <select {...field("ownerId")} defaultValue={task ? (task.ownerId ?? "") : (defaultOwnerId ?? "")}>
            <option value="">{t("noOwner")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-ownerId-error`} message={errors.ownerId} />
        </div>
        <div>
          {label("dueOn", t("dueOn"))}
          <input {...field("dueOn")} type="date" defaultValue={task?.dueOn ?? ""} />
          <FieldError id={`${prefix}-dueOn-error`} message={errors.dueOn} />
        </div>
        <div>
          {label("status", t("status"))}
          <select {...field("status")} defaultValue={task?.status ?? "OPEN"}>
            {TASK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tEnums(`taskStatus.${status}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-status-error`} message={errors.status} />
        </div>
        <div>
          {label("outcome", t("outcome"))}
          <input {...field("outcome")} defaultValue={task?.outcome ?? ""} autoComplete="off" />
          <FieldError id={`${prefix}-outcome-error`} message={errors.outcome} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {task ? t("save") : t("add")}
      </button>
    </form>
  );
}
