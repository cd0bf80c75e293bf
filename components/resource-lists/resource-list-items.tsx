import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ResourceListItemView } from "@/lib/resource-lists/queries";

/** A list's options: a provider in the directory links to its page; any other resource is named with its notes. */
export async function ResourceListItems({ items, actions }: { items: ResourceListItemView[]; actions?: (item: ResourceListItemView, index: number) => React.ReactNode }) {
  const t = await getTranslations("resourceLists");
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("noItems")}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {items.map((item, index) => (
        <li key={item.id}>
          {item.providerId ? <Link href={`/providers/${item.providerId}`} className="text-brand-800 underline">{item.name}</Link> : <span className="font-medium">{item.name}</span>}
          {item.notes && <> — {item.notes}</>}
          {actions?.(item, index)}
        </li>
      ))}
    </ul>
  );
}
