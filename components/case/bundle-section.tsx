import { getLocale, getTranslations } from "next-intl/server";
import type { ReviewClock } from "@/lib/case-file/queries";
import { bundleDisclosure } from "@/lib/bundle/rules";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * The hearing bundle control (lib/bundle): the language and the download, against the Minister's disclosure deadline.
 * A plain GET form: the browser downloads the PDF the route answers with as an attachment, so it works without script.
 * Shown to whoever may read the plan (the route applies the same rule again), once there is a plan to print.
 */
export async function BundleSection({ detentionId, zone, clock, planVersion }: { detentionId: string; zone: string; clock: ReviewClock; planVersion: number | null }) {
  const t = await getTranslations("bundleControl");
  const tKind = await getTranslations("reviewKind");
  const locale = (await getLocale()) as AppLocale;
  const when = (date: Date) => formatDateTime(date, zone, locale);
  const disclosure = bundleDisclosure(clock, zone);

  return (
    <>
      <p className="mb-2 text-sm text-slate-700">{t("intro")}</p>
      <p className="mb-3 font-medium">
        {!disclosure
          ? t("noDisclosure")
          : disclosure.basis === "HEARING"
            ? t("discloseBy", { at: when(disclosure.due), review: tKind(disclosure.kind).toLowerCase() })
            : t("discloseByLatest", { at: when(disclosure.due), review: tKind(disclosure.kind).toLowerCase(), due: when(disclosure.reviewDueBy) })}
      </p>
      {planVersion === null ? (
        <p className="text-sm text-slate-700">{t("noPlan")}</p>
      ) : (
        <form method="get" action={`/cases/${detentionId}/bundle`} className="flex flex-wrap items-end gap-4">
          <fieldset>
            <legend className="mb-1 font-medium">{t("language")}</legend>
            <div className="flex gap-4">
              {(["en", "fr"] as const).map((language) => (
                <label key={language} className="flex items-center gap-1">
                  <input type="radio" name="lang" value={language} defaultChecked={language === locale} />
                  <span lang={language}>{t(language)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <p className="mb-1 text-sm text-slate-700">{t("planVersion", { version: planVersion })}</p>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("download")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
