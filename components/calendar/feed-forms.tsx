"use client";

import { useTranslations } from "next-intl";
import { createFeedAction, revokeFeedAction, type FeedActionResult } from "@/lib/calendar/actions";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";

/** Create (or regenerate) and revoke the personal calendar feed. The new address is shown once, here. */
export function FeedForms({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("calendarFeed");
  const create = useFormAction(createFeedAction, { resetOnSuccess: false });
  const revoke = useFormAction(revokeFeedAction, { resetOnSuccess: false });
  const created = create.result as FeedActionResult | null;
  const feedPath = created?.ok ? created.feedPath : undefined;
  const feedUrl = feedPath && typeof window !== "undefined" ? `${window.location.origin}${feedPath}` : feedPath;
  return (
    <div className="space-y-4">
      <form {...create.formProps} className="space-y-3 rounded border border-slate-300 bg-white p-3">
        <FormFeedback result={create.result} idPrefix="feed-create" />
        {feedUrl && (
          <div>
            <label htmlFor="feed-url" className="mb-1 block font-medium">{t("urlLabel")}</label>
            <input id="feed-url" type="text" readOnly value={feedUrl} aria-describedby="feed-url-hint" className="w-full rounded border border-slate-500 bg-slate-50 px-2 py-1 font-mono text-sm" />
            <p id="feed-url-hint" className="mt-1 text-sm text-slate-700">{t("urlHint")}</p>
          </div>
        )}
        <div className="flex items-start gap-2">
          <input id="feed-create-includeFullNames" name="includeFullNames" type="checkbox" aria-describedby="feed-names-hint" className="mt-1 h-4 w-4" />
          <div>
            <label htmlFor="feed-create-includeFullNames">{t("includeFullNames")}</label>
            <p id="feed-names-hint" className="text-sm text-slate-700">{t("includeFullNamesHint")}</p>
          </div>
        </div>
        <button type="submit" disabled={create.pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
          {hasFeed ? t("regenerate") : t("create")}
        </button>
      </form>
      {hasFeed && (
        <form {...revoke.formProps} className="rounded border border-slate-300 bg-white p-3">
          <FormFeedback result={revoke.result} idPrefix="feed-revoke" />
          <ConfirmSubmit disabled={revoke.pending} className="rounded border border-red-800 px-3 py-1.5 font-semibold text-red-900 hover:bg-red-50" title={t("confirmRevoke.title")} consequence={t("confirmRevoke.consequence")} confirmLabel={t("confirmRevoke.confirm")}>
            {t("revoke")}
          </ConfirmSubmit>
        </form>
      )}
    </div>
  );
}
