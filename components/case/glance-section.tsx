import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/case-file/queries";
import { ageOn } from "@/lib/detentions/rules";
import { daysDetained, formatCalendarDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { Fact } from "@/components/case/section";
import { AssignForm, ClearNoProspectForm, NoProspectForm } from "@/components/case/case-controls";

/**
 * The case at a glance: a summary of every other section (who, where, since when, the next review, the assessment
 * deadline, the officer-release window, the plan), the assignment and the "no current prospect" marker. All of it
 * from the case file's read model, computed there once (lib/case-file/queries.ts).
 */
export async function GlanceSection({ caseFile, now }: { caseFile: CaseFile; now: Date }) {
  const t = await getTranslations("caseFile");
  const tEnums = await getTranslations("caseEnums");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const tPlan = await getTranslations("planStatus");
  const locale = (await getLocale()) as AppLocale;
  const { detainee, reviewClock: clock, assessmentDeadline: deadline, permissions } = caseFile;
  const zone = caseFile.facility.timeZone;
  const flags = caseFile.screening?.flags ?? [];
  const today = now.toISOString().slice(0, 10);
  const assessmentMet = caseFile.assessment?.met ?? null;
  const assessmentBasis =
    deadline.basis === "VULNERABILITY_48_HOURS"
      ? // The early window of the policy in force when the person was detained (48 hours unless it sets less).
        t("assessmentBasisFlag", { hours: Math.round((deadline.dueBy.getTime() - caseFile.detainedAt.getTime()) / 3_600_000) })
      : deadline.basis === "DFN_FIRST_REVIEW" ? t("assessmentBasisDfn") : t("assessmentBasisReview");
  const assessmentText =
    assessmentMet === true ? t("assessmentMet") : assessmentMet === false ? (caseFile.assessment?.view?.completedAt ? t("assessmentLate") : t("assessmentMissed")) : t("assessmentPending");
  const plan = caseFile.plan?.view;
  const readiness = caseFile.plan?.readiness;

  return (
    <>
      <dl>
        <Fact term={t("who")}>
          {detainee.givenName} {detainee.familyName}, {t("age", { age: ageOn(detainee.dateOfBirth, now) })} ({t("born", { date: formatCalendarDate(detainee.dateOfBirth, locale) })}); {tEnums(`gender.${detainee.gender}`)}
        </Fact>
        <Fact term={t("languages")}>{detainee.languages.join(", ")}</Fact>
        <Fact term={t("interpreter")}>
          {detainee.interpreterNeeded ? (detainee.interpreterLanguage ? t("interpreterNeeded", { language: detainee.interpreterLanguage }) : t("interpreterNeededNoLanguage")) : t("interpreterNotNeeded")}
        </Fact>
        <Fact term={t("citizenship")}>{detainee.citizenship}</Fact>
        <Fact term={t("clientId")}>{detainee.clientId ?? t("none")}</Fact>
        <Fact term={t("heldAt")}>{t("heldAtValue", { facility: caseFile.facility.name, timeZone: zone })}</Fact>
        <Fact term={t("status")}>{tStatus(caseFile.status)}</Fact>
        <Fact term={t("detainedSince")}>
          {formatDateTime(caseFile.detainedAt, zone, locale)} ({t("daysDetained", { days: daysDetained(caseFile.detainedAt, caseFile.releasedAt ?? now) })})
        </Fact>
        <Fact term={t("grounds")}>
          <ul>
            {caseFile.grounds.map((ground) => (
              <li key={ground}>{tEnums(`ground.${ground}`)}</li>
            ))}
          </ul>
        </Fact>
        <Fact term={t("flags")}>{flags.length > 0 ? flags.map((entry) => tEnums(`flag.${entry.flag}`)).join(", ") : t("noFlags")}</Fact>
        <Fact term={t("nextReview")}>
          {clock.next ? (
            <>
              {t("nextReviewValue", { kind: tReview(clock.next.kind), dueBy: formatDateTime(clock.next.dueBy, zone, locale) })}
              <br />
              <strong className={clock.next.status === "OVERDUE" ? "text-red-800" : undefined}>{tEnums(`reviewStatus.${clock.next.status}`, { hours: clock.dueSoonHours })}</strong>
              {clock.needsCheck && <p>{t("reviewNeedsCheck")}</p>}
            </>
          ) : (
            t("noNextReview")
          )}
        </Fact>
        <Fact term={t("assessmentDeadline")}>
          {formatDateTime(deadline.dueBy, zone, locale)} ({assessmentBasis})
          <br />
          <strong className={assessmentMet === false ? "text-red-800" : undefined}>{assessmentText}</strong>
        </Fact>
        <Fact term={t("officerWindow")}>
          {caseFile.schedule === "DESIGNATED_FOREIGN_NATIONAL"
            ? t("officerWindowNotApplicable")
            : clock.officerReleaseWindowOpen
              ? t("officerWindowOpen", { closesAt: formatDateTime(clock.firstReviewDueBy, zone, locale) })
              : t("officerWindowClosed")}
        </Fact>
        <Fact term={t("plan")}>
          {plan && readiness ? (
            <>
              {t("planStatus", { status: tPlan(plan.status), met: readiness.metCount, required: readiness.requiredCount })}
              {readiness.ready && <> ({t("planReady")})</>}
            </>
          ) : (
            t("noPlan")
          )}
        </Fact>
        <Fact term={t("openTasks")}>{caseFile.counts.openTasks}</Fact>
        <Fact term={t("referrals")}>{caseFile.counts.referrals}</Fact>
        <Fact term={t("assignedClo")}>{caseFile.assignedClo?.name ?? t("unassigned")}</Fact>
      </dl>
      {permissions.assign && caseFile.assignableClos.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold">{t("assignTitle")}</h3>
          <AssignForm detentionId={caseFile.id} version={caseFile.version} clos={caseFile.assignableClos} assignedCloId={caseFile.assignedCloId} />
        </div>
      )}
      <div className="mt-4">
        <h3 className="font-semibold">{t("noProspectTitle")}</h3>
        <p>
          {caseFile.noProspectReason
            ? t("noProspectRecorded", { reason: caseFile.noProspectReason, revisitOn: caseFile.noProspectRevisitOn ? formatCalendarDate(caseFile.noProspectRevisitOn, locale) : t("none") })
            : t("noProspectNone")}
        </p>
        {permissions.edit &&
          (caseFile.noProspectReason ? (
            <ClearNoProspectForm detentionId={caseFile.id} version={caseFile.version} />
          ) : (
            <details className="mt-2 rounded border border-slate-300 p-3">
              <summary className="cursor-pointer font-semibold text-brand-800">{t("noProspectOpen")}</summary>
              <NoProspectForm detentionId={caseFile.id} version={caseFile.version} today={today} />
            </details>
          ))}
      </div>
    </>
  );
}
