import "server-only";
import nodemailer from "nodemailer";
import { mailEnv } from "@/lib/env";

/**
 * Sending e-mail through SMTP (nodemailer) when SMTP_URL is set; without it the app tells people in the app only.
 * An error is reduced to a code before anyone sees it: an SMTP server's reply can quote the address it refused.
 */
export type OutgoingEmail = { to: string; subject: string; text: string; html: string };
export type Mailer = { send: (email: OutgoingEmail) => Promise<void> };

const holder = globalThis as unknown as { liaisonMailer?: Mailer; liaisonMailWarned?: boolean };

/**
 * Whether e-mail is on. Settings that do not validate turn it off (with one line in the log naming the variable,
 * never its value) rather than failing the change whose notification is being written.
 */
export function mailConfigured(): boolean {
  try {
    return Boolean(mailEnv().SMTP_URL);
  } catch (error) {
    if (!holder.liaisonMailWarned) {
      holder.liaisonMailWarned = true;
      console.error(`[mail] e-mail is off: ${error instanceof Error ? error.message.replace(/\n/g, " ") : "invalid settings"}`);
    }
    return false;
  }
}

/** The app's public origin, from NEXTAUTH_URL (never from a request). */
export function mailOrigin(): string {
  return new URL(mailEnv().NEXTAUTH_URL ?? "http://localhost").origin;
}

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

/** A short code for a failed send: nodemailer's error code or the SMTP reply code, never the reply's text. */
export function mailErrorCode(error: unknown): string {
  const details = (error && typeof error === "object" ? error : {}) as { code?: unknown; responseCode?: unknown };
  if (typeof details.responseCode === "number" && Number.isInteger(details.responseCode)) return `SMTP${details.responseCode}`;
  if (typeof details.code === "string" && /^[A-Z0-9_]{1,20}$/.test(details.code)) return details.code;
  return "none";
}
