import "server-only";
import type { Actor } from "@/lib/authz";
import { can } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { exportAuditEvents } from "@/lib/audit/queries";
import { auditFilterSchema, csvRow } from "@/lib/audit/schema";

export type AuditExport = { ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; reason: "NOT_FOUND" | "INVALID_FILTERS" };

const HEADER = ["id", "at_utc", "actor_name", "actor_email", "action", "entity_type", "entity_id", "case_reference", "session_id"];

/** The audit log as CSV for the given query-string filters; the export itself is audited. */
export async function exportAuditCsv(actor: Actor | null, query: Record<string, string>): Promise<AuditExport> {
  if (!actor || !can(actor, "audit.view")) return { ok: false, reason: "NOT_FOUND" };
  const parsed = auditFilterSchema.safeParse(query);
  if (!parsed.success) return { ok: false, reason: "INVALID_FILTERS" };
  await recordAuditEvent(actor, { action: "audit.export", entityType: "AuditEvent", metadata: { filters: Object.keys(query).filter((key) => key !== "page") } });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(csvRow(HEADER)));
        for await (const batch of exportAuditEvents(actor, parsed.data)) {
          controller.enqueue(encoder.encode(batch.map((row) => csvRow([row.id, row.at.toISOString(), row.actor?.name, row.actor?.email, row.action, row.entityType, row.entityId, row.caseReference, row.sessionId])).join("")));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return { ok: true, stream };
}
