import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

/**
 * The words of notification e-mails, in the recipient's language, as plain text and as HTML (every value escaped).
 * An e-mail crosses systems that are not the app's, so it carries no personal data: what happened, the case
 * reference (never given to a provider's caseworkers, whose notifications have none) and a link to the notification
 * on the app's own origin, where the reader signs in and the page applies their access again.
 */
export type EmailItem = { id: string; kind: NotificationKind; reference: string | null; params: unknown };
export type EmailContent = { subject: string; text: string; html: string };

type Translate = (key: string, values?: Record<string, string | number>) => string;

function translator(locale: AppLocale): Translate {
  // Keys are built at run time (kinds, statuses); tests/unit/messages.test.ts checks the catalogues.
  return createTranslator({ locale, messages: messagesFor(locale) as AbstractIntlMessages }) as unknown as Translate;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** What happened, in one sentence: the same words as the notification centre. */
function sentence(t: Translate, item: EmailItem): string {
  const params = item.params && typeof item.params === "object" ? (item.params as Record<string, unknown>) : {};
  const status = typeof params.status === "string" && /^[A-Z_]{1,40}$/.test(params.status) ? t(`referralStatus.${params.status}`) : "";
  return t(`notifications.kind.${item.kind}`, { reference: item.reference ?? "none", status });
}

export function notificationLink(origin: string, id: string): string {
  return new URL(`/notifications/${encodeURIComponent(id)}/open`, origin).toString();
}

function preferencesLink(origin: string): string {
  return new URL("/account/notifications", origin).toString();
}

function htmlDocument(locale: AppLocale, subject: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1e293b">${body}</body></html>`;
}

function footer(t: Translate, origin: string): { text: string; html: string } {
  const preferences = preferencesLink(origin);
  return {
    text: `${t("notificationEmail.why", { link: preferences })}\n${t("notificationEmail.noReply")}`,
    html: `<p style="font-size:0.9em;color:#475569">${escapeHtml(t("notificationEmail.whyHtml"))} <a href="${escapeHtml(preferences)}">${escapeHtml(t("notificationEmail.preferences"))}</a></p><p style="font-size:0.9em;color:#475569">${escapeHtml(t("notificationEmail.noReply"))}</p>`,
  };
}

/** One notification, e-mailed at once. */
export function notificationEmail(locale: AppLocale, item: EmailItem, origin: string): EmailContent {
  const t = translator(locale);
  const what = sentence(t, item);
  const link = notificationLink(origin, item.id);
  const subject = t("notificationEmail.subject", { what });
  const end = footer(t, origin);
  return {
    subject,
    text: `${t("notificationEmail.intro")}\n\n${what}\n\n${t("notificationEmail.openText", { link })}\n\n--\n${end.text}\n`,
    html: htmlDocument(
      locale,
      subject,
      `<p>${escapeHtml(t("notificationEmail.intro"))}</p><p><strong>${escapeHtml(what)}</strong></p><p><a href="${escapeHtml(link)}">${escapeHtml(t("notificationEmail.open"))}</a></p><hr>${end.html}`,
    ),
  };
}

/** The daily digest: every notification waiting for it, each with its link. */
export function digestEmail(locale: AppLocale, items: readonly EmailItem[], localDate: string, origin: string): EmailContent {
  const t = translator(locale);
  const subject = t("notificationEmail.digestSubject", { count: items.length });
  const intro = t("notificationEmail.digestIntro", { date: localDate });
  const lines = items.map((item) => ({ what: sentence(t, item), link: notificationLink(origin, item.id) }));
  const end = footer(t, origin);
  return {
    subject,
    text: `${intro}\n\n${lines.map((line) => `- ${line.what}\n  ${line.link}`).join("\n")}\n\n--\n${end.text}\n`,
    html: htmlDocument(
      locale,
      subject,
      `<p>${escapeHtml(intro)}</p><ul>${lines.map((line) => `<li><a href="${escapeHtml(line.link)}">${escapeHtml(line.what)}</a></li>`).join("")}</ul><hr>${end.html}`,
    ),
  };
}
