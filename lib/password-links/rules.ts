import type { PasswordLinkPurpose } from "@/lib/generated/prisma/enums";

/**
 * How long a password link works. A new account's link lasts three days, so a person told on a Friday can still use
 * it on Monday; a reset, asked for when someone is locked out and waiting, lasts a day, which keeps a forwarded or
 * leaked link useful for as short a time as the task allows.
 */
export const LINK_LIFETIME_HOURS: Record<PasswordLinkPurpose, number> = { NEW_ACCOUNT: 72, RESET: 24 };

export function linkExpiresAt(purpose: PasswordLinkPurpose, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + LINK_LIFETIME_HOURS[purpose] * 3_600_000);
}

export type PasswordLinkState = "USABLE" | "USED" | "REVOKED" | "EXPIRED";

/**
 * Whether a link can still set a password: once only, before it expires (the expiry instant itself is too late), and
 * only while it is the user's latest (issuing a new one revokes the others). The holder is never told which of these
 * refused them: one plain message for all (lib/password-links/actions.ts).
 */
export function passwordLinkState(link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: Date): PasswordLinkState {
  if (link.usedAt) return "USED";
  if (link.revokedAt) return "REVOKED";
  if (now.getTime() >= link.expiresAt.getTime()) return "EXPIRED";
  return "USABLE";
}

/** A token as issued: 32 random bytes in base64url, 43 characters. Anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path of the public page. The token is in the fragment, which browsers never send to a server (see docs/security.md). */
export function passwordLinkPath(token: string): string {
  return `/set-password#${token}`;
}
