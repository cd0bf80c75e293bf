import { expect, test } from "./fixtures";
import { PAGES, PERSONAS, ROUTES, type Persona } from "@/tests/support/access-registry";
import { signInOverHttp } from "@/tests/support/http-session";
import { findMatrixRecords } from "./support/actions-client";

/**
 * Every page and route handler of the registry (tests/support/access-registry.ts), requested as every persona over HTTP
 * against the demo data: allowed ones answer, refused ones answer 404 (never the record), and a signed-out
 * visitor is sent to sign-in. No browser: plain requests with each persona's session cookie.
 */
test.describe.configure({ mode: "serial" });

const personas = Object.keys(PERSONAS) as Persona[];
let base = "";
const cookies = new Map<Persona, string>();
const records = { case: "", referral: "", provider: "", user: "", complaint: "" };
/** What would name the case if it leaked: its reference and the person's family name (the id is in the URL anyway). */
const caseTitle = { reference: "", familyName: "" };


test.beforeAll(async ({ app }) => {
  base = app.baseURL;
  const found = await findMatrixRecords(app.databaseUrl);
  records.case = found.case;
  records.referral = found.referral;
  records.provider = found.provider;
  records.user = found.user;
  records.complaint = found.complaint;
  caseTitle.reference = found.caseReference;
  caseTitle.familyName = found.caseFamilyName;
  for (const persona of personas) {
    const email = PERSONAS[persona];
    if (email) cookies.set(persona, await signInOverHttp(base, email));
  }
});

function resolve(url: string): string {
  return url.replace(":case", records.case).replace(":referral", records.referral).replace(":provider", records.provider).replace(":user", records.user).replace(":complaint", records.complaint);
}

async function request(persona: Persona, url: string) {
  const cookie = cookies.get(persona);
  const response = await fetch(`${base}${resolve(url)}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const location = response.headers.get("location") ?? "";
  const body = response.status === 404 ? await response.text() : "";
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status, toSignIn: response.status >= 300 && response.status < 400 && /\/sign-in/.test(location), body };
}

const PUBLIC_PAGES = new Set(["/sign-in", "/sign-out", "/set-password"]);
let checks = 0;

for (const page of PAGES) {
  test(`page ${page.url}: ${page.rule}`, async () => {
    for (const persona of personas) {
      const result = await request(persona, page.url);
      checks += 1;
      const label = `${persona} on ${page.url}`;
      if (persona === "SIGNED_OUT") {
        if (PUBLIC_PAGES.has(page.url)) expect(result.status, label).toBe(200);
        else expect(result.toSignIn, `${label}: sent to sign-in (status ${result.status})`).toBe(true);
      } else if (page.allowed.includes(persona)) {
        expect(result.status < 300 || (result.status < 400 && !result.toSignIn), `${label}: allowed (status ${result.status})`).toBe(true);
      } else {
        expect(result.status, `${label}: refused as not found`).toBe(404);
        // A refused record is not named: the not-found page carries neither the case reference nor the person's name.
        expect(result.body, label).not.toContain(caseTitle.reference);
        expect(result.body, label).not.toContain(caseTitle.familyName);
      }
    }
  });
}

for (const route of ROUTES) {
  test(`route ${route.method} ${route.url}: ${route.rule}`, async () => {
    for (const persona of personas) {
      const result = await request(persona, route.url);
      checks += 1;
      const label = `${persona} on ${route.url}`;
      expect(result.status, `${label}: never a server error`).toBeLessThan(500);
      if (route.allowed === "PUBLIC") {
        expect(result.toSignIn, label).toBe(false);
        if (route.url.startsWith("/api/calendar/")) expect(result.status, `${label}: an unknown token is not found`).toBe(404);
        else expect(result.status, label).toBe(200);
      } else if (persona === "SIGNED_OUT") {
        expect(result.toSignIn || result.status === 404, `${label}: sent to sign-in or not found (status ${result.status})`).toBe(true);
      } else if (route.allowed.includes(persona)) {
        expect(result.status, `${label}: allowed`).toBe(200);
      } else {
        expect(result.status, `${label}: refused as not found`).toBe(404);
      }
    }
  });
}

test.afterAll(() => {
  console.log(`Access matrix: ${PAGES.length + ROUTES.length} pages and routes × ${personas.length} personas = ${checks} checks.`);
});
