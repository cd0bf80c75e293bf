import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { recordAudit } from "@/lib/audit/mutations";
import type { CaseFile } from "@/lib/case-file/queries";

/**
 * What opening a case file records, kept apart from the read (getCaseFile in lib/case-file/queries.ts never writes):
 * the case page calls it by name after it has read the case file, so a reader of the page sees every write it makes.
 */

/**
 * The actor opened the case file: audited, as every read of a case file is (docs/domain.md, Audit; ids only, no
 * personal data). It takes the case file getCaseFile returned for this actor, so it records only a read that
 * happened: one the actor was allowed (a refused read returns null, and there is nothing to pass). One INSERT,
 * atomic on its own.
 */
export async function recordCaseFileOpened(actor: Actor, caseFile: Pick<CaseFile, "id">): Promise<void> {
  await recordAudit(db(), actor, { action: "case.open", entityType: "Detention", entityId: caseFile.id, detentionId: caseFile.id });
}
