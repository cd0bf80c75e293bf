import { getLocale, getTranslations } from "next-intl/server";
import type { CaseTask } from "@/lib/case-file/queries";
import { taskIsOpen, taskOverdue } from "@/lib/tasks/rules";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { TaskForm } from "@/components/case/task-form";
import { MarkTaskDone, TaskDoneAnnouncer, type DoneTask } from "@/components/case/task-done";

/** A task as its forms carry it: the due date on the facility's calendar. */
export function doneTask(task: CaseTask, zone: string): DoneTask {
  return { ...task, dueOn: task.dueAt ? instantToWallClock(task.dueAt, zone).date : "" };
}

/**
 * The case team's tasks on the case: the open ones, overdue ones marked in words, each closed with one click ("Mark
 * done") or edited in a form opened on demand across the table's width; then the tasks done or cancelled, folded; and
 * the form to add one, folded too.
 */
export async function TasksSection({
  detentionId,
  zone,
  tasks,
  owners,
  defaultOwnerId,
  now,
}: {
  detentionId: string;
  zone: string;
  tasks: CaseTask[];
  owners: { id: string; name: string }[];
  defaultOwnerId: string;
  now: Date;
}) {
  const tTasks = await getTranslations("caseTasks");
  const t = await getTranslations("caseFile");
  const locale = (await getLocale()) as AppLocale;
  const open = tasks.filter((task) => taskIsOpen(task.status));
  const closed = tasks.filter((task) => !taskIsOpen(task.status));
  return (
    <>
      <p className="mb-2 text-slate-700">{tTasks("intro")}</p>
      <TaskDoneAnnouncer>
        {open.length === 0 ? (
          <p>{tasks.length === 0 ? tTasks("none") : t("noOpenTasks")}</p>
        ) : (
          <TaskTable tasks={open} caption={t("openTasksCaption", { count: open.length })} detentionId={detentionId} zone={zone} owners={owners} now={now} locale={locale} markDone />
        )}
      </TaskDoneAnnouncer>
      {closed.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-brand-800 underline">{t("closedTasks", { count: closed.length })}</summary>
          <TaskTable tasks={closed} caption={t("closedTasksCaption", { count: closed.length })} detentionId={detentionId} zone={zone} owners={owners} now={now} locale={locale} markDone={false} />
        </details>
      )}
      <details className="mt-4 rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold text-brand-800">{tTasks("addTitle")}</summary>
        <div className="mt-3">
          <TaskForm detentionId={detentionId} owners={owners} defaultOwnerId={defaultOwnerId} />
        </div>
      </details>
    </>
  );
}

async function TaskTable({
  tasks,
  caption,
  detentionId,
  zone,
  owners,
  now,
  locale,
  markDone,
}: {
  tasks: CaseTask[];
  caption: string;
  detentionId: string;
  zone: string;
  owners: { id: string; name: string }[];
  now: Date;
  locale: AppLocale;
  markDone: boolean;
}) {
  const tEnums = await getTranslations("caseEnums");
  const tTasks = await getTranslations("caseTasks");
  const t = await getTranslations("caseFile");
  return (
    <div tabIndex={0} className="table-scroll">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.title")}</th>
            <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.category")}</th>
            <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.owner")}</th>
            <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.due")}</th>
            <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.status")}</th>
            {markDone && <th scope="col" className="px-3 py-2 text-left">{t("taskActions")}</th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const overdue = taskOverdue(task, now);
            const editable = doneTask(task, zone);
            return [
              <tr key={task.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {task.title}
                  {task.outcome && <p className="font-normal text-slate-700">{task.outcome}</p>}
                </th>
                <td className="px-3 py-2">{tEnums(`taskCategory.${task.category}`)}</td>
                <td className="px-3 py-2">{task.owner?.name ?? tTasks("noOwner")}</td>
                <td className="px-3 py-2">
                  {task.dueAt ? (
                    <span className={overdue ? "font-bold text-red-800" : undefined}>
                      {overdue && <>{tTasks("overdue")}: </>}
                      {formatDate(task.dueAt, zone, locale)}
                    </span>
                  ) : (
                    tTasks("noDue")
                  )}
                </td>
                <td className="px-3 py-2">{tEnums(`taskStatus.${task.status}`)}</td>
                {markDone && (
                  <td className="px-3 py-2">
                    <MarkTaskDone task={editable} />
                  </td>
                )}
              </tr>,
              <tr key={`${task.id}-edit`}>
                <td colSpan={markDone ? 6 : 5} className="px-3 pb-2">
                  <details>
                    <summary className="cursor-pointer text-brand-800 underline">{tTasks("editTask", { title: task.title })}</summary>
                    <div className="mt-2">
                      <TaskForm detentionId={detentionId} owners={owners} task={{ ...editable, status: task.status }} />
                    </div>
                  </details>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
