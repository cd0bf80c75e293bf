import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * A column header that sorts the table through the query string. aria-sort tells screen readers
 * the current order; the link names the order a press will give.
 */
export async function SortableHeader({
  label,
  column,
  currentSort,
  currentDir,
  hrefFor,
}: {
  label: string;
  column: string;
  currentSort: string;
  currentDir: "asc" | "desc";
  hrefFor: (sort: string, dir: "asc" | "desc") => string;
}) {
  const t = await getTranslations("table");
  const active = column === currentSort;
  const nextDir = active && currentDir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (currentDir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2 text-left font-semibold">
      <Link href={hrefFor(column, nextDir)} className="underline decoration-dotted underline-offset-4 hover:decoration-solid">
        {label}
        <span className="sr-only"> {t(nextDir === "asc" ? "sortAscending" : "sortDescending")}</span>
        <span aria-hidden="true">{active ? (currentDir === "asc" ? " ▲" : " ▼") : ""}</span>
      </Link>
    </th>
  );
}
