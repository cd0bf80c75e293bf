/**
 * Every kind of audit event: a typed union, not a string. Each mutation's audit event is also its domain event
 * (notifications fan out from it), so the set of actions is the set of things that can happen in Liaison.
 * Adding an action means adding it here and giving it a label in both languages (lib/i18n/messages/{en,fr}/audit.json,
 * checked by tests/unit/audit-events.test.ts). Events hold ids, field names and status values: never personal data.
 */
export const AUDIT_ACTIONS = [
  // Accounts and sessions
  "auth.sign_in",
  "auth.sign_in_throttled",
  "auth.sign_in_locked",
  "auth.sign_out",
  "auth.password_change",
  "auth.password_set",
  "user.create",
  "user.update",
  "user.grant_requested",
  "user.grant_approved",
  "user.grant_declined",
  "user.activate",
  "user.deactivate",
  "user.password_link_issued",
  "user.locale",
  "user.notificationPreferences",
  "organization.create",
  "policy.schedule",
  "policy.withdraw",
  "target.set",
  // Cases
  "detention.create",
  "detention.assign",
  "detention.noProspect.set",
  "detention.noProspect.clear",
  "detention.correct",
  "person.correct",
  "person.merge",
  "detention.outcome.record",
  "detention.outcome.correct",
  "detention.outcome.undo",
  "detention.transfer",
  "detention.handOver",
  "case.open",
  "assessment.open",
  "plan.open",
  "plan.print",
  "plan.bundle",
  "screening.flag.record",
  "screening.flag.remove",
  "trafficking.screen.record",
  "assessment.create",
  "assessment.update",
  "assessment.complete",
  "plan.create",
  "plan.update",
  "plan.status",
  "plan.bondsperson.add",
  "plan.bondsperson.propose",
  "plan.bondsperson.update",
  "plan.bondsperson.remove",
  "plan.option.propose",
  "task.create",
  "task.update",
  "task.move",
  "note.create",
  "document.upload",
  "document.download",
  "document.remove",
  "team.message",
  "review.schedule",
  "review.reschedule",
  "review.record",
  "review.edit",
  // Counsel of record
  "counsel.record",
  "counsel.request",
  "counsel.confirm",
  "counsel.decline",
  "counsel.end",
  // Providers, consent and referrals
  "provider.create",
  "provider.update",
  "consent.record",
  "consent.withdraw",
  "referral.send",
  "referral.open_packet",
  "referral.review.start",
  "referral.answer",
  "referral.withdraw",
  "referral.message",
  "referral.outside.record",
  "referral.outside.answer",
  "resource_list.create",
  "resource_list.add_item",
  // Families and minors (lib/resource-lists, lib/families)
  "resource_list.update",
  "resource_list.retire",
  "resource_list.update_item",
  "resource_list.remove_item",
  "family.link",
  "family.unlink",
  "best_interests.record",
  "outreach.create",
  "outreach.update",
  "outreach.followUp",
  // Complaints (lib/complaints): never in an office's audit log (lib/authz/audit.ts), shown on the complaint to its handlers
  "complaint.file",
  "complaint.review",
  "complaint.respond",
  "complaint.close",
  "complaint.withdraw",
  "complaint.share",
  // Reading and exporting
  "calendarFeed.create",
  "calendarFeed.regenerate",
  "calendarFeed.revoke",
  "report.export",
  "audit.export",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The catalogue key of an action's label (next-intl reads dots as nesting, so they become underscores). */
export function auditActionLabelKey(action: AuditAction): string {
  return action.replaceAll(".", "_");
}
