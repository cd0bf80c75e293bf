import type { Role, VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import type { DetaineeWhereInput, ScreeningFlagWhereInput, TraffickingScreenWhereInput, UserWhereInput } from "@/lib/generated/prisma/models";
import type { Actor } from "@/lib/authz";

/**
 * Relationship rules of the case file that are more than a capability: who sees trafficking indicators,
 * which notes, which people at intake, and who may own a task or be assigned a case. Pure functions
 * returning where clauses or booleans; the queries compose them with detentionScope.
 */

/** Matches no row. */
const NONE = { id: { in: [] as string[] } };

/** The relationship facts of a detention that decide who sees its trafficking indicators. */
export type FlagAudience = { assignedCloId: string | null; counselId: string | null };

/**
 * Trafficking indicators are visible only to the assigned CLO, supervisors of the office and counsel of
 * record (docs/domain.md, Screening): not to the other CLOs of the office. Office membership itself is
 * decided by detentionScope; this adds the relationship.
 */
export function traffickingVisible(actor: Pick<Actor, "role" | "userId">, detention: FlagAudience): boolean {
  switch (actor.role) {
    case "SUPERVISOR":
      return true;
    case "CLO":
      return detention.assignedCloId === actor.userId;
    case "COUNSEL":
      return detention.counselId === actor.userId;
    case "NGO_CASEWORKER":
    case "ADMIN":
      return false;
  }
}

/**
 * The screening flags the actor may see on a detention: the one filter every derivation goes through.
 * A deadline, its basis, a priority tier, a count or an order computed from a flag the viewer may not see
 * would reveal that flag as surely as showing it (an assessment "due 48 hours after detention, because of
 * a vulnerability flag" on a case showing no flag is a trafficking indicator). So whatever is derived from
 * flags for a viewer is derived from this list, and from nothing else. NGO caseworkers and admins see no
 * case flags (caseworkers read only the consented packet, built under its own rule in lib/referrals/packet.ts).
 * Its query twins are screeningFlagScope below (Prisma) and screeningFlagSql in lib/authz/sql.ts (raw SQL).
 */
export function visibleFlags<T extends VulnerabilityFlag | { flag: VulnerabilityFlag }>(actor: Pick<Actor, "role" | "userId">, detention: FlagAudience, flags: readonly T[]): T[] {
  if (actor.role === "NGO_CASEWORKER" || actor.role === "ADMIN") return [];
  const trafficking = traffickingVisible(actor, detention);
  return flags.filter((entry) => (typeof entry === "string" ? entry : entry.flag) !== "TRAFFICKING_INDICATORS" || trafficking);
}

/** visibleFlags as a where clause on ScreeningFlag (to be combined with the detention's scope). */
export function screeningFlagScope(actor: Pick<Actor, "role" | "userId">): ScreeningFlagWhereInput {
  switch (actor.role) {
    case "SUPERVISOR":
      return {};
    case "CLO":
      return { OR: [{ flag: { not: "TRAFFICKING_INDICATORS" } }, { screening: { detention: { assignedCloId: actor.userId } } }] };
    case "COUNSEL":
      return { OR: [{ flag: { not: "TRAFFICKING_INDICATORS" } }, { screening: { detention: { detainee: { counselId: actor.userId } } } }] };
    case "NGO_CASEWORKER":
    case "ADMIN":
      return NONE;
  }
}

/**
 * The trafficking screen has the trafficking flag's audience exactly (traffickingVisible): the assigned CLO,
 * supervisors of the office and counsel of record; never another CLO of the office, a provider or an admin.
 * To be combined with the detention's scope (detentionScope) for office membership.
 */
export function traffickingScreenScope(actor: Pick<Actor, "role" | "userId">): TraffickingScreenWhereInput {
  switch (actor.role) {
    case "SUPERVISOR":
      return {};
    case "CLO":
      return { detention: { assignedCloId: actor.userId } };
    case "COUNSEL":
      return { detention: { detainee: { counselId: actor.userId } } };
    case "NGO_CASEWORKER":
    case "ADMIN":
      return NONE;
  }
}

/**
 * People a CBSA user may find at intake: those with a detention in the actor's office, or, across
 * offices, only the person whose client identifier (UCI) is typed exactly: a UCI identifies one person,
 * so matching it reveals no one else. Never a record merged into another (Detainee.mergedIntoId).
 */
export function detaineeSearchScope(actor: Pick<Actor, "role" | "organizationId" | "organizationKind">, exactClientId?: string | null): DetaineeWhereInput {
  if ((actor.role !== "CLO" && actor.role !== "SUPERVISOR") || actor.organizationKind !== "CBSA_OFFICE") return NONE;
  // A record merged into another is kept only as history: no search finds it (its detentions moved to the kept record).
  const inOffice: DetaineeWhereInput = { mergedIntoId: null, detentions: { some: { officeId: actor.organizationId } } };
  return exactClientId ? { OR: [inOffice, { mergedIntoId: null, clientId: exactClientId }] } : inOffice;
}

/**
 * Among the users of a case's office, those who may own a task on it: active CLOs and supervisors. On its own for
 * the case file, which reads them through the detention's office; officeCaseworkerScope adds the office.
 */
export const ACTIVE_CASEWORKER: UserWhereInput = { active: true, role: { in: ["CLO", "SUPERVISOR"] } };

/** Users who may own a task on, or be assigned to, a case of the office: active CLOs and supervisors of that office. */
export function officeCaseworkerScope(officeId: string): UserWhereInput {
  return { organizationId: officeId, ...ACTIVE_CASEWORKER };
}

/** Users a supervisor may assign a case to: active CLOs of the office. */
export function assignableCloScope(officeId: string): UserWhereInput {
  return { organizationId: officeId, active: true, role: "CLO" };
}

/** assignableCloScope over an office caseworker already loaded (ACTIVE_CASEWORKER): the CLOs among them. */
export function isAssignableClo(caseworker: { role: Role }): boolean {
  return caseworker.role === "CLO";
}
