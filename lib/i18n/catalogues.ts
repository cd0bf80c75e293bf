import type { AppLocale } from "@/lib/i18n/locales";
import enAdmin from "./messages/en/admin.json";
import enAudit from "./messages/en/audit.json";
import enCase from "./messages/en/case.json";
import enCommon from "./messages/en/common.json";
import enCorrections from "./messages/en/corrections.json";
import enDocuments from "./messages/en/documents.json";
import enPlan from "./messages/en/plan.json";
import enNotifications from "./messages/en/notifications.json";
import enProviders from "./messages/en/providers.json";
import enReviews from "./messages/en/reviews.json";
import enSearch from "./messages/en/search.json";
import enTeam from "./messages/en/team.json";
import enOutside from "./messages/en/outside.json";
import enPolicy from "./messages/en/policy.json";
import frAdmin from "./messages/fr/admin.json";
import enComplaints from "./messages/en/complaints.json";
import frAudit from "./messages/fr/audit.json";
import frCase from "./messages/fr/case.json";
import frCommon from "./messages/fr/common.json";
import frCorrections from "./messages/fr/corrections.json";
import frDocuments from "./messages/fr/documents.json";
import frPlan from "./messages/fr/plan.json";
import frNotifications from "./messages/fr/notifications.json";
import frProviders from "./messages/fr/providers.json";
import frReviews from "./messages/fr/reviews.json";
import frSearch from "./messages/fr/search.json";
import frTeam from "./messages/fr/team.json";
import frOutside from "./messages/fr/outside.json";
import frPolicy from "./messages/fr/policy.json";
import frComplaints from "./messages/fr/complaints.json";
import enTrafficking from "./messages/en/trafficking.json";
import frTrafficking from "./messages/fr/trafficking.json";
import enFamilies from "./messages/en/families.json";
import frFamilies from "./messages/fr/families.json";

/**
 * UI text, one file per domain (common, audit, case, plan, reviews, providers, corrections, documents, notifications, team, outside, search, policy, admin, complaints, trafficking, families) so each area's strings live
 * together. Each top-level namespace belongs to exactly one file; tests/unit/messages.test.ts checks
 * that and English/French parity.
 */
export const CATALOGUE_FILES: Record<AppLocale, Record<string, Record<string, unknown>>> = {
  en: { common: enCommon, admin: enAdmin, audit: enAudit, case: enCase, plan: enPlan, reviews: enReviews, providers: enProviders, corrections: enCorrections, documents: enDocuments, notifications: enNotifications, team: enTeam, outside: enOutside, search: enSearch, policy: enPolicy, complaints: enComplaints, trafficking: enTrafficking, families: enFamilies },
  fr: { common: frCommon, admin: frAdmin, audit: frAudit, case: frCase, plan: frPlan, reviews: frReviews, providers: frProviders, corrections: frCorrections, documents: frDocuments, notifications: frNotifications, team: frTeam, outside: frOutside, search: frSearch, policy: frPolicy, complaints: frComplaints, trafficking: frTrafficking, families: frFamilies },
};

const merged = new Map<AppLocale, Record<string, unknown>>();

/**
 * Every namespace of a locale in one object, merged once per process (the catalogues are static and nothing writes
 * to them): every request's next-intl configuration reads it, and a merge per request was garbage for the collector.
 */
export function messagesFor(locale: AppLocale): Record<string, unknown> {
  let messages = merged.get(locale);
  if (!messages) {
    messages = Object.freeze(Object.assign({}, ...Object.values(CATALOGUE_FILES[locale]))) as Record<string, unknown>;
    merged.set(locale, messages);
  }
  return messages;
}
