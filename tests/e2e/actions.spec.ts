import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { ACTIONS, PERSONAS, ROUTES, type ActionEntry, type Persona } from "@/lib/authz/registry";
import { actionForm, browserArguments, postAction, startIsolatedApp, tableCounts, type IsolatedApp } from "./support/actions-client";

/**
 * Every server action, called over HTTP exactly as the browser calls it (React's reply encoding, the action's id
 * from the build's server-reference manifest):
 * 1. as every persona, with hostile input; and
 * 2. property-based (fast-check) with malformed, oversized, wrong-typed and hostile input as a persona allowed to
 *    use it.
 * Each call must answer without a server error, never claim success, and leak no error text; and when all calls are
 * done not one row has been written. The app runs on its own server and database so other specs' writes don't count.
 */
const PORT = Number(process.env.E2E_ACTIONS_PORT ?? 3107);
const FUZZ_RUNS = 8;

// Field names the actions' schemas read (a superset: Zod ignores the rest).
const ID_FIELDS = ["detentionId", "referralId", "providerId", "consentId", "userId", "organizationId", "facilityId", "ownerId", "listId", "bondspersonId", "recipientOrgId", "officeId", "reviewId", "taskId", "noteId", "feedId", "screeningId", "grantId"];
const NUMBER_FIELDS = ["version", "planVersion", "detentionVersion", "spacesOpen", "spacesTotal", "amount", "page"];
const DATE_FIELDS = ["dateOfBirth", "detainedOn", "detainedAtTime", "startedDate", "startedTime", "concludedDate", "concludedTime", "dueOn", "givenAt", "interviewAt", "contactedOn", "revisitOn", "date", "time", "from", "to"];
const CHOICE_FIELDS = ["role", "kind", "gender", "schedule", "status", "category", "flag", "visibility", "method", "declineReason", "interviewMode", "outcome", "intent", "action", "active", "locale", "to", "grounds", "measures", "fields", "services", "servesGenders", "riskLevelsAccepted", "recommendedMeasures", "needs"];
const GROUNDS = ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR", "SECURITY_OR_CRIMINALITY_INVESTIGATION", "IDENTITY_NOT_ESTABLISHED", "DESIGNATED_FN_IDENTITY"];
const TEXT_FIELDS = [
  "name", "email", "password", "body", "message", "description", "details", "notes", "title", "purpose", "topic", "organizationName", "residenceAddress",
  "residenceDetails", "proposedConditions", "riskOpinion", "noInterviewReason", "declineDetails", "relationship", "location", "contactName", "contactEmail",
  "contactPhone", "phone", "languages", "interpreterLanguage", "interviewLanguage", "region", "reason", "citizenship", "clientId", "givenName", "familyName",
  "language", "timeZone", "previewDigest", "currentPassword", "newPassword", "confirmPassword", ...GROUNDS.flatMap((ground) => [`mitigation_${ground}`, `concern_${ground}`]),
];

