import { expect, test } from "./fixtures";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createTemporaryDatabase } from "@/tests/support/database";
import { postCredentials, signInOverHttp } from "@/tests/support/http-session";
import { ensureProductionBuild, ROOT, spawnNext } from "@/scripts/support/next-server";
import { assembleStandalone } from "@/scripts/support/standalone";
import { SERVER_LOG_DIRECTORY } from "./server-log";
import { e2ePort } from "./workers";

/**
 * A deployment as docs/deploy.md describes it, on one machine: one PostgreSQL database, migrated by the image's own
 * release step, and two app servers in front of it over real HTTP.
 * - "standalone": the standalone build run exactly as the Dockerfile's CMD runs it (`node app-server.js` in the
 *   folder the image ships, with only the image's environment), here with two worker processes (WEB_CONCURRENCY=2);
 * - "peer": the app server of `npm start` (scripts/support/app-server.ts through spawnNext), a second instance.
 * The first test is the image's smoke test; the others show that a session and sign-in throttling are the same on
 * every process, since they live in PostgreSQL, not in a process's memory.
 */
test.describe.configure({ mode: "serial" });

const SECRET = "deploy-secret-deploy-secret-deploy-0001";
const DEMO_PASSWORD = "Liaison-demo-2026";

let build: ReturnType<typeof assembleStandalone> | undefined;
let database: Awaited<ReturnType<typeof createTemporaryDatabase>> | undefined;
const servers: ChildProcess[] = [];
let standalone = "";
let peer = "";
let caseId = "";
let caseReference = "";

async function waitUntilServing(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server for ${base} exited (code ${server.exitCode}): see its log in .e2e-logs/.`);
    if ((await fetch(`${base}/sign-in`).catch(() => null))?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base} did not answer within 90 s.`);
}

/** A fresh log file beside the main servers': tests/e2e/global-teardown.ts searches it for personal data. */
function logFile(name: string): string {
  mkdirSync(SERVER_LOG_DIRECTORY, { recursive: true });
  const file = path.join(SERVER_LOG_DIRECTORY, `${name}.log`);
  writeFileSync(file, "");
  return file;
}

test.beforeAll(async ({}, testInfo) => {
  // A build, when none is current, takes minutes on a busy machine; the two servers start in well under a minute.
  testInfo.setTimeout(600_000);
  const standalonePort = e2ePort("standalone", testInfo.parallelIndex);
  const peerPort = e2ePort("peer", testInfo.parallelIndex);
  standalone = `http://127.0.0.1:${standalonePort}`;
  peer = `http://127.0.0.1:${peerPort}`;
  database = await createTemporaryDatabase("liaison_deploy");

  ensureProductionBuild();
  build = assembleStandalone();
  // The image's release step: its own migration runner, with nothing but the folder the image ships.
  const migrated = spawnSync(process.execPath, [build.migrate], { cwd: build.directory, encoding: "utf8", env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: database.url } });
  expect(migrated.status, migrated.stderr).toBe(0);
  expect(migrated.stdout).toMatch(/Applied \d+ migration\(s\)/);
  // The demo data (the image has no seed: a real deployment never has demo accounts). Its migrations are all applied.
  const seeded = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "tests/e2e/prepare-database.ts"), database.url], { cwd: ROOT, encoding: "utf8" });
  expect(seeded.status, seeded.stderr).toBe(0);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const row = (
      await client.query<{ id: string; reference: string }>(
        `SELECT d.id, d.reference FROM "Detention" d JOIN "Organization" o ON o.id = d."officeId" WHERE o.name = 'CBSA Greater Toronto Area Region' AND d.status = 'DETAINED' ORDER BY d.reference LIMIT 1`,
      )
    ).rows[0];
    if (!row) throw new Error("The demo data has no detained Toronto case.");
    caseId = row.id;
    caseReference = row.reference;
  } finally {
    await client.end();
  }

  // As the Dockerfile's CMD, in the image's environment only (its ENV lines, and what a deployment sets).
  const log = openSync(logFile(`deploy-standalone-${standalonePort}`), "a");
  const image = spawn(process.execPath, [build.server, "--hostname", "127.0.0.1"], {
    cwd: build.directory,
    stdio: ["ignore", log, log],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(standalonePort),
      WEB_CONCURRENCY: "2",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: standalone,
    },
  });
  servers.push(image);
  const second = spawnNext({ dev: false, port: peerPort, logFile: logFile(`deploy-peer-${peerPort}`), env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: peer, LIAISON_JOBS: "off" } });
  servers.push(second);
  await Promise.all([waitUntilServing(standalone, image), waitUntilServing(peer, second)]);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(async (server) => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }),
  );
  await database?.drop();
});

