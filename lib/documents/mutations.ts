import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { db } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { documentReadScope, documentRemoveScope, mayShareWithProviders, mayUploadDocuments } from "@/lib/authz/documents";
import { referralAccessScope } from "@/lib/authz/referrals";
import { recordAudit } from "@/lib/audit/mutations";
import { decideDocumentType, safeDisplayName } from "@/lib/documents/rules";
import type { RemoveDocumentInput, UploadDocumentInput } from "@/lib/documents/schema";
import { documentStorage, type DocumentStorage } from "@/lib/documents/storage";
import { currentRequestId } from "@/lib/request-id";

export type UploadResult =
  | { ok: true; documentId: string }
  | { ok: false; reason: "NOT_FOUND" | "EMPTY" | "TOO_LARGE" | "TYPE_NOT_ALLOWED" | "PLAN_ITEM" | "PROVIDER_NOT_ALLOWED" | "DUPLICATE" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Adds a document to a case. The gate is here: the case team only (mayUploadDocuments + detentionScope); the plan item
 * must be this case's; providers only by the office, each with a referral on the case and the person's consent in
 * force covering the plan. The type is the one detected from the bytes and must be on the allow-list; the name is
 * only a display name. The row, its provider shares, the bytes (PostgreSQL storage) and the audit event are one
 * transaction. The same file twice from one organisation on one case is refused (a double submit included: the
 * unique index decides between concurrent ones).
 */
export async function uploadDocument(actor: Actor, input: UploadDocumentInput, bytes: Uint8Array, storage: DocumentStorage = documentStorage()): Promise<UploadResult> {
  if (!mayUploadDocuments(actor)) return { ok: false, reason: "NOT_FOUND" };
  if (input.providers.length > 0 && !mayShareWithProviders(actor)) return { ok: false, reason: "PROVIDER_NOT_ALLOWED" };
  const decision = decideDocumentType(bytes.byteLength, bytes.byteLength > 0 ? await fileTypeFromBuffer(bytes) : undefined);
  // The case is checked before the type, so a caller who may not see it learns nothing from the answer.
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: input.detentionId }] },
    select: { id: true, detaineeId: true, grounds: true, releasePlan: { select: { bondspersons: { select: { id: true } } } } },
  });
  if (!detention) return { ok: false, reason: "NOT_FOUND" };
  if (!decision.ok) return { ok: false, reason: decision.reason };

  const item = input.planItem;
  if (item?.bondspersonId && !detention.releasePlan?.bondspersons.some((bondsperson) => bondsperson.id === item.bondspersonId)) return { ok: false, reason: "PLAN_ITEM" };
  if (item?.mitigationGround && !detention.grounds.includes(item.mitigationGround)) return { ok: false, reason: "PLAN_ITEM" };
  if (item?.referralId) {
    // Counsel does not see the case's referrals: attaching to one is refused like one that does not exist.
    const referral = await db().referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: item.referralId, detentionId: detention.id }] }, select: { id: true } });
    if (!referral) return { ok: false, reason: "PLAN_ITEM" };
  }
  if (input.providers.length > 0) {
    const eligible = await db().organization.findMany({
      where: {
        id: { in: input.providers },
        serviceProvider: { referrals: { some: { AND: [referralAccessScope(actor), { detentionId: detention.id, status: { not: "DRAFT" }, outside: false }] } } },
        consents: { some: { detaineeId: detention.detaineeId, withdrawnAt: null, fields: { has: "RELEASE_PLAN" } } },
      },
      select: { id: true },
    });
    if (eligible.length !== input.providers.length) return { ok: false, reason: "PROVIDER_NOT_ALLOWED" };
  }

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `documents/${randomUUID()}`;
  const fileName = safeDisplayName(input.fileName, decision.extension);
  try {
    return await db().$transaction(async (tx): Promise<UploadResult> => {
      const document = await tx.document.create({
        data: {
          detentionId: detention.id,
          authorId: actor.userId,
          authorOrgId: actor.organizationId,
          fileName,
          contentType: decision.contentType,
          sizeBytes: bytes.byteLength,
          sha256,
          storageKey,
          sharing: input.sharing,
          ...(item ?? {}),
          shares: { create: input.providers.map((organizationId) => ({ organizationId })) },
        },
        select: { id: true },
      });
      await storage.put(tx, storageKey, bytes);
      await recordAudit(tx, actor, {
        action: "document.upload",
        entityType: "Document",
        entityId: document.id,
        detentionId: detention.id,
        metadata: { contentType: decision.contentType, sizeBytes: bytes.byteLength, sharing: input.sharing, providers: input.providers, planItem: item ? Object.keys(item)[0] : null },
      });
      return { ok: true, documentId: document.id };
    });
  } catch (error) {
    // An object store is outside the transaction: take back what was put (a no-op when nothing was).
    if (storage.backend !== "postgresql") await storage.delete(undefined as never, storageKey).catch(() => undefined);
    if (isUniqueViolation(error)) return { ok: false, reason: "DUPLICATE" };
    throw error;
  }
}

