import { getTranslations } from "next-intl/server";

/** Unread messages, said in words (never a coloured dot alone). */
export async function UnreadBadge({ count }: { count: number }) {
  const t = await getTranslations("referrals");
  if (count === 0) return <span className="text-slate-600">{t("noUnread")}</span>;
  return <strong className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">{t("unread", { count })}</strong>;
}
