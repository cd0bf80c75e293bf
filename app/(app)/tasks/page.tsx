import type { Metadata } from "next";
import Link from "next/link";
import { CaseReference } from "@/components/case/case-reference";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";
import { listMyTasks } from "@/lib/tasks/queries";
import { taskOverdue } from "@/lib/tasks/rules";
import { pageSchema } from "@/lib/pagination";
import { formatDate, listName } from "@/lib/format";
import { firstValue } from "@/lib/query-string";
import type { AppLocale } from "@/lib/i18n/locales";
import { Pagination } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myTasks");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyTasksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "tasks.mine")) notFound();
  const page = pageSchema.parse(firstValue((await searchParams).page));
  const result = await listMyTasks(actor, page);
  const t = await getTranslations("myTasks");
  const tEnums = await getTranslations("caseEnums");
  const locale = (await getLocale()) as AppLocale;
  const now = new Date();

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { total: result.total })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.title")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.case")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.category")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.due")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600">
                  {t("none")}
                </td>
              </tr>
            )}
            {result.rows.map((task) => {
              const overdue = taskOverdue(task, now);
              return (
                <tr key={task.id} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{task.title}</th>
                  <td className="px-3 py-2">
                    <Link href={`/cases/${task.detention.id}#case-tasks`} className="text-brand-800 underline">
                      <CaseReference reference={task.detention.reference} /> {listName(task.detention.detainee)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{tEnums(`taskCategory.${task.category}`)}</td>
                  <td className="px-3 py-2">
                    {task.dueAt ? (
                      <span className={overdue ? "font-bold text-red-800" : undefined}>
                        {overdue && <>{t("overdue")}: </>}
                        {formatDate(task.dueAt, task.detention.facility.timeZone, locale)}
                      </span>
                    ) : (
                      t("noDue")
                    )}
                  </td>
                  <td className="px-3 py-2">{tEnums(`taskStatus.${task.status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(target) => `/tasks?page=${target}`} />
    </>
  );
}
