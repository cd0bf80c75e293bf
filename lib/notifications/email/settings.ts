import "server-only";
import { mailEnv } from "@/lib/env";

/**
 * Whether notifications are e-mailed (SMTP_URL set), and the app's public origin for their links. No SMTP client here:
 * pages and mutations read these; only the e-mail job loads nodemailer (lib/notifications/email/mailer.ts).
 */
const holder = globalThis as unknown as { liaisonMailWarned?: boolean };

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

/**
 * A short code for a failed send: nodemailer's error code or the SMTP reply code, never the reply's text (an SMTP
 * server's reply can quote the address it refused).
 */
export function mailErrorCode(error: unknown): string {
  const details = (error && typeof error === "object" ? error : {}) as { code?: unknown; responseCode?: unknown };
  if (typeof details.responseCode === "number" && Number.isInteger(details.responseCode)) return `SMTP${details.responseCode}`;
  if (typeof details.code === "string" && /^[A-Z0-9_]{1,20}$/.test(details.code)) return details.code;
  return "none";
}
