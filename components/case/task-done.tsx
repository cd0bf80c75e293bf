"use client";

import { createContext, useActionState, useContext, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateTaskAction } from "@/lib/tasks/actions";
import { useActionStatus } from "@/components/ui/action-status";

type Announcement = { ok: boolean; text: string } | null;

const Announce = createContext<(announcement: Announcement) => void>(() => {});

/**
 * Where a "Mark done" says what happened. The button's row leaves the list of open tasks as soon as the task is done,
 * taking the button with it: the announcement lives here, around the list, so it outlasts the row.
 */
export function TaskDoneAnnouncer({ children }: { children: React.ReactNode }) {
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  return (
    <Announce.Provider value={setAnnouncement}>
      <div role="status" aria-live="polite" className={announcement ? `mb-2 rounded border-l-4 p-2 ${announcement.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}` : "sr-only"}>
        {announcement?.text}
      </div>
      {children}
    </Announce.Provider>
  );
}

export type DoneTask = {
  id: string;
  version: number;
  category: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  /** The due date on the facility's calendar (YYYY-MM-DD), as the task form takes it; "" for none. */
  dueOn: string;
  outcome: string | null;
};

/**
 * One click to close a task: the task as it was read, at its version, with the status DONE, through the task form's own
 * action (lib/tasks: updateTask refuses a version changed in between). Without script the form still posts.
 */
export function MarkTaskDone({ task }: { task: DoneTask }) {
  const t = useTranslations("caseFile.controls");
  const announce = useContext(Announce);
  const [, dispatch] = useActionState(updateTaskAction, null);
  const [pending, startTransition] = useTransition();
  // A new action on the page: results of earlier ones (components/ui/action-status.tsx) give way to this one's.
  const { begin } = useActionStatus();
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    begin();
    startTransition(async () => {
      const result = await updateTaskAction(null, formData);
      announce(result.ok ? { ok: true, text: t("taskMarkedDone", { title: task.title }) } : { ok: false, text: result.error });
    });
  };
  return (
    <form action={dispatch} onSubmit={onSubmit} className="inline">
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="category" value={task.category} />
      <input type="hidden" name="title" value={task.title} />
      <input type="hidden" name="description" value={task.description ?? ""} />
      <input type="hidden" name="ownerId" value={task.ownerId ?? ""} />
      <input type="hidden" name="dueOn" value={task.dueOn} />
      <input type="hidden" name="status" value="DONE" />
      <input type="hidden" name="outcome" value={task.outcome ?? ""} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("markDoneLabel", { title: task.title })}
        className="rounded border border-brand-700 px-2 py-0.5 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("markDone")}
      </button>
    </form>
  );
}