test("the standalone build, run as the image runs it, serves pages with their security headers, signs in and serves static files", async () => {
  const signInPage = await fetch(`${standalone}/sign-in`);
  expect(signInPage.status).toBe(200);
  const policy = signInPage.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, "a CSP with a per-request nonce").toBeTruthy();
  expect(signInPage.headers.get("x-content-type-options")).toBe("nosniff");
  const html = await signInPage.text();
  expect(html).toContain(`nonce="${nonce}"`);
  // Another request, another nonce.
  const again = (await fetch(`${standalone}/sign-in`)).headers.get("content-security-policy") ?? "";
  expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);

  // The build's static files (copied beside the server by scripts/support/standalone.ts) and public/.
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, "the sign-in page loads a script from /_next/static").toBeTruthy();
  const asset = await fetch(`${standalone}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("content-type")).toContain("javascript");
  expect(asset.headers.get("cache-control")).toContain("immutable");
  expect((await fetch(`${standalone}/robots.txt`)).status).toBe(200);

  // Sign-in over HTTP, then a data page.
  const cookie = await signInOverHttp(standalone, "clo.toronto@liaison.example");
  const casePage = await fetch(`${standalone}/cases/${caseId}`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(casePage.status).toBe(200);
  expect(await casePage.text()).toContain(caseReference);
});

test("a session opened on one server is honoured on the other, and ending it there ends it everywhere", async () => {
  const cookie = await signInOverHttp(standalone, "clo.toronto@liaison.example");
  const onPeer = await fetch(`${peer}/cases/${caseId}`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(onPeer.status).toBe(200);
  expect(await onPeer.text()).toContain(caseReference);

  // Sign out on the peer (a write: the session is revoked in PostgreSQL), as the browser's sign-out form posts it.
  const csrfResponse = await fetch(`${peer}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  const signedOut = await fetch(`${peer}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${cookie}; ${csrfCookie}` },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(signedOut.status).toBeLessThan(400);

  // The standalone server (either of its workers) no longer accepts the cookie it issued.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const refused = await fetch(`${standalone}/cases/${caseId}`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(refused.status).not.toBe(200);
    expect(refused.headers.get("location") ?? "").toContain("/sign-in");
  }
});

test("sign-in throttling counts the failures made on every server, whatever X-Forwarded-For says", async () => {
  const email = `deploy.throttle.${Date.now()}@liaison.example`;
  const attempt = async (base: string, index: number) => {
    const response = await postCredentials(base, email, "wrong-password-guess", { "X-Forwarded-For": `203.0.113.${index}` });
    const url = response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
    return new URL(url, base).searchParams.get("error");
  };
  // Five free failures (lib/auth/throttle.ts, PAIR_POLICY), spread over the two servers.
  for (const [index, base] of [standalone, peer, standalone, peer, standalone].entries()) {
    expect(await attempt(base, index + 1)).toBe("CredentialsSignin");
  }
  // The sixth waits, on either server.
  expect(await attempt(peer, 6)).toBe("THROTTLED");
  expect(await attempt(standalone, 7)).toBe("THROTTLED");
  // Only that account from that address: another account at the same address signs in on both.
  expect(await signInOverHttp(peer, "clo2.toronto@liaison.example", DEMO_PASSWORD)).toMatch(/^liaison\.session=/);
  expect(await signInOverHttp(standalone, "clo2.toronto@liaison.example", DEMO_PASSWORD)).toMatch(/^liaison\.session=/);
});

test("the image's job runner alone (node worker.js) starts against the database and stops on SIGTERM", async () => {
  const worker = spawn(process.execPath, [build!.worker], {
    cwd: build!.directory,
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: database!.url, NEXTAUTH_SECRET: SECRET },
  });
  let output = "";
  worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
  await expect.poll(() => output, { timeout: 30_000 }).toContain("Liaison worker: running");
  worker.kill("SIGTERM");
  expect(await exited, output).toBe(0);
});
