import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Which organisations a role belongs to (docs/domain.md, People): CBSA staff in a CBSA office,
 * caseworkers at a service provider or another NGO, counsel at a legal organisation. Admins anywhere.
 */
const ROLE_ORGANIZATIONS: Record<Role, readonly OrganizationKind[]> = {
  CLO: ["CBSA_OFFICE"],
  SUPERVISOR: ["CBSA_OFFICE"],
  NGO_CASEWORKER: ["SERVICE_PROVIDER", "OTHER_NGO"],
  COUNSEL: ["LEGAL"],
  ADMIN: ["CBSA_OFFICE", "SERVICE_PROVIDER", "LEGAL", "OTHER_NGO"],
};

export function roleFitsOrganization(role: Role, organizationKind: OrganizationKind): boolean {
  return ROLE_ORGANIZATIONS[role].includes(organizationKind);
}

/**
 * Roles that need a second administrator's approval to be given: those that open case files (CLO, SUPERVISOR,
 * COUNSEL) and ADMIN itself, since an admin who could make a second admin account at will could approve their own
 * requests with it. No one grants themselves power (the two-person rule).
 */
export const ROLES_NEEDING_APPROVAL: ReadonlySet<Role> = new Set<Role>(["CLO", "SUPERVISOR", "COUNSEL", "ADMIN"]);

export type AccountAccess = { role: Role; organizationId: string; active: boolean };

/**
 * Whether moving an account from `current` to `next` gives access it did not have, and so must wait for approval:
 * becoming active with, or moving into, a role that needs approval (another office's caseload counts: it is new
 * access). Taking access away (deactivation, a lesser role) is immediate.
 */
export function changeNeedsApproval(current: AccountAccess | null, next: AccountAccess): boolean {
  if (!next.active || !ROLES_NEEDING_APPROVAL.has(next.role)) return false;
  if (!current || !current.active) return true;
  return current.role !== next.role || current.organizationId !== next.organizationId;
}

export type GrantDecisionProblem = "OWN_REQUEST" | "ABOUT_SELF";

/** Who may approve a grant: an administrator other than the one who asked, and never the grant's own subject. */
export function grantApprovalProblem(approverId: string, grant: { requestedById: string; userId: string }): GrantDecisionProblem | null {
  if (grant.userId === approverId) return "ABOUT_SELF";
  if (grant.requestedById === approverId) return "OWN_REQUEST";
  return null;
}
