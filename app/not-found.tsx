import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Refused reads land here too: a record the actor may not see is indistinguishable from one that does not exist.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("body")}</p>
      <Link href="/" className="font-semibold text-brand-700 underline">{t("home")}</Link>
    </main>
  );
}
