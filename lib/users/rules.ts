import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Which organisations a role belongs to (shared/DESIGN.md, People): CBSA staff in a CBSA office,
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
