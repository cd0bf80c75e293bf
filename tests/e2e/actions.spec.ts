import fc from "fast-check";
import pg from "pg";
import { expect, test } from "./fixtures";
import { ACTIONS, PERSONAS, ROUTES, type ActionEntry, type Persona } from "@/tests/support/access-registry";
import { e2ePort } from "./workers";
import { actionForm, browserArguments, pathFor, postAction, startIsolatedApp, tableCounts, type ActionFields, type IsolatedApp } from "./support/actions-client";

/**
 * Every server action, called over HTTP exactly as the browser calls it (React's reply encoding, the action's id
 * from the build's server-reference manifest):
 * 1. as every persona, with hostile input; and
 * 2. property-based (fast-check) with malformed, oversized, wrong-typed and hostile input as a persona allowed to
 *    use it.
 * Each call must answer without a server error, never claim success, and leak no error text; and when all calls are
 * done not one row has been written. The app runs on its own server and database so other specs' writes don't count.
 */
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
const NO_INPUT_ACTIONS = new Set(["createFeedAction", "revokeFeedAction", "setLocaleAction", "markAllNotificationsReadAction"]);
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

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(180_000);
  // A port of this worker's own (tests/e2e/workers.ts).
  app = await startIsolatedApp({ databasePrefix: "liaison_actions", port: e2ePort("actions", testInfo.parallelIndex), secret: "actions-secret-actions-secret-actions" });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a body over 1 MB is refused with 413, not a server error", async () => {
  const action = ACTIONS.find((entry) => entry.name === "createUserAction")!;
  const response = await postAction(app, action, "ADMIN", browserArguments(action, actionForm({ name: "x".repeat(1_100_000) })));
  expect(response.status).toBe(413);
});

