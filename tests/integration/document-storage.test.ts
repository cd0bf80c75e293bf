import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { s3Storage, DocumentStorageError } from "@/lib/documents/storage";

/**
 * The S3-compatible storage against a small in-memory S3 of our own (a real HTTP server on loopback): path-style
 * objects, signed requests, the bytes round-trip, and failures come back as codes. The database's storage is what
 * tests/integration/documents.test.ts uses throughout.
 */
const objects = new Map<string, Buffer>();
const seen: { method: string; path: string; authorization: string; sha256: string }[] = [];
let server: Server;
let endpoint = "";

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = request.url ?? "";
    seen.push({ method: request.method ?? "", path, authorization: String(request.headers.authorization ?? ""), sha256: String(request.headers["x-amz-content-sha256"] ?? "") });
    if (!path.startsWith("/liaison-documents/")) return response.writeHead(403).end("<Error><Code>AccessDenied</Code><Message>Bucket documents/secret</Message></Error>");
    if (request.method === "PUT") {
      objects.set(path, await body(request));
      return response.writeHead(200).end();
    }
    if (request.method === "GET") {
      const object = objects.get(path);
      return object ? response.writeHead(200, { "Content-Type": "application/octet-stream" }).end(object) : response.writeHead(404).end();
    }
    if (request.method === "DELETE") {
      objects.delete(path);
      return response.writeHead(204).end();
    }
    response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const config = () => ({ endpoint, region: "ca-central-1", bucket: "liaison-documents", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-a-real-secret" });
const noTransaction = undefined as never;

describe("the S3-compatible document storage", () => {
  it("puts, gets and deletes an object by key, path-style, with signed requests", async () => {
    const storage = s3Storage(config());
    const bytes = new Uint8Array(Buffer.from("%PDF-1.4 a letter"));
    await storage.put(noTransaction, "documents/0190a8b2-7c1e-7000-8000-000000000001", bytes);
    expect(objects.get("/liaison-documents/documents/0190a8b2-7c1e-7000-8000-000000000001")).toEqual(Buffer.from(bytes));
    expect(Buffer.from((await storage.get(noTransaction, "documents/0190a8b2-7c1e-7000-8000-000000000001"))!)).toEqual(Buffer.from(bytes));
    await storage.delete(noTransaction, "documents/0190a8b2-7c1e-7000-8000-000000000001");
    expect(await storage.get(noTransaction, "documents/0190a8b2-7c1e-7000-8000-000000000001")).toBeNull();
    expect(seen.map((request) => request.method)).toEqual(["PUT", "GET", "DELETE", "GET"]);
    for (const request of seen) expect(request.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ca-central-1\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
  });

  it("reports a store's refusal as a code, never its message", async () => {
    const storage = s3Storage({ ...config(), bucket: "other-bucket" });
    const refused = await storage.put(noTransaction, "documents/x", new Uint8Array([1])).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DocumentStorageError);
    expect((refused as Error).message).toBe("Document storage failed: S3_PUT_403");
  });
});
