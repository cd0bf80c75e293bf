import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { AppLocale } from "@/lib/i18n/locales";

/** Saves the signed-in user's language on their own account (never another's), with its audit event. */
export async function saveOwnLocale(actor: Actor, locale: AppLocale): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.userId, locale: { not: locale } }, data: { locale } });
    if (count > 0) await recordAudit(tx, actor, { action: "user.locale", entityType: "User", entityId: actor.userId, metadata: { locale } });
  });
}
