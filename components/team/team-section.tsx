import { getLocale, getTranslations } from "next-intl/server";
import type { TeamThread } from "@/lib/team/queries";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { Section } from "@/components/case/section";
import { TeamMessageForm } from "@/components/team/team-message-form";

/**
 * The case team's thread (lib/team): the messages this reader may see (teamMessageReadScope, in the query), oldest
 * first so the newest is last, each with its author, organisation, time and who it is visible to; then the form,
 * folded away until wanted like the other forms of the case page.
 */
export async function TeamSection({ thread, open = true }: { thread: TeamThread; open?: boolean }) {
  const t = await getTranslations("caseTeam");
  const locale = (await getLocale()) as AppLocale;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const { composer } = thread;
  return (
    <Section id="case-team" title={t("title")} open={open}>
      <p className="mb-2 text-slate-700">{t(`intro.${composer.side}`)}</p>
      {thread.messages.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("threadLabel")}>
          {thread.messages.map((message) => {
            const readers = [
              message.visibleTo.office,
              ...(message.visibleTo.author ? [message.visibleTo.author] : []),
              ...(message.visibleTo.counsel ? [message.visibleTo.counsel] : message.visibleTo.counselAsRole ? [t("counselRole")] : []),
              ...message.visibleTo.organizations,
            ];
            return (
              <li key={message.id} className="border-l-4 border-slate-300 pl-3">
                <p className="text-sm text-slate-700">
                  {t("byLine", { author: message.authorName, organization: message.authorOrganization, date: formatDateTime(message.createdAt, thread.timeZone, locale) })}
                </p>
                <p className="whitespace-pre-line">{message.body}</p>
                <p className="text-sm text-slate-700">{t("visibleTo", { readers: list.format(readers) })}</p>
              </li>
            );
          })}
        </ol>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold text-brand-800">{t("write")}</summary>
        <TeamMessageForm composer={composer} />
      </details>
    </Section>
  );
}