test("a chunked body over 1 MB (no Content-Length to read) is refused with 413, not a server error", async () => {
  const action = ACTIONS.find((entry) => entry.name === "addNoteAction")!;
  const { id, path } = pathFor(app, action, { persona: "CLO_TORONTO" });
  const piece = new TextEncoder().encode(`0:${JSON.stringify("x".repeat(64 * 1024))}\n`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent > 1_200_000) return controller.close();
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  const response = await fetch(`${app.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", cookie: app.cookies.get("CLO_TORONTO")! },
    body,
    duplex: "half",
  } as RequestInit);
  expect(response.headers.get("content-length"), "the request was chunked").toBeNull();
  expect(response.status).toBe(413);
});

test("malformed multipart and JSON action bodies get 400, not a server error, and write nothing", async () => {
  const action = ACTIONS.find((entry) => entry.name === "addNoteAction")!;
  const { id, path } = pathFor(app, action, { persona: "CLO_TORONTO" });
  const before = await tableCounts(app.databaseUrl);
  const boundary = "----liaisonHostileBoundary";
  const cases: { label: string; contentType: string; body: string | Uint8Array; fetchAction?: boolean }[] = [
    { label: "multipart cut off before its closing boundary", contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null` },
    { label: "multipart without any part", contentType: `multipart/form-data; boundary=${boundary}`, body: "not multipart at all" },
    { label: "multipart whose boundary is not the declared one", contentType: `multipart/form-data; boundary=${boundary}`, body: `--other\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--other--\r\n` },
    { label: "multipart whose arguments row is not JSON", contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,{"a":\r\n--${boundary}--\r\n` },
    { label: "JSON cut off", contentType: "text/plain;charset=UTF-8", body: `[null,{"detentionId":` },
    { label: "not JSON at all", contentType: "text/plain;charset=UTF-8", body: "<script>alert(1)</script>" },
    { label: "bytes that are not UTF-8", contentType: "text/plain;charset=UTF-8", body: new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]) },
    { label: "a form posted without JavaScript, cut off", contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${id}"\r\n\r\n`, fetchAction: false },
  ];
  for (const hostile of cases) {
    const response = await fetch(`${app.base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...(hostile.fetchAction === false ? {} : { "Next-Action": id }), Accept: "text/x-component", "Content-Type": hostile.contentType, cookie: app.cookies.get("CLO_TORONTO")! },
      body: hostile.body as BodyInit,
    });
    expect(response.status, hostile.label).toBe(400);
    expect(await response.text(), hostile.label).not.toMatch(LEAK);
  }
  expect(await tableCounts(app.databaseUrl), "no row written").toEqual(before);
});

/**
 * Otherwise valid forms, one per action with a date, time or text field, built from the spec's database: a bad value
 * put in one field must be refused by name, with no other field in question, before anything reaches the database.
 * Before the shared date and text schemas (lib/validation/), 1990-13-01 passed \d{4}-\d{2}-\d{2} and NUL passed
 * every text schema: each reached PostgreSQL and came back as a 500 whose log quoted the whole call.
 */
async function validForms(): Promise<{ action: string; persona: Persona; fields: ActionFields; dates: string[]; times: string[]; dateTimes: string[]; texts: string[] }[]> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as Record<string, string | number>;
    const detention = await one(`SELECT d.version, d."facilityId", f."timeZone", d."officeId" FROM "Detention" d JOIN "Facility" f ON f.id = d."facilityId" WHERE d.id = $1`, [app.records.case]);
    const assessment = (await client.query(`SELECT version FROM "Assessment" WHERE "detentionId" = $1`, [app.records.case])).rows[0] as { version: number } | undefined;
    const harbour = await one(`SELECT sp."organizationId" FROM "Referral" r JOIN "ServiceProvider" sp ON sp.id = r."providerId" WHERE r.id = $1`, [app.records.referral]);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const caseId = app.records.case;
    const version = String(detention.version);
    return [
      {
        action: "createDetentionAction", persona: "CLO_TORONTO",
        fields: { facilityId: String(detention.facilityId), detainedOn: day(-2), detainedAtTime: "09:00", grounds: ["UNLIKELY_TO_APPEAR"], schedule: "STANDARD", givenName: "Hostile", familyName: "Input", dateOfBirth: "1990-05-17", gender: "UNDISCLOSED", languages: "English", interpreterLanguage: "", citizenship: "MEX", clientId: "HOSTILE-1" },
        dates: ["detainedOn", "dateOfBirth"], times: ["detainedAtTime"], dateTimes: [], texts: ["givenName", "familyName", "languages", "interpreterLanguage", "clientId"],
      },
      { action: "setNoProspectAction", persona: "CLO_TORONTO", fields: { detentionId: caseId, version, reason: "Awaiting documents.", revisitOn: day(14) }, dates: ["revisitOn"], times: [], dateTimes: [], texts: ["reason"] },
      {
        action: "correctPersonAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, detaineeVersion: "1", givenName: "Hostile", familyName: "Input", dateOfBirth: "1990-05-17", gender: "UNDISCLOSED", languages: "English", interpreterLanguage: "", citizenship: "MEX", clientId: "HOSTILE-2", reason: "Typed wrongly." },
        dates: ["dateOfBirth"], times: [], dateTimes: [], texts: ["givenName", "familyName", "languages", "interpreterLanguage", "clientId", "reason"],
      },
      {
        action: "correctDetentionAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, version, facilityId: String(detention.facilityId), detainedOn: day(-2), detainedAtTime: "09:00", grounds: ["UNLIKELY_TO_APPEAR"], schedule: "STANDARD", reason: "Typed wrongly." },
        dates: ["detainedOn"], times: ["detainedAtTime"], dateTimes: [], texts: ["reason"],
      },
      {
        action: "createTaskAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, category: "OTHER", title: "Call the shelter", description: "Ask about a bed.", ownerId: "", dueOn: day(3), status: "OPEN", outcome: "Pending." },
        dates: ["dueOn"], times: [], dateTimes: [], texts: ["title", "description", "outcome"],
      },
      { action: "addNoteAction", persona: "CLO_TORONTO", fields: { detentionId: caseId, visibility: "CASE_TEAM", body: "Spoke with the family." }, dates: [], times: [], dateTimes: [], texts: ["body"] },
      {
        action: "saveAssessmentAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, version: String(assessment?.version ?? 0), intent: "save", interview: "HELD", interviewAt: `${day(-1)}T10:00`, interviewMode: "IN_PERSON", interviewLanguage: "Spanish", riskOpinion: "Low risk.", noInterviewReason: "" },
        dates: [], times: [], dateTimes: ["interviewAt"], texts: ["interviewLanguage", "riskOpinion"],
      },
      { action: "recordTransferAction", persona: "CLO_TORONTO", fields: { detentionId: caseId, version, toFacilityId: String(detention.facilityId), transferredOn: day(-1), transferredAtTime: "10:00" }, dates: ["transferredOn"], times: ["transferredAtTime"], dateTimes: [], texts: [] },
      { action: "scheduleHearingAction", persona: "CLO_TORONTO", fields: { detentionId: caseId, detentionVersion: version, date: day(5), time: "10:00", location: "Room 2" }, dates: ["date"], times: ["time"], dateTimes: [], texts: ["location"] },
      {
        action: "recordReviewAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, detentionVersion: version, startedDate: day(-1), startedTime: "10:00", concludedDate: day(-1), concludedTime: "11:00", outcome: "CONTINUED", notes: "Continued." },
        dates: ["startedDate", "concludedDate"], times: ["startedTime", "concludedTime"], dateTimes: [], texts: ["notes"],
      },
      {
        action: "recordConsentAction", persona: "CLO_TORONTO",
        fields: { detentionId: caseId, recipientOrgId: String(harbour.organizationId), purpose: "Referral for housing", fields: ["IDENTITY"], method: "VERBAL_WITH_INTERPRETER", interpreterLanguage: "Spanish", givenAt: `${day(-1)}T10:00` },
        dates: [], times: [], dateTimes: ["givenAt"], texts: ["purpose", "interpreterLanguage"],
      },
      {
        action: "createOutreachContactAction", persona: "CLO_TORONTO",
        fields: { providerId: "", organizationName: "Community Centre", contactedOn: day(-1), topic: "Beds", outcome: "Two beds free.", nextStep: "Call back", nextStepDueOn: day(2) },
        dates: ["contactedOn", "nextStepDueOn"], times: [], dateTimes: [], texts: ["organizationName", "topic", "outcome", "nextStep"],
      },
      { action: "postReferralMessageAction", persona: "CLO_TORONTO", fields: { referralId: app.records.referral, body: "Any news?" }, dates: [], times: [], dateTimes: [], texts: ["body"] },
      { action: "addCounselNoteAction", persona: "COUNSEL_OF_RECORD", fields: { detentionId: caseId, body: "Hearing strategy." }, dates: [], times: [], dateTimes: [], texts: ["body"] },
      { action: "createResourceListAction", persona: "CLO_TORONTO", fields: { name: "Shelters", description: "Beds this week.", topic: "GENERAL", sharing: "OFFICE" }, dates: [], times: [], dateTimes: [], texts: ["name", "description"] },
      { action: "createOrganizationAction", persona: "ADMIN", fields: { name: "Hostile Org", kind: "OTHER_NGO", region: "Greater Toronto Area", timeZone: "America/Toronto" }, dates: [], times: [], dateTimes: [], texts: ["name", "region", "timeZone"] },
      {
        action: "createUserAction", persona: "ADMIN",
        fields: { name: "Hostile Account", email: "hostile.account@liaison.example", role: "CLO", organizationId: String(detention.officeId), password: "Lantern-Quay-Orchard-7291" },
        dates: [], times: [], dateTimes: [], texts: ["name"],
      },
    ];
  } finally {
    await client.end();
  }
}

test("a date that is not on the calendar, or NUL in a text, is refused by name and reaches no database: no 500, no row", async () => {
  test.setTimeout(300_000);
  const before = await tableCounts(app.databaseUrl);
  const forms = await validForms();
  const substitutions = (form: Awaited<ReturnType<typeof validForms>>[number]) => [
    ...form.dates.flatMap((field) => ["1990-13-01", "2023-02-29", "2024-02-30", "0000-00-00"].map((value) => [field, value] as const)),
    ...form.times.flatMap((field) => ["24:00", "12:60"].map((value) => [field, value] as const)),
    ...form.dateTimes.flatMap((field) => ["1990-13-01T10:00", "2023-02-29T10:00", "2024-02-30T25:00"].map((value) => [field, value] as const)),
    ...form.texts.flatMap((field) => ["Text with NUL\u0000inside", "\u0000", "Bell\u0007and escape\u001b[31m"].map((value) => [field, value] as const)),
  ];
  let refused = 0;
  for (const form of forms) {
    const action = ACTIONS.find((entry) => entry.name === form.action)!;
    for (const [field, value] of substitutions(form)) {
      const { status, text, result } = await postAction(app, action, form.persona, browserArguments(action, actionForm({ ...form.fields, [field]: value })));
      const label = `${form.action} with ${field}=${JSON.stringify(value)}`;
      expect(status, `${label}: no server error`).toBeLessThan(500);
      expect(text, `${label}: no error text leaks`).not.toMatch(LEAK);
      expect(result, `${label}: refused, naming only that field`).toMatchObject({ ok: false });
      expect(Object.keys((result as { fieldErrors?: Record<string, string> }).fieldErrors ?? {}), label).toEqual([field]);
      refused += 1;
    }
  }
  expect(await tableCounts(app.databaseUrl), "no row written by any refused call").toEqual(before);
  console.log(`Dates and control characters: ${refused} calls over ${forms.length} forms, each refused by field, 0 server errors, 0 rows written.`);
});

test("a hostile callbackUrl never redirects off the origin nor makes a server error, signed in or out", async () => {
  const hostile = ["/%09/evil.example/", "/%0A/evil.example/", "/%0D/evil.example/", "/%0D%0ASet-Cookie:%20x=1", "//evil.example/", "/%5Cevil.example", "https://evil.example/", "javascript:alert(1)", "/.//evil.example/", "/%00"];
  for (const persona of ["SIGNED_OUT", "CLO_TORONTO", "ADMIN"] as Persona[]) {
    const cookie = app.cookies.get(persona);
    for (const value of hostile) {
      const response = await fetch(`${app.base}/sign-in?callbackUrl=${value}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const label = `${value} as ${persona}`;
      expect(response.status, `${label}: no server error`).toBeLessThan(500);
      const location = response.headers.get("location");
      if (location !== null) expect(new URL(location, app.base).origin, `${label}: stays on the origin`).toBe(new URL(app.base).origin);
      if (location !== null) expect(location, label).not.toMatch(/evil|^\/\/|[\t\r\n]/);
      // Signed in: sent on at once (to the home page, as none of these is a path of the app).
      if (persona !== "SIGNED_OUT") expect(location, `${label}: redirected home`).not.toBeNull();
    }
  }
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
    fieldErrors: { date: "Enter the hearing date as a real date, for example 2026-06-10." },
  });
  // The assessment and plan forms' own catalogue (planValidation).
  expect(await call("saveAssessmentAction", { detentionId: app.records.case, version: "0", intent: "save", interview: "NOT_HELD", noInterviewReason: "" })).toMatchObject({
    ok: false,
    error: summary,
    fieldErrors: { noInterviewReason: "Explain why no interview was possible." },
  });
  // The shared catalogue (validation): the kind of problem, worded with the field's name.
  const tooLong = await call("addNoteAction", { detentionId: app.records.case, body: "x".repeat(20_001), visibility: "CASE_TEAM" });
  expect(tooLong).toMatchObject({ ok: false, error: summary, fieldErrors: { body: "Shorten the text: it is too long." } });
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
