import "server-only";
import nodemailer from "nodemailer";
import { mailEnv } from "@/lib/env";

/**
 * Sending e-mail through SMTP (nodemailer) when SMTP_URL is set (lib/notifications/email/settings.ts says whether it
 * is); loaded only by the e-mail job, so pages and mutations do not carry nodemailer.
 */
export type OutgoingEmail = { to: string; subject: string; text: string; html: string };
export type Mailer = { send: (email: OutgoingEmail) => Promise<void> };

const holder = globalThis as unknown as { liaisonMailer?: Mailer };

export function smtpMailer(): Mailer {
  if (holder.liaisonMailer) return holder.liaisonMailer;
  const { SMTP_URL, MAIL_FROM } = mailEnv();
  if (!SMTP_URL || !MAIL_FROM) throw Object.assign(new Error("SMTP is not configured"), { code: "NO_SMTP" });
  const transport = nodemailer.createTransport(SMTP_URL, { from: MAIL_FROM });
  holder.liaisonMailer = {
    send: async (email) => {
      await transport.sendMail({ to: email.to, subject: email.subject, text: email.text, html: email.html, disableFileAccess: true, disableUrlAccess: true });
    },
  };
  return holder.liaisonMailer;
}