export type DownloadResult = { ok: true; fileName: string; contentType: string; bytes: Uint8Array } | { ok: false; reason: "NOT_FOUND" };

/**
 * Reads a document's bytes for the viewer, under the same rule as the list (documentReadScope), and records the
 * download in the same transaction: a download that happened is audited, one that failed is not. The bytes are
 * checked against the SHA-256 kept at upload; a mismatch is an error, never served.
 */
export async function downloadDocument(actor: Actor, documentId: string, storage: DocumentStorage = documentStorage()): Promise<DownloadResult> {
  return db().$transaction(async (tx): Promise<DownloadResult> => {
    const document = await tx.document.findFirst({
      where: { AND: [documentReadScope(actor), { id: documentId }] },
      select: { id: true, detentionId: true, fileName: true, contentType: true, sha256: true, storageKey: true },
    });
    if (!document) return { ok: false, reason: "NOT_FOUND" };
    const bytes = await storage.get(tx, document.storageKey);
    if (!bytes) throw new Error(`DOCUMENT_BYTES_MISSING request ${await currentRequestId()}`);
    if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) throw new Error(`DOCUMENT_INTEGRITY request ${await currentRequestId()}`);
    await recordAudit(tx, actor, { action: "document.download", entityType: "Document", entityId: document.id, detentionId: document.detentionId });
    return { ok: true, fileName: document.fileName, contentType: document.contentType, bytes };
  });
}

export type RemoveResult = { ok: true } | { ok: false; reason: "NOT_FOUND" };

/**
 * Removes a document: the author's organisation only. Hard removal: the row, its shares and its bytes go (a file
 * uploaded to the wrong case, or of the wrong person, must leave the system, and a document kept "removed" would
 * still be a copy of someone's papers); the audit event keeps which document, its hash and who removed it when.
 */
export async function removeDocument(actor: Actor, input: RemoveDocumentInput, storage: DocumentStorage = documentStorage()): Promise<RemoveResult> {
  const removed = await db().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { AND: [documentRemoveScope(actor), { id: input.documentId, detentionId: input.detentionId }] },
      select: { id: true, detentionId: true, sha256: true, storageKey: true },
    });
    if (!document) return null;
    // deleteMany: a concurrent removal that got there first leaves nothing to delete, and this one reports not found.
    const { count } = await tx.document.deleteMany({ where: { id: document.id } });
    if (count === 0) return null;
    if (storage.backend === "postgresql") await storage.delete(tx, document.storageKey);
    await recordAudit(tx, actor, { action: "document.remove", entityType: "Document", entityId: document.id, detentionId: document.detentionId, metadata: { sha256: document.sha256 } });
    return document;
  });
  if (!removed) return { ok: false, reason: "NOT_FOUND" };
  if (storage.backend !== "postgresql") {
    await storage.delete(undefined as never, removed.storageKey).catch(async () => console.error(`DOCUMENT_ORPHAN_OBJECT request ${await currentRequestId()}`));
  }
  return { ok: true };
}
