import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/authz";

/**
 * Access rules of lib/authz/cases.ts rendered as SQL fragments, for the few queries written in raw SQL (the
 * caseload queue, the reports). Kept here, beside the rules they render, so no query writes its own version of
 * a rule: this file builds fragments and never runs a query.
 */

/** The columns of a raw query that screeningFlagSql reads: the flag, and the detention's relationships. */
export type FlagColumns = { flag: Prisma.Sql; assignedCloId: Prisma.Sql; counselId: Prisma.Sql };

/** visibleFlags as a condition on one ScreeningFlag row of a raw SQL query (the caseload queue's order and counts). */
export function screeningFlagSql(actor: Pick<Actor, "role" | "userId">, columns: FlagColumns): Prisma.Sql {
  const notTrafficking = Prisma.sql`${columns.flag} <> 'TRAFFICKING_INDICATORS'`;
  switch (actor.role) {
    case "SUPERVISOR":
      return Prisma.sql`TRUE`;
    case "CLO":
      return Prisma.sql`(${notTrafficking} OR ${columns.assignedCloId} IS NOT DISTINCT FROM ${actor.userId}::uuid)`;
    case "COUNSEL":
      return Prisma.sql`(${notTrafficking} OR ${columns.counselId} IS NOT DISTINCT FROM ${actor.userId}::uuid)`;
    case "NGO_CASEWORKER":
    case "ADMIN":
      return Prisma.sql`FALSE`;
  }
}

/**
 * The flags an aggregate report may count for the actor. Supervisors see every flag of their office's cases.
 * Admins read reports across offices but no case file: they may count the other flags, never trafficking
 * indicators, so a report grouped by CLO or month narrowed to one case cannot reveal one.
 */
export function reportFlagSql(actor: Pick<Actor, "role" | "userId">, columns: FlagColumns): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`${columns.flag} <> 'TRAFFICKING_INDICATORS'`;
  return screeningFlagSql(actor, columns);
}

/** Whether the actor has an office caseload queue: CLOs and supervisors of a CBSA office. */
export function mayListOfficeQueue(actor: Pick<Actor, "role" | "organizationKind">): boolean {
  return can(actor, "detentions.list") && actor.organizationKind === "CBSA_OFFICE";
}

/** detentionScope for the office queue, as a condition on a raw query's Detention row: the actor's own office. */
export function officeQueueSql(actor: Pick<Actor, "role" | "organizationKind" | "organizationId">, columns: { officeId: Prisma.Sql }): Prisma.Sql {
  if (!mayListOfficeQueue(actor)) return Prisma.sql`FALSE`;
  return Prisma.sql`${columns.officeId} = ${actor.organizationId}::uuid`;
}