const HOSTILE = ["<script>alert(1)</script>", "'; DROP TABLE \"User\"; --", "\" OR 1=1 --", "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "𝕏😀🏳️‍⚧️", "${7*7}", "../../etc/passwd", "%00", "\\u0000"];

/** Text that no field accepts: longer than any text field's limit (10,000), full of hostile content. */
const oversized = fc.constantFrom(...HOSTILE).chain((piece) => fc.integer({ min: 10_001, max: 12_000 }).map((length) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length)));
const wrongTyped = fc.oneof(
  fc.constantFrom("", " ", "NaN", "-1", "1e309", "0x1F", "[]", "{}", "null", "undefined", "true", "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "9999-99-99", "-2026-01-01", "275760-09-14", "0000-00-00", "24:61"),
  fc.string({ unit: "binary", maxLength: 40 }).filter((text) => !/^[0-9a-f-]{36}$/i.test(text)),
  fc.constantFrom(...HOSTILE),
);
const payloadArbitrary = fc.record(
  Object.fromEntries([
    ...ID_FIELDS.map((field) => [field, wrongTyped] as const),
    ...NUMBER_FIELDS.map((field) => [field, wrongTyped] as const),
    ...DATE_FIELDS.map((field) => [field, wrongTyped] as const),
    ...CHOICE_FIELDS.map((field) => [field, fc.oneof(wrongTyped, oversized)] as const),
    ...TEXT_FIELDS.map((field) => [field, oversized] as const),
  ]),
  // Any field may be missing; a text field that is present is always too long. Bodies stay under the 1 MB limit.
  { requiredKeys: [] },
);
const ONE_HOSTILE_PAYLOAD: Record<string, string> = Object.fromEntries([
  ...[...ID_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS, ...CHOICE_FIELDS].map((field) => [field, "<script>alert(1)</script>"]),
  ...TEXT_FIELDS.map((field) => [field, "'; DROP TABLE \"User\"; --".repeat(420)]),
]);

// Actions that take no input to refuse: with any payload they do their (harmless) job, so they are exempt from "no row written".
const NO_INPUT_ACTIONS = new Set(["createFeedAction", "revokeFeedAction", "setLocaleAction"]);
const LEAK = /\bat [\w.<>]+ \(|PrismaClient|Invalid `prisma|ECONNREFUSED|syntax error at|duplicate key|violates .* constraint|TypeError|ReferenceError/;

let app: IsolatedApp;
let calls = 0;

async function callAction(action: ActionEntry, persona: Persona, fields: Record<string, string>) {
  const { status, text, path } = await postAction(app, action, persona, browserArguments(action, actionForm(fields)));
  calls += 1;
  const label = `${action.name} as ${persona} on ${path}`;
  expect(status, `${label}: no server error`).toBeLessThan(500);
  expect(text, `${label}: never claims success with bad input`).not.toMatch(/"ok":true/);
  expect(text, `${label}: no error text leaks`).not.toMatch(LEAK);
  return { status, text };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startIsolatedApp({ databasePrefix: "liaison_actions", port: PORT, secret: "actions-secret-actions-secret-actions" });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a body over 1 MB is refused with 413, not a server error", async () => {
  const action = ACTIONS.find((entry) => entry.name === "createUserAction")!;
  const response = await postAction(app, action, "ADMIN", browserArguments(action, actionForm({ name: "x".repeat(1_100_000) })));
  expect(response.status).toBe(413);
});

test("an action called with something other than a form refuses it cleanly", async () => {
  for (const action of ACTIONS) {
    for (const args of [[], [null], ["not a form"], [{ name: "x" }, 42]]) {
      const response = await postAction(app, action, "ADMIN", args);
      expect(response.status, `${action.name} with ${JSON.stringify(args)}`).toBeLessThan(500);
      expect(response.text).not.toMatch(/"ok":true/);
    }
  }
});

test("a refusal says in words what is wrong with each field, a form's own messages before the shared ones", async () => {
  const call = async (name: string, fields: Record<string, string>) => {
    const action = ACTIONS.find((entry) => entry.name === name)!;
    const { result } = await postAction(app, action, "CLO_TORONTO", browserArguments(action, actionForm(fields)));
    return result as { ok: boolean; error?: string; fieldErrors?: Record<string, string> };
  };
  const summary = "Some answers need correcting.";
  // The review forms' own catalogue (reviewValidation).
  expect(await call("scheduleHearingAction", { detentionId: app.records.case, detentionVersion: "1", date: "10/06/2026", time: "10:00", location: "Room 2" })).toMatchObject({
    ok: false,
    error: summary,
    fieldErrors: { date: "Enter a date like 2026-06-10." },
  });
  // The assessment and plan forms' own catalogue (planValidation).
  expect(await call("saveAssessmentAction", { detentionId: app.records.case, version: "0", intent: "save", interview: "NOT_HELD", noInterviewReason: "" })).toMatchObject({
    ok: false,
    error: summary,
    fieldErrors: { noInterviewReason: "Explain why no interview was possible." },
  });
  // The shared catalogue (validation), by the kind of problem.
  const tooLong = await call("addNoteAction", { detentionId: app.records.case, body: "x".repeat(20_001), visibility: "CASE_TEAM" });
  expect(tooLong).toMatchObject({ ok: false, error: summary, fieldErrors: { body: "This is too long." } });
});

test("every action, as every persona and under fuzzing, refuses bad input without a server error or a single row written", async () => {
  test.setTimeout(600_000);
  const before = await tableCounts(app.databaseUrl);
  const checked = ACTIONS.filter((action) => !NO_INPUT_ACTIONS.has(action.name));
  const personas = Object.keys(PERSONAS) as Persona[];

  for (const action of checked) {
    for (const persona of personas) await callAction(action, persona, ONE_HOSTILE_PAYLOAD);
  }
  for (const action of checked) {
    const persona = action.allowed.find((who) => who !== "SIGNED_OUT") ?? "ADMIN";
    await fc.assert(
      fc.asyncProperty(payloadArbitrary, async (payload) => {
        await callAction(action, persona, payload as Record<string, string>);
      }),
      { numRuns: FUZZ_RUNS, seed: 20261124, endOnFailure: true },
    );
  }

  expect(await tableCounts(app.databaseUrl), "no row written by any refused call").toEqual(before);
  console.log(`Actions: ${checked.length} actions × ${personas.length} personas + ${FUZZ_RUNS} fuzz cases each = ${calls} calls, 0 server errors, 0 rows written.`);

  // The actions that need no input still answer hostile calls without a server error.
  for (const action of ACTIONS.filter((entry) => NO_INPUT_ACTIONS.has(entry.name))) {
    for (const persona of personas) {
      const response = await postAction(app, action, persona, browserArguments(action, actionForm(ONE_HOSTILE_PAYLOAD)));
      expect(response.status, `${action.name} as ${persona}`).toBeLessThan(500);
      expect(response.text).not.toMatch(LEAK);
    }
  }
});

test("every route handler answers hostile query strings and paths without a server error", async () => {
  const query = fc.dictionary(fc.constantFrom("table", "from", "to", "officeId", "groupBy", "actor", "caseReference", "action", "page", "token"), fc.oneof(wrongTyped, fc.constantFrom(...HOSTILE)), { maxKeys: 5 });
  let requests = 0;
  for (const route of ROUTES) {
    for (const persona of ["SIGNED_OUT", "SUPERVISOR_TORONTO", "ADMIN"] as Persona[]) {
      await fc.assert(
        fc.asyncProperty(query, fc.constantFrom(...HOSTILE, "x".repeat(5000)), async (params, segment) => {
          const base = route.url.split("?")[0]!;
          const url = route.url.startsWith("/api/calendar/") ? `/api/calendar/${encodeURIComponent(segment)}` : base;
          const cookie = app.cookies.get(persona);
          const response = await fetch(`${app.base}${url}?${new URLSearchParams(params)}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
          requests += 1;
          expect(response.status, `${url} as ${persona}`).toBeLessThan(500);
          expect(await response.text()).not.toMatch(LEAK);
        }),
        { numRuns: FUZZ_RUNS, seed: 20261124, endOnFailure: true },
      );
    }
  }
  console.log(`Route handlers: ${requests} hostile requests, 0 server errors.`);
});
