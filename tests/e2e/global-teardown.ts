import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS, FAMILY_NAMES, GIVEN_NAMES } from "@/prisma/seed/demo";
import { SERVER_LOG_DIRECTORY } from "./server-log";
import { appServer, E2E_WORKERS } from "./workers";

/**
 * No personal data in application logs (issue 6): after the whole e2e suite, the output of every app server the run
 * started (each worker's, and the spec-owned ones of actions.spec.ts and action-matrix.spec.ts, whose hostile and
 * matrix calls are logged too) must not contain any seeded person's or user's name or any demo e-mail address, nor
 * any of Prisma's error text: its "Invalid `prisma.x()` invocation" message quotes the call's arguments, so one in the
 * log means a database error escaped lib/db.ts's guard (lib/database-error.ts). Nor may any message be missing:
 * next-intl logs MISSING_MESSAGE when a component (a client one rendered on the server too) reads a key its provider
 * lacks, e.g. a page whose withClientMessages list leaves out a namespace, and the page would show the key.
 */
const PRISMA_ERROR_TEXT = /invocation|PrismaClient\w*Error|Invalid `[^`]*`/;
const MISSING_MESSAGE = /MISSING_MESSAGE[^\n]*/;

export default async function globalTeardown() {
  // Each worker's app server writes its log (they all start before the first test); CI always starts its own, so
  // every one must be there to be searched. A developer's reused local servers write none here.
  const missing = Array.from({ length: E2E_WORKERS }, (_, index) => appServer(index).logFile).filter((file) => !existsSync(file));
  if (missing.length > 0 && process.env.CI) throw new Error(`The e2e server logs are missing: ${missing.join(", ")}.`);
  if (missing.length === E2E_WORKERS) return;
  const logs = readdirSync(SERVER_LOG_DIRECTORY)
    .filter((name) => name.endsWith(".log"))
    .map((name) => path.join(SERVER_LOG_DIRECTORY, name));
  const names = [...GIVEN_NAMES.map(([name]) => name), ...FAMILY_NAMES, ...DEMO_USERS.flatMap((user) => [user.name, user.email])];
  let characters = 0;
  for (const file of logs) {
    const log = readFileSync(file, "utf8");
    characters += log.length;
    const found = [...new Set(names.filter((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u").test(log)))];
    if (found.length > 0) throw new Error(`Personal data in the application log (${file}): ${found.join(", ")}`);
    const prisma = PRISMA_ERROR_TEXT.exec(log);
    if (prisma) throw new Error(`Prisma's error text in the application log (${file}), which quotes a call's arguments: "${prisma[0]}"`);
    const missing = MISSING_MESSAGE.exec(log);
    if (missing) throw new Error(`A message missing from what a page provided (${file}): "${missing[0]}"`);
  }
  console.log(`Application logs (${logs.map((file) => path.basename(file)).join(", ")}) checked for ${names.length} seeded names and addresses and for Prisma's error text and missing messages: none found (${characters} characters).`);
}
