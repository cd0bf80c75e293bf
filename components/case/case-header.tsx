import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/case-file/queries";
import { nextDeadline, timeUntil, type CaseDeadline, type CaseTag, type NextStep } from "@/lib/case-file/rules";
import { formatDateTime, proseName } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { CaseReference } from "@/components/case/case-reference";
import { MarkTaskDone, TaskDoneAnnouncer } from "@/components/case/task-done";
import { doneTask } from "@/components/case/tasks-section";

/** A tag's look: every tag says what it is in words; the warning ones add a border and a sign, never colour alone. */
function tagTone(tag: CaseTag): "warning" | "good" | "plain" {
  if (tag.kind === "REVIEW" || tag.kind === "ASSESSMENT_OVERDUE") return "warning";
  if (tag.kind === "PLAN_READY") return "good";
  return "plain";
}

const TONE = {
  warning: "border-2 border-red-800 bg-red-50 text-red-900 font-semibold",
  good: "border border-green-800 bg-green-50 text-green-900",
  plain: "border border-slate-500 bg-slate-50 text-slate-900",
} as const;

/**
 * The head of the case page: the reference (one unit, never wrapped), the person's name, the tags of the case, its next
 * deadline in words with its date on the facility's clock, and what needs doing next, each step linking to the section
 * to act in (and a task due closed in one click). All of it derived from the read model (lib/case-file/rules.ts), so
 * it shows nothing the viewer may not see: the assessment deadline is the one computed from their visible flags.
 */
export async function CaseHeader({ caseFile, tags, steps, now }: { caseFile: CaseFile; tags: CaseTag[]; steps: NextStep[]; now: Date }) {
  const t = await getTranslations("caseFile");
  const tStatus = await getTranslations("detentionStatus");
  const tReview = await getTranslations("reviewKind");
  const locale = (await getLocale()) as AppLocale;
  const zone = caseFile.facility.timeZone;
  const at = (date: Date) => formatDateTime(date, zone, locale);
  const deadline = nextDeadline({ ...caseFile, releaseToRecord: false });
  const tasksById = new Map(caseFile.tasks.map((task) => [task.id, task]));

  const tagText = (tag: CaseTag): string => {
    switch (tag.kind) {
      case "STATUS":
        return tStatus(tag.status);
      case "REVIEW":
        return tag.status === "OVERDUE" ? t("tags.reviewOverdue") : t("tags.reviewDueSoon");
      case "ASSESSMENT_OVERDUE":
        return t("tags.assessmentOverdue");
      case "PLAN_NONE":
        return t("tags.planNone");
      case "PLAN_READY":
        return t("tags.planReady");
      case "PLAN_GROUNDS":
        return t("tags.planGrounds", { answered: tag.answered, total: tag.total });
      case "PLAN_ITEMS":
        return t("tags.planItems", { met: tag.met, required: tag.required });
      case "NO_PROSPECT":
        return t("tags.noProspect");
    }
  };
  const deadlineWhat = (entry: CaseDeadline): string => {
    switch (entry.kind) {
      case "REVIEW":
        return tReview(entry.reviewKind);
      case "ASSESSMENT":
        return t("deadlines.assessment");
      case "DISCLOSURE":
        return t("deadlines.disclosure");
      case "TASK":
        return t("deadlines.task", { title: entry.title });
    }
  };
  const inWords = (dueBy: Date): string => {
    const until = timeUntil(dueBy, now);
    return t(`${until.overdue ? "overdueBy" : "dueIn"}.${until.unit}`, { count: until.count });
  };
  const stepText = (step: NextStep): string => {
    switch (step.kind) {
      case "RECORD_RELEASE":
        return t("next.recordRelease");
      case "REVIEW":
        return t("next.review", { kind: tReview(step.reviewKind), dueBy: at(step.dueBy), when: inWords(step.dueBy) });
      case "REVIEW_CHECK":
        return t("next.reviewCheck");
      case "DISCLOSURE":
        return t("next.disclosure", { dueBy: at(step.dueBy), when: inWords(step.dueBy) });
      case "ASSESSMENT":
        return t("next.assessment", { dueBy: at(step.dueBy), when: inWords(step.dueBy) });
      case "PLAN_START":
        return t("next.planStart");
      case "PLAN_GROUNDS":
        return t("next.planGrounds", { count: step.missing });
      case "PLAN_ITEMS":
        return t("next.planItems", { count: step.missing });
      case "TASK":
        return t("next.task", { title: step.title, dueBy: at(step.dueBy), when: inWords(step.dueBy) });
      case "NO_PROSPECT_REVISIT":
        return t("next.noProspectRevisit");
    }
  };
  const sectionName = (step: NextStep) => t(`next.goTo.${step.section}`);

  return (
    <div className="mb-4">
      <h1 className="mb-2 text-2xl font-bold">
        {t.rich("heading", { name: proseName(caseFile.detainee), ref: () => <CaseReference reference={caseFile.reference} /> })}
      </h1>
      <ul aria-label={t("tagsLabel")} className="mb-2 flex flex-wrap gap-2 text-sm">
        {tags.map((tag) => {
          const tone = tagTone(tag);
          return (
            <li key={tag.kind} className={`rounded px-2 py-0.5 ${TONE[tone]}`}>
              {tone === "warning" && <span aria-hidden="true">⚠ </span>}
              {tagText(tag)}
            </li>
          );
        })}
      </ul>
      <p className="mb-3">
        <span className="font-semibold">{t("nextDeadline")}: </span>
        {deadline ? t("nextDeadlineValue", { what: deadlineWhat(deadline), dueBy: at(deadline.dueBy), zone, when: inWords(deadline.dueBy) }) : t("noDeadline")}
      </p>
      <section aria-labelledby="case-next-title" className="rounded border-l-4 border-brand-700 bg-white p-3">
        <h2 id="case-next-title" className="mb-1 text-lg font-semibold">
          {t("nextTitle")}
        </h2>
        {steps.length === 0 ? (
          <p>{t("nextNothing")}</p>
        ) : (
          <TaskDoneAnnouncer>
            <ul className="space-y-1">
              {steps.map((step) => {
                const task = step.kind === "TASK" ? tasksById.get(step.taskId) : undefined;
                const urgent = "overdue" in step && step.overdue;
                return (
                  <li key={step.kind === "TASK" ? `${step.kind}-${step.taskId}` : step.kind} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className={urgent ? "font-semibold text-red-900" : undefined}>
                      {urgent && <span aria-hidden="true">⚠ </span>}
                      {stepText(step)}
                    </span>
                    <a href={`#${step.section}`} className="text-sm text-brand-800 underline">
                      {sectionName(step)}
                    </a>
                    {task && <MarkTaskDone task={doneTask(task, zone)} />}
                  </li>
                );
              })}
            </ul>
          </TaskDoneAnnouncer>
        )}
      </section>
    </div>
  );
}
