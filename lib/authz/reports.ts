import { can, type Actor } from "@/lib/authz";

/**
 * Which offices' indicators the actor may report on. Admins: every CBSA office (the indicators are aggregates,
 * no case content). Supervisors: their own office. Anyone else: none (null: the reports are "not found").
 */
export type ReportScope = { offices: "ALL_CBSA_OFFICES" } | { offices: "OWN_OFFICE"; office: { id: string; name: string } } | { offices: "NONE" } | null;

export function reportScope(actor: Actor): ReportScope {
  if (!can(actor, "reports.view")) return null;
  if (actor.role === "ADMIN") return { offices: "ALL_CBSA_OFFICES" };
  if (actor.organizationKind !== "CBSA_OFFICE") return { offices: "NONE" };
  return { offices: "OWN_OFFICE", office: { id: actor.organizationId, name: actor.organizationName } };
}
