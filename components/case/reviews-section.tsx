import { getLocale, getTranslations } from "next-intl/server";
import type { ReviewClock } from "@/lib/case-file/queries";
import type { DetentionStatus } from "@/lib/generated/prisma/enums";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { ReviewStatusBadge } from "@/components/reviews/review-status-badge";
import { ScheduleHearingForm } from "@/components/reviews/schedule-hearing-form";
import { RecordReviewForm } from "@/components/reviews/record-review-form";

/**
 * The case page's reviews section: the whole chain of detention reviews (IRPA s.57), the next one with
 * its deadline in the facility's zone, and, for the case team, the forms to schedule and record reviews.
 * The clock (status, officer-release window, disclosure date) comes computed from the case file's read model.
 */
export async function ReviewsSection({
  detention,
  zone,
  clock,
  recordReviews,
  releaseToRecord = false,
}: {
  detention: { id: string; version: number; status: DetentionStatus };
  zone: string;
  clock: ReviewClock;
  recordReviews: boolean;
  /** The last review ordered release and the person is still detained: prompt to record the release (lib/outcomes). */
  releaseToRecord?: boolean;
}) {
  const t = await getTranslations("reviewsSection");
  const tCase = await getTranslations("caseFile");
  const tLifecycle = await getTranslations("outcome");
  const tKind = await getTranslations("reviewKind");
  const tStatus = await getTranslations("reviewStatus");
  const tOutcome = await getTranslations("reviewOutcome");
  const locale = (await getLocale()) as AppLocale;
  const { recorded, pending, showsNotes, next } = clock;
  const when = (date: Date) => formatDateTime(date, zone, locale);
  const status = next?.status ?? null;
  const canAct = recordReviews && next !== null && detention.status === "DETAINED";
  const disclosure = clock.disclosureDue;
  const local = (date: Date | null) => (date ? instantToWallClock(date, zone) : { date: "", time: "" });

  return (
    <>
      <p className="mb-3 text-sm text-slate-700">{t("intro", { zone })}</p>

      <div className="mb-4 rounded border border-slate-300 bg-white p-3">
        <h3 className="mb-2 font-semibold">{t("nextTitle")}</h3>
        {next && status ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("kind")}</dt>
            <dd>{tKind(next.kind)}</dd>
            <dt className="font-medium">{t("dueBy")}</dt>
            <dd>{when(next.dueBy)} <span className="text-slate-600">({zone})</span></dd>
            <dt className="font-medium">{t("status")}</dt>
            <dd><ReviewStatusBadge status={status} label={tStatus(status, { hours: clock.dueSoonHours })} /></dd>
            <dt className="font-medium">{t("hearing")}</dt>
            <dd>
              {pending?.scheduledFor ? (
                <>
                  {when(pending.scheduledFor)}
                  {pending.byVideo && <> · {t("byVideo")}</>}
                  {pending.location && <> · {pending.location}</>}
                </>
              ) : (
                t("noHearing")
              )}
            </dd>
            {disclosure && (
              <>
                <dt className="font-medium">{t("disclosureDue")}</dt>
                <dd>
                  {when(disclosure)} <span className="text-slate-600">({t("disclosureHint")})</span>
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p className="text-sm">{t("noNext")}</p>
        )}
        {next && clock.needsCheck && (
          <p className="mt-2 flex gap-1 rounded border-l-4 border-amber-700 bg-amber-50 p-2 text-sm text-amber-950">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0" fill="currentColor">
              <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
            </svg>
            <span>{t("needsCheck")}</span>
          </p>
        )}
        {releaseToRecord && (
          <p className="mt-2 rounded border-l-4 border-brand-700 bg-brand-50 p-2 text-sm">
            {tLifecycle("reviewPrompt")}{" "}
            <a href="#case-outcome" className="font-semibold text-brand-800 underline">
              {tLifecycle("reviewPromptLink")}
            </a>
          </p>
        )}
        {clock.officerReleaseWindowOpen && (
          <p className="mt-2 text-sm">
            {next?.kind === "FORTY_EIGHT_HOUR" ? t("officerWindowUntil", { when: when(next.dueBy) }) : t("officerWindow")}
          </p>
        )}
      </div>

      {canAct && (
        <div className="mb-4 space-y-2">
          <details className="rounded border border-slate-300 p-3">
            <summary className="cursor-pointer font-semibold text-brand-800">{tCase("scheduleHearing")}</summary>
            <div className="mt-2">
              <ScheduleHearingForm
                detentionId={detention.id}
                detentionVersion={detention.version}
                zone={zone}
                current={pending?.scheduledFor ? { ...local(pending.scheduledFor), location: pending.location ?? "", byVideo: pending.byVideo } : null}
              />
            </div>
          </details>
          <details className="rounded border border-slate-300 p-3">
            <summary className="cursor-pointer font-semibold text-brand-800">{tCase("recordReview")}</summary>
            <div className="mt-2">
              <RecordReviewForm detentionId={detention.id} detentionVersion={detention.version} zone={zone} />
            </div>
          </details>
        </div>
      )}

      <h3 className="mb-2 font-semibold">{t("pastTitle")}</h3>
      {recorded.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noPast")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll rounded border border-slate-300 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("pastCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.kind")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.dueBy")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.started")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.concluded")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.outcome")}</th>
                {showsNotes && <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.notes")}</th>}
                {recordReviews && <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.edit")}</th>}
              </tr>
            </thead>
            <tbody>
              {recorded.map((review) => (
                <tr key={review.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {tKind(review.kind)}
                    {review.early && review.kind !== "EARLY" && <span className="block text-slate-600">{t("early")}</span>}
                  </th>
                  <td className="px-3 py-2">{when(review.dueBy)}</td>
                  <td className="px-3 py-2">{review.startedOn ? when(review.startedOn) : "—"}</td>
                  <td className="px-3 py-2">{review.concludedOn ? when(review.concludedOn) : <span className="text-slate-600">{t("notConcluded")}</span>}</td>
                  <td className="px-3 py-2">{review.outcome ? tOutcome(review.outcome) : "—"}</td>
                  {showsNotes && <td className="max-w-xs whitespace-pre-line px-3 py-2">{review.notes}</td>}
                  {recordReviews && (
                    <td className="px-3 py-2">
                      <details>
                        <summary className="cursor-pointer text-brand-800 underline">
                          {t("editSummary")}
                          <span className="sr-only"> ({tKind(review.kind)})</span>
                        </summary>
                        <div className="mt-2 min-w-80">
                          <RecordReviewForm
                            detentionId={detention.id}
                            detentionVersion={detention.version}
                            zone={zone}
                            edit={{
                              reviewId: review.id,
                              reviewVersion: review.version,
                              title: t("editFor", { kind: tKind(review.kind), when: review.startedOn ? when(review.startedOn) : "" }),
                              values: {
                                startedDate: local(review.startedOn).date,
                                startedTime: local(review.startedOn).time,
                                concludedDate: local(review.concludedOn).date,
                                concludedTime: local(review.concludedOn).time,
                                outcome: review.outcome ?? "",
                                notes: review.notes ?? "",
                              },
                            }}
                          />
                        </div>
                      </details>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
