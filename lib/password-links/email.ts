import "server-only";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalogues";
import { mailConfigured, mailErrorCode, mailOrigin } from "@/lib/notifications/email/settings";
import { LINK_LIFETIME_HOURS, passwordLinkPath } from "@/lib/password-links/rules";
import type { IssuedLink, LinkRecipient } from "@/lib/password-links/mutations";

export type LinkMailOutcome = "SENT" | "OFF" | "FAILED";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * E-mails a password link to its person, where SMTP is set up. Sent at once rather than through the notification
 * outbox: the outbox keeps what it sends in the database, and the token must never be stored in the clear. The
 * message carries the link and its expiry, nothing else (no name, no role, no organisation): e-mail crosses servers
 * we do not control. A failure is logged as a code only and reported to the administrator, who has the link on screen.
 */
export async function mailPasswordLink(recipient: LinkRecipient, link: IssuedLink): Promise<LinkMailOutcome> {
  if (!mailConfigured()) return "OFF";
  const translate = createTranslator({ locale: recipient.locale, messages: messagesFor(recipient.locale) as AbstractIntlMessages }) as unknown as (key: string, values?: Record<string, number>) => string;
  const t = (key: string, values?: Record<string, number>) => translate(`passwordLink.email.${key}`, values);
  const url = `${mailOrigin()}${passwordLinkPath(link.token)}`;
  const hours = LINK_LIFETIME_HOURS[link.purpose];
  const intro = t(link.purpose === "NEW_ACCOUNT" ? "introNew" : "introReset");
  const expiry = t("expiry", { hours });
  const ignore = t("ignore");
  try {
    const { smtpMailer } = await import("@/lib/notifications/email/mailer");
    await smtpMailer().send({
      to: recipient.email,
      subject: t("subject"),
      text: `${intro}\n\n${url}\n\n${expiry}\n${ignore}\n`,
      html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p><p>${escapeHtml(expiry)}</p><p>${escapeHtml(ignore)}</p>`,
    });
    return "SENT";
  } catch (error) {
    console.error(`[mail] password link not sent: ${mailErrorCode(error)}`);
    return "FAILED";
  }
}
