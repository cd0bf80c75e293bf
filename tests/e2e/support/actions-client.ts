import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PERSONAS, type ActionEntry, type Persona } from "@/tests/support/access-registry";
import { createTemporaryDatabase } from "@/tests/support/database";
import { signInOverHttp } from "@/tests/support/http-session";
import { ensureProductionBuild, ROOT, spawnNext } from "@/scripts/support/next-server";
import { SERVER_LOG_DIRECTORY } from "../server-log";

/**
 * Server actions called over HTTP exactly as the browser calls them: React's reply encoding, the action's id from
 * the build's server-reference manifest, posted to a page that renders the action. Shared by actions.spec.ts
 * (hostile input) and action-matrix.spec.ts (valid input, every persona), each against an app of its own.
 */
const requireFromHere = createRequire(__filename);
export const { encodeReply } = requireFromHere("next/dist/compiled/react-server-dom-turbopack/client.node") as { encodeReply: (value: unknown) => Promise<FormData | string> };

type Manifest = Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;

/**
 * The records the registry's personas are defined against (tests/support/access-registry.ts): CASE, a Toronto detention
 * whose counsel of record is counsel.clinic; REFERRAL, a referral sent, with consent in force, to Harbour House
 * about a Toronto detention; PROVIDER, Rainbow Newcomer Network. The case's reference and family name are what
 * would name it if it leaked.
 */
export type MatrixRecords = { case: string; referral: string; provider: string; user: string; complaint: string; caseReference: string; caseFamilyName: string };

export async function findMatrixRecords(databaseUrl: string): Promise<MatrixRecords> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = (
      await client.query(`SELECT d.id, d.reference, p."familyName" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "User" c ON c.id = p."counselId" JOIN "Organization" o ON o.id = d."officeId"
                          WHERE c.email = $1 AND o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' ORDER BY d.reference LIMIT 1`, [PERSONAS.COUNSEL_OF_RECORD])
    ).rows[0];
    const referral = (
      await client.query(`SELECT r.id FROM "Referral" r JOIN "ServiceProvider" sp ON sp.id = r."providerId" JOIN "Organization" po ON po.id = sp."organizationId"
                          JOIN "Consent" c ON c.id = r."consentId" JOIN "Detention" d ON d.id = r."detentionId" JOIN "Organization" o ON o.id = d."officeId"
                          WHERE po.name = 'Harbour House Women''s Shelter' AND r.status NOT IN ('DRAFT') AND c."withdrawnAt" IS NULL AND o.name = 'CBSA Greater Toronto Area Region'
                          ORDER BY r."sentAt" LIMIT 1`)
    ).rows[0];
    const provider = (await client.query(`SELECT sp.id FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId" WHERE o.name = 'Rainbow Newcomer Network'`)).rows[0];
    const user = (await client.query(`SELECT id FROM "User" WHERE email = 'clo2.toronto@liaison.example'`)).rows[0];
    const complaint = (
      await client.query(`SELECT cm.id FROM "Complaint" cm JOIN "User" u ON u.id = cm."filedById" WHERE u.email = $1 AND cm."detentionId" = $2 ORDER BY cm.reference LIMIT 1`, [PERSONAS.COUNSEL_OF_RECORD, found?.id])
    ).rows[0];
    if (!found || !referral || !provider || !user || !complaint) throw new Error("The demo data has no record for one of the registry's personas (case, referral, provider, user or complaint).");
    return { case: found.id, referral: referral.id, provider: provider.id, user: user.id, complaint: complaint.id, caseReference: found.reference, caseFamilyName: found.familyName };
  } finally {
    await client.end();
  }
}

/** An app of the spec's own: a fresh database seeded with the demo data, the production build on its own port, every persona signed in. */
export type IsolatedApp = {
  base: string;
  databaseUrl: string;
  manifest: Manifest;
  records: MatrixRecords;
  cookies: Map<Persona, string>;
  stop: () => Promise<void>;
};

