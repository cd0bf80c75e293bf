import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Make a complaint about this case": from a case page (`case=<id>`) or a provider's referral page (`referral=<id>`). */
export async function ComplaintLink({ target }: { target: { case: string } | { referral: string } }) {
  const t = await getTranslations("complaints");
  const query = "case" in target ? `case=${target.case}` : `referral=${target.referral}`;
  return (
    <p className="mt-6 text-sm">
      <Link href={`/complaints/new?${query}`} className="text-brand-800 underline">{t("caseLink")}</Link>
    </p>
  );
}
