import "server-only";
import { AwsClient } from "aws4fetch";
import type { Transaction } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Where a document's bytes live, by key (docs/architecture.md, Documents). Two implementations, chosen by
 * DOCUMENT_STORAGE:
 * - postgresql (default): the DocumentContent table, written in the transaction of the Document row, so a document
 *   and its bytes exist together or not at all, and `npm start` needs nothing else. The tests use this one.
 * - s3: any S3-compatible store (AWS S3, MinIO, Ceph…), path-style requests signed with aws4fetch. An object store
 *   takes no part in the database's transaction: an upload puts the object first and deletes it again when the
 *   transaction fails; a removal deletes it after the row's transaction commits (a failure there leaves an object no
 *   row points to, logged by code, never a row without its bytes).
 * Each call receives the caller's transaction; the object store ignores it.
 */
export interface DocumentStorage {
  readonly backend: "postgresql" | "s3";
  put(tx: Transaction, key: string, bytes: Uint8Array): Promise<void>;
  get(tx: Transaction, key: string): Promise<Uint8Array | null>;
  delete(tx: Transaction, key: string): Promise<void>;
}

export const postgresStorage: DocumentStorage = {
  backend: "postgresql",
  async put(tx, key, bytes) {
    await tx.documentContent.create({ data: { key, bytes: new Uint8Array(bytes) }, select: { key: true } });
  },
  async get(tx, key) {
    const row = await tx.documentContent.findUnique({ where: { key }, select: { bytes: true } });
    return row ? new Uint8Array(row.bytes) : null;
  },
  async delete(tx, key) {
    await tx.documentContent.deleteMany({ where: { key } });
  },
};

/** The storage's failure, with a code only: an object store's error text may quote the request. */
export class DocumentStorageError extends Error {
  constructor(readonly code: string) {
    super(`Document storage failed: ${code}`);
    this.name = "DocumentStorageError";
  }
}

export function s3Storage(config: { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string }): DocumentStorage {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const base = config.endpoint.replace(/\/+$/, "");
  const objectUrl = (key: string) => `${base}/${config.bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
  return {
    backend: "s3",
    async put(_tx, key, bytes) {
      const response = await client.fetch(objectUrl(key), { method: "PUT", body: new Uint8Array(bytes), headers: { "Content-Type": "application/octet-stream" } });
      if (!response.ok) throw new DocumentStorageError(`S3_PUT_${response.status}`);
    },
    async get(_tx, key) {
      const response = await client.fetch(objectUrl(key), { method: "GET" });
      if (response.status === 404) return null;
      if (!response.ok) throw new DocumentStorageError(`S3_GET_${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(_tx, key) {
      const response = await client.fetch(objectUrl(key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw new DocumentStorageError(`S3_DELETE_${response.status}`);
    },
  };
}

let configured: DocumentStorage | undefined;

/** The storage chosen by the environment (validated in lib/env.ts). */
export function documentStorage(): DocumentStorage {
  if (configured) return configured;
  const environment = env();
  configured =
    environment.DOCUMENT_STORAGE === "s3"
      ? s3Storage({
          endpoint: environment.S3_ENDPOINT!,
          region: environment.S3_REGION,
          bucket: environment.S3_BUCKET!,
          accessKeyId: environment.S3_ACCESS_KEY_ID!,
          secretAccessKey: environment.S3_SECRET_ACCESS_KEY!,
        })
      : postgresStorage;
  return configured;
}
