import { getLocale, getTranslations } from "next-intl/server";
import type { CaseTask } from "@/lib/case-file/queries";
import { taskOverdue } from "@/lib/tasks/rules";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { Section } from "@/components/case/section";
import { TaskForm } from "@/components/case/task-form";

/** The case team's tasks on the case, overdue ones marked, each editable in place, and the form to add one. */
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
  const t = await getTranslations("caseFile");
  const tEnums = await getTranslations("caseEnums");
  const tTasks = await getTranslations("caseTasks");
  const locale = (await getLocale()) as AppLocale;
  return (
    <Section id="case-tasks" title={t("sections.tasks")}>
      <p className="mb-2 text-slate-700">{tTasks("intro")}</p>
      {tasks.length === 0 ? (
        <p>{tTasks("none")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll">
          <table className="w-full text-sm">
            <caption className="sr-only">{tTasks("caption", { count: tasks.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.title")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.category")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.owner")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.due")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.status")}</th>
                <th scope="col" className="px-3 py-2 text-left">{tTasks("columns.edit")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => {
                const overdue = taskOverdue(task, now);
                return (
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
                    <td className="px-3 py-2">
                      <details>
                        <summary className="cursor-pointer text-brand-800 underline">{tTasks("editTask", { title: task.title })}</summary>
                        <TaskForm
                          detentionId={detentionId}
                          owners={owners}
                          task={{ ...task, dueOn: task.dueAt ? new Date(task.dueAt.getTime()).toLocaleDateString("en-CA", { timeZone: zone }) : "" }}
                        />
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="mt-4 mb-2 font-semibold">{tTasks("addTitle")}</h3>
      <TaskForm detentionId={detentionId} owners={owners} defaultOwnerId={defaultOwnerId} />
    </Section>
  );
}