export async function startIsolatedApp(options: { databasePrefix: string; port: number; secret: string }): Promise<IsolatedApp> {
  const base = `http://127.0.0.1:${options.port}`;
  const database = await createTemporaryDatabase(options.databasePrefix);
  let server: ReturnType<typeof spawnNext> | undefined;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.drop();
  };
  try {
    // Playwright cannot load the generated Prisma client inside a spec: the seed runs in a child process.
    const prepared = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "tests/e2e/prepare-database.ts"), database.url], { cwd: ROOT, encoding: "utf8" });
    if (prepared.status !== 0) throw new Error(`Preparing the database failed: ${prepared.stderr}`);
    ensureProductionBuild();
    const manifest = JSON.parse(readFileSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8")).node as Manifest;
    // Its output goes to a log of its own beside the main server's: tests/e2e/global-teardown.ts searches every log
    // there for personal data and Prisma's error text, the hostile-input run's included.
    mkdirSync(SERVER_LOG_DIRECTORY, { recursive: true });
    const logFile = path.join(SERVER_LOG_DIRECTORY, `${options.databasePrefix}-${options.port}.log`);
    writeFileSync(logFile, "");
    // No job runner here: its reminders are written on its own clock, and the action matrix compares every row of the
    // database before and after each call (the main e2e server runs the jobs).
    server = spawnNext({ dev: false, port: options.port, logFile, env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: options.secret, NEXTAUTH_URL: base, LIAISON_JOBS: "off" } });
    await waitUntilServing(`${base}/sign-in`, 60_000);
    const records = await findMatrixRecords(database.url);
    const cookies = new Map<Persona, string>();
    for (const [persona, email] of Object.entries(PERSONAS) as [Persona, string | null][]) {
      if (email) cookies.set(persona, await signInOverHttp(base, email));
    }
    return { base, databaseUrl: database.url, manifest, records, cookies, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = (await fetch(url).catch(() => null))?.status ?? 0;
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s.`);
}

/**
 * The page an action is posted to: actions are served by the routes that render them, so the shortest one, with
 * the matrix's records in its dynamic segments. A signed-out visitor posts from a public page when the action has
 * one (the language switcher on sign-in): the proxy sends them to sign-in from any other.
 */
export function pathFor(app: Pick<IsolatedApp, "manifest" | "records">, action: ActionEntry, options: { persona?: Persona; at?: Partial<MatrixRecords> } = {}): { id: string; path: string } {
  const entry = Object.entries(app.manifest).find(([, value]) => value.filename === action.file && value.exportedName === action.name);
  if (!entry) throw new Error(`${action.file}#${action.name} is not in the build's server-reference manifest`);
  const [id, value] = entry;
  const routes = Object.keys(value.workers).sort((a, b) => a.length - b.length);
  const publicRoute = options.persona === "SIGNED_OUT" ? routes.find((route) => route.startsWith("app/(public)/")) : undefined;
  const records = { ...app.records, ...options.at };
  const path = (publicRoute ?? routes[0]!)
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/cases\/\[id\]/, `/cases/${records.case}`)
    .replace(/\/providers\/\[id\]/, `/providers/${records.provider}`)
    .replace(/\/referrals\/\[id\]/, `/referrals/${records.referral}`)
    .replace(/\/admin\/users\/\[id\]/, `/admin/users/${records.user}`)
    .replace(/\/complaints\/\[id\]/, `/complaints/${records.complaint}`);
  return { id, path: path || "/" };
}

/** Form fields; a list is a repeated field (checkboxes, multi-selects). */
export type ActionFields = Record<string, string | readonly string[]>;

export function actionForm(fields: ActionFields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(name, value);
    else for (const item of value) form.append(name, item);
  }
  return form;
}

// Bound to a plain <form action={…}> (components/shell/locale-switcher.tsx), the browser sends the form alone;
// every other action is used through useActionState, which sends the previous state first.
const PLAIN_FORM_ACTIONS = new Set(["setLocaleAction"]);

/** The arguments the browser sends to the action when its form is submitted. */
export function browserArguments(action: ActionEntry, form: FormData): unknown[] {
  return PLAIN_FORM_ACTIONS.has(action.name) ? [form] : [null, form];
}

export type ActionResponse = {
  status: number;
  text: string;
  /** The action's return value, when the response carries one. */
  result: unknown;
  /** Where the action redirected the browser (`redirect()` in the action), if it did. */
  actionRedirect: string | null;
  /** An HTTP redirect (the proxy's, to sign-in). */
  location: string | null;
  setCookies: string[];
};

/** Posts the arguments to the action as `persona`, as React's client does. */
export async function postAction(
  app: Pick<IsolatedApp, "base" | "manifest" | "records" | "cookies">,
  action: ActionEntry,
  persona: Persona,
  args: unknown[],
  options: { at?: Partial<MatrixRecords>; cookie?: string } = {},
): Promise<ActionResponse & { path: string }> {
  const { id, path } = pathFor(app, action, { persona, at: options.at });
  const cookie = options.cookie ?? app.cookies.get(persona);
  const response = await fetch(`${app.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", ...(cookie ? { cookie } : {}) },
    body: await encodeReply(args),
  });
  const text = await response.text();
  return {
    path,
    status: response.status,
    text,
    result: actionResult(text),
    actionRedirect: response.headers.get("x-action-redirect"),
    location: response.headers.get("location"),
    setCookies: response.headers.getSetCookie(),
  };
}

/**
 * The action's return value from a React Server Components response: row 0 names the row holding it ("a":"$@1").
 * Undefined when there is none (a redirect, or a response that is not the action's).
 */
export function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const reference = typeof head?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
    const row = reference ? rows.get(reference) : undefined;
    if (row === undefined) return undefined;
    const value = JSON.parse(row) as unknown;
    return value === "$undefined" ? undefined : value;
  } catch {
    return undefined;
  }
}

/** The public tables of the app's database (Prisma's own bookkeeping left out). */
async function publicTables(client: pg.Client): Promise<string[]> {
  return (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows.map((row) => row.tablename as string);
}

/** How many rows each table holds. */
export async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await publicTables(client)) counts[table] = Number((await client.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * Each table's row count and a digest of every row's content, leaving out the named columns. Two equal states
 * mean not one row was added, removed or changed (versions and updatedAt included).
 */
export async function tableContents(client: pg.Client, ignoredColumns: readonly string[]): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await publicTables(client);
  const ignored = ignoredColumns.map((column) => ` - '${column.replaceAll("'", "''")}'`).join("");
  const query = tables
    .map((table) => `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest FROM (SELECT (to_jsonb(t)${ignored})::text AS r FROM "${table}" t) s`)
    .join(" UNION ALL ");
  const contents: Record<string, { rows: number; digest: string }> = {};
  for (const row of (await client.query(query)).rows) contents[row.name as string] = { rows: row.rows as number, digest: row.digest as string };
  return contents;
}
