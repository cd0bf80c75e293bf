import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";
import type { DetentionWhereInput, ReferralWhereInput, UserWhereInput } from "@/lib/generated/prisma/models";

/**
 * Who may see and do what: the one place access is decided (docs/domain.md "People and what they may see").
 * Pure functions over the actor (from the session, never from client input) and records. Every query
 * composes its where clause from the builders here, so a record the actor may not see is never loaded:
 * refused reads come back as "not found", never as a forbidden record.
 */

export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
};

export type Capability =
  | "detentions.list"
  | "detentions.assign"
  | "people.merge"
  | "cases.create"
  | "cases.edit"
  | "tasks.mine"
  | "plans.edit"
  | "bondsperson.propose"
  | "options.propose"
  | "notes.write"
  | "reviews.dashboard"
  | "reviews.record"
  | "calendar.feed"
  | "providers.view"
  | "providers.edit"
  | "referrals.compose"
  | "referrals.inbox"
  | "consent.record"
  | "outreach.manage"
  | "clients.list"
  | "users.manage"
  | "organizations.manage"
  | "reports.view"
  | "audit.view"
  | "jobs.view"
  | "policy.view"
  | "policy.manage"
  | "complaints.file"
  | "complaints.handle";

// What a CLO does on the cases of their office (docs/domain.md, People).
const CLO_WORK: Capability[] = [
  "detentions.list",
  "cases.create",
  "cases.edit",
  "tasks.mine",
  "plans.edit",
  "bondsperson.propose",
  "notes.write",
  "reviews.dashboard",
  "reviews.record",
  "calendar.feed",
  "providers.view",
  "providers.edit",
  "referrals.compose",
  "consent.record",
  "outreach.manage",
  // Recording a complaint a detained person makes to them (lib/complaints).
  "complaints.file",
];

/**
 * Capabilities by role. These say what kind of thing a role may do; which records it may do it to is
 * decided by the scope builders below (and in lib/authz/<domain>.ts), inside every query's where clause.
 * NGO caseworkers edit only their own organisation's provider profile: that relationship is checked
 * where the profile is loaded, not here.
 */
const CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  CLO: new Set(CLO_WORK),
  SUPERVISOR: new Set([...CLO_WORK, "detentions.assign", "people.merge", "reports.view", "audit.view", "policy.view", "complaints.handle"]),
  NGO_CASEWORKER: new Set(["referrals.inbox", "providers.view", "complaints.file"]),
  // Counsel propose options (a provider, an outside program) to the CLO as a task; the office acts on it (lib/options).
  COUNSEL: new Set(["clients.list", "reviews.dashboard", "calendar.feed", "providers.view", "notes.write", "bondsperson.propose", "options.propose", "complaints.file"]),
  // Admins manage accounts, organisations and providers; they see no case content another role does not give them.
  // The release-first policy and the offices' targets are set by administrators; supervisors read them (policy.view).
  ADMIN: new Set(["users.manage", "organizations.manage", "providers.view", "providers.edit", "reports.view", "audit.view", "jobs.view", "policy.view", "policy.manage"]),
};

export function can(actor: Pick<Actor, "role">, capability: Capability): boolean {
  return CAPABILITIES[actor.role].has(capability);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case "CLO":
    case "SUPERVISOR":
      return "/cases";
    case "NGO_CASEWORKER":
      return "/referrals";
    case "COUNSEL":
      return "/clients";
    case "ADMIN":
      return "/admin/users";
  }
}

/** Matches no row: used where a role has no access at all, so a query stays a query and returns nothing. */
const NO_DETENTION: DetentionWhereInput = { id: { in: [] } };
const NO_REFERRAL: ReferralWhereInput = { id: { in: [] } };

/**
 * Detentions the actor may open as a case file.
 * CLOs and supervisors: every detention their office is responsible for.
 * Counsel: only detentions of people for whom they are counsel of record.
 * NGO caseworkers see packets, never case files; admins see no case content.
 */
export function detentionScope(actor: Actor): DetentionWhereInput {
  switch (actor.role) {
    case "CLO":
    case "SUPERVISOR":
      return actor.organizationKind === "CBSA_OFFICE" ? { officeId: actor.organizationId } : NO_DETENTION;
    case "COUNSEL":
      return { detainee: { counselId: actor.userId } };
    case "NGO_CASEWORKER":
    case "ADMIN":
      return NO_DETENTION;
  }
}

/**
 * Referrals the actor may see.
 * NGO caseworkers: referrals sent (never drafts) to their own organisation.
 * CLOs and supervisors: referrals on their office's detentions.
 */
export function referralScope(actor: Actor): ReferralWhereInput {
  switch (actor.role) {
    case "NGO_CASEWORKER":
      return { provider: { organizationId: actor.organizationId }, status: { not: "DRAFT" } };
    case "CLO":
    case "SUPERVISOR":
      return actor.organizationKind === "CBSA_OFFICE" ? { detention: { officeId: actor.organizationId } } : NO_REFERRAL;
    case "COUNSEL":
    case "ADMIN":
      return NO_REFERRAL;
  }
}

/** Users the actor may list and manage. Only admins manage accounts. */
export function managedUserScope(actor: Actor): UserWhereInput {
  return actor.role === "ADMIN" ? {} : { id: { in: [] } };
}
