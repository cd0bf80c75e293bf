import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER, validRequestId } from "@/lib/request-id-header";

/**
 * The current request's id, to tie a log line to a request without logging anything about it. Outside a request
 * (scripts, tests, build) or without the proxy's header, a fresh id: the log line is then still unique.
 */
export async function currentRequestId(): Promise<string> {
  try {
    return validRequestId((await headers()).get(REQUEST_ID_HEADER)) ?? randomUUID();
  } catch {
    return randomUUID();
  }
}
