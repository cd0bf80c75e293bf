import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabelKey, isAuditAction } from "@/lib/audit/events";
import { CATALOGUE_FILES } from "@/lib/i18n/catalogues";
import { LOCALES } from "@/lib/i18n/locales";

describe("audit actions", () => {
  it.each(LOCALES)("each has a label in %s, and every label names an action", (locale) => {
    const labels = (CATALOGUE_FILES[locale].audit as { auditAction: Record<string, string> }).auditAction;
    for (const action of AUDIT_ACTIONS) expect(labels[auditActionLabelKey(action)], action).toMatch(/\S/);
    expect(Object.keys(labels).sort()).toEqual(AUDIT_ACTIONS.map(auditActionLabelKey).sort());
  });

  it("are distinct, and tell a known action from any other text", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(isAuditAction("referral.send")).toBe(true);
    expect(isAuditAction("referral.sent")).toBe(false);
  });
});
