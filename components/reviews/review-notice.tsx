import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/authz";
import { countUrgentReviews } from "@/lib/reviews/queries";

/**
 * The in-app notice on signed-in pages: how many of the actor's cases have a review overdue or due
 * soon (the policy's horizon in force now), with a link to the dashboard. Nothing when there is none, or for roles without reviews.
 */
export async function ReviewNotice({ actor }: { actor: Actor }) {
  if (!can(actor, "reviews.dashboard")) return null;
  const { overdue, dueSoon, dueSoonHours } = await countUrgentReviews(actor);
  if (overdue === 0 && dueSoon === 0) return null;
  const t = await getTranslations("reviewNotice");
  const severe = overdue > 0;
  return (
    <div
      role="region"
      aria-label={t("label")}
      className={`mb-4 flex flex-wrap items-start gap-2 rounded border-l-4 p-3 ${severe ? "border-red-800 bg-red-50 text-red-950" : "border-amber-700 bg-amber-50 text-amber-950"}`}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="mt-0.5 h-5 w-5 shrink-0" fill="currentColor">
        <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
      </svg>
      <p className={severe ? "font-semibold" : undefined}>{t("message", { overdue, dueSoon, hours: dueSoonHours })}</p>
      <Link href="/reviews" className="font-semibold underline">
        {t("link")}
      </Link>
    </div>
  );
}
