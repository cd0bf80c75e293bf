import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "./fixtures";
import { ACTIONS, PERSONAS, type ActionEntry, type Persona } from "@/tests/support/access-registry";
import { instantToDateTimeLocal as utcToLocalDateTime } from "@/lib/time/facility-clock";
import { signInOverHttp } from "@/tests/support/http-session";
import en from "@/lib/i18n/messages/en/common.json";
import fr from "@/lib/i18n/messages/fr/common.json";
import { e2ePort } from "./workers";
import { actionForm, browserArguments, postAction, startIsolatedApp, tableContents, type ActionFields, type ActionResponse, type IsolatedApp, type MatrixRecords } from "./support/actions-client";

/**
 * Every server action of the registry (tests/support/access-registry.ts), called over HTTP as the browser calls it, with VALID
 * input, as every persona:
 * - every persona the registry allows succeeds, and the change it asked for is in the database;
 * - every other persona, signed out included, is refused as "not found" (signed out: sent to sign-in by the proxy),
 *   without a server error, and not one row of the database changes.
 * actions.spec.ts proves hostile input is refused; this proves the registry's answers hold for real work.
 *
 * The records acted on are the registry's (CASE, REFERRAL, PROVIDER: tests/e2e/support/actions-client.ts) or, for
 * one-shot changes, fresh copies of them made with plain SQL in this spec's own database, so the relationships the
 * personas encode (own office, counsel of record, recipient with consent in force, the provider's own caseworkers)
 * are the ones that decide. Each call's input is built from the database right before it is made; refused personas
 * go first, then each allowed persona with input of its own.
 */
const PERSONA_LIST = Object.keys(PERSONAS) as Persona[];
const NOT_FOUND = [en.errors.notFound, fr.errors.notFound];

/**
 * What a refused call must leave as it was: every row of every table, compared by content (so versions and
 * updatedAt too), with one column left out. UserSession.lastSeenAt is the session's idle clock: every request
 * that carries a session refreshes it (at most once a minute, lib/auth/session-store.ts), refused or not; it is
 * not a business row. AuditEvent is compared like any table: refused calls write no audit event, because every
 * event is written in the transaction of the change it records (lib/audit/mutations.ts) and a refused call changes
 * nothing; nor is the page re-rendered (and its read audited), since only a successful action revalidates it.
 */
const IGNORED_COLUMNS = ["lastSeenAt"];

type Prepared = {
  fields: ActionFields;
  /** The records in the URL of the page the browser posts from, when not the matrix's own. */
  at?: Partial<MatrixRecords>;
  /** The row the call is about: a refused call leaves it exactly as it was (checked on its own for a clear message). */
  target?: { table: string; id: string };
  /** For an allowed persona: the change its call made, checked in the database. */
  changed: (response: ActionResponse) => Promise<void>;
};

type Scenario = {
  /** How the action says it succeeded: its `{ ok: true }` result (the default), or a redirect to the new record. */
  success?: "result" | "redirect" | "none";
  /** Builds one call from the database as it is now; called right before each call, refused or allowed. */
  prepare: (persona: Persona) => Promise<Prepared>;
};

let app: IsolatedApp;
let db: pg.Client;
const tally = { allowed: 0, refused: 0, extra: 0 };
let serial = 0;

/** Text no other call used, so a check finds exactly the row this call wrote. Fictional, never logged. */
function unique(label: string): string {
  serial += 1;
  return `${label} ${serial}`;
}

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

async function row<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [first] = await rows<T>(sql, params);
  if (first === undefined) throw new Error(`No row for: ${sql}`);
  return first;
}

/** Inserts a copy of a row with some columns replaced (a new id always): a fresh target with the template's relationships. */
async function insertLike(table: string, templateId: string, overrides: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const inserted = await db.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", (SELECT to_jsonb(t) || $2::jsonb FROM "${table}" t WHERE id = $1))`, [
    templateId,
    JSON.stringify({ ...overrides, id }),
  ]);
  if (inserted.rowCount !== 1) throw new Error(`Could not copy ${table} ${templateId}`);
  return id;
}

// ------------------------------------------------------------------------------------------ the world

type World = {
  userIds: Map<string, string>;
  offices: { toronto: string; vancouver: string };
  facilities: Record<"toronto" | "vancouver", { id: string; timeZone: string }>;
  harbour: { organizationId: string; providerId: string };
  /** CASE's detainee, and the zone its facility keeps time in. */
  caseDetainee: string;
  caseZone: string;
  /** A Toronto case whose counsel of record is counsel.clinic, assigned to CLO_TORONTO: trafficking indicators are theirs to record. */
  traffickingCase: string;
  /** A Toronto case of counsel.clinic with a review already held (reviews are corrected, not recorded, here). */
  reviewCase: string;
  /** The consent behind REFERRAL: Harbour House, in force. */
  referralConsent: string;
};
let world: World;

function userOf(persona: Persona): string | null {
  const email = PERSONAS[persona];
  return email ? world.userIds.get(email)! : null;
}

/** The office whose records a persona acts on: their own for the Vancouver CLO, Toronto (CASE's office) for everyone else. */
function officeOf(persona: Persona): "toronto" | "vancouver" {
  return persona === "CLO_OTHER_OFFICE" ? "vancouver" : "toronto";
}

/** A date (YYYY-MM-DD) some days from now, and a wall-clock time, in a zone. */
function localDate(daysFromNow: number, timeZone: string): string {
  return utcToLocalDateTime(new Date(Date.now() + daysFromNow * 86_400_000), timeZone).slice(0, 10);
}
function localDateAndTime(instant: Date, timeZone: string): { date: string; time: string } {
  const local = utcToLocalDateTime(instant, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * A new Toronto detention like CASE (same office, facility, counsel of record and assigned CLO unless replaced), of a
 * new person: a target for a change that can be made only once.
 */
async function freshCase(overrides: { assignedCloId?: string | null; counselId?: string | null } = {}): Promise<string> {
  const detaineeOverrides: Record<string, unknown> = { givenName: "Matrix", familyName: unique("Person"), clientId: `MATRIX-${randomBytes(4).toString("hex")}`, version: 1 };
  if (overrides.counselId !== undefined) detaineeOverrides.counselId = overrides.counselId;
  const detainee = await insertLike("Detainee", world.caseDetainee, detaineeOverrides);
  const detentionOverrides: Record<string, unknown> = { detaineeId: detainee, reference: `TOR-MX-${randomBytes(3).toString("hex")}`, version: 1 };
  if (overrides.assignedCloId !== undefined) detentionOverrides.assignedCloId = overrides.assignedCloId;
  return insertLike("Detention", app.records.case, detentionOverrides);
}

/** A copy of COMPLAINT (counsel.clinic's, to the Toronto office) in a given status: a target for a one-shot step. */
async function freshComplaint(status: "RECEIVED" | "UNDER_REVIEW" | "RESPONDED", overrides: Record<string, unknown> = {}): Promise<string> {
  return insertLike("Complaint", app.records.complaint, {
    reference: `CMP-MX-${randomBytes(4).toString("hex")}`,
    status,
    version: 1,
    outcome: status === "RESPONDED" ? "UPHELD" : null,
    response: status === "RESPONDED" ? "Matrix response" : null,
    respondedAt: status === "RESPONDED" ? new Date().toISOString() : null,
    closedAt: null,
    subjectSummary: null,
    subjectSharedAt: null,
    ...overrides,
  });
}

/** A copy of clo2.toronto with a pending grant to make them a supervisor, asked for by `requestedById`. */
async function pendingGrant(requestedById: string): Promise<{ userId: string; grantId: string }> {
  const userId = await insertLike("User", world.userIds.get("clo2.toronto@liaison.example")!, { email: `matrix.grant.${randomBytes(4).toString("hex")}@liaison.example`, name: "Matrix Grant Account", version: 1 });
  const grantId = randomUUID();
  await db.query(`INSERT INTO "RoleGrant" (id, "userId", role, "organizationId", activates, "userVersion", "requestedById") VALUES ($1, $2, 'SUPERVISOR', $3, false, 1, $4)`, [grantId, userId, world.offices.toronto, requestedById]);
  return { userId, grantId };
}

/** A fresh copy of CASE released an hour ago by an ID order on conditions, with its outcome in force (version 1). */
async function releasedCase(): Promise<{ detentionId: string; outcomeId: string }> {
  const detentionId = await freshCase();
  const releasedAt = new Date(Date.now() - 2 * 60 * 60_000);
  const recorder = world.userIds.get(PERSONAS.CLO_TORONTO)!;
  await db.query(`UPDATE "Detention" SET status = 'RELEASED', "releasedAt" = $2, "releaseType" = 'ID_ORDER_ON_CONDITIONS', "nextReviewKind" = NULL, "nextReviewDueBy" = NULL WHERE id = $1`, [detentionId, releasedAt]);
  const outcomeId = randomUUID();
  await db.query(
    `INSERT INTO "DetentionOutcome" (id, "detentionId", kind, "releaseType", "occurredAt", "decidedBy", conditions, "atdMeasures", "closedTaskIds", "recordedById")
     VALUES ($1, $2, 'RELEASE', 'ID_ORDER_ON_CONDITIONS', $3, 'IMMIGRATION_DIVISION', $4::jsonb, '{IN_PERSON_REPORTING}', '{}', $5)`,
    [outcomeId, detentionId, releasedAt, JSON.stringify({ reporting: { mode: "IN_PERSON", frequency: "WEEKLY" }, residenceAddress: null, bondsperson: null, cashDepositCents: null, performanceBondCents: null, ccms: null, curfew: null, electronicMonitoring: false, other: null }), recorder],
  );
  return { detentionId, outcomeId };
}

async function detentionVersion(id: string): Promise<number> {
  return (await row<{ version: number }>(`SELECT version FROM "Detention" WHERE id = $1`, [id])).version;
}

async function casePlan(): Promise<{ id: string; version: number; status: string }> {
  return row(`SELECT id, version, status FROM "ReleasePlan" WHERE "detentionId" = $1`, [app.records.case]);
}

async function caseGroundsOf(detentionId: string): Promise<string[]> {
  return (await row<{ grounds: string[] }>(`SELECT grounds::text[] AS grounds FROM "Detention" WHERE id = $1`, [detentionId])).grounds;
}

async function caseGrounds(): Promise<string[]> {
  return (await row<{ grounds: string[] }>(`SELECT grounds::text[] AS grounds FROM "Detention" WHERE id = $1`, [app.records.case])).grounds;
}

/** A referral to Harbour House like REFERRAL (consent in force), freshly sent: open for an answer or a withdrawal. */
async function freshReferral(): Promise<string> {
  return insertLike("Referral", app.records.referral, { status: "SENT", version: 1, respondedAt: null, declineReason: null, declineDetails: null });
}

/** A consent in force, from CASE's person to Harbour House, for what a referral packet shares. */
async function freshConsent(): Promise<string> {
  return insertLike("Consent", world.referralConsent, { detaineeId: world.caseDetainee, purpose: unique("Matrix: referral for housing"), withdrawnAt: null, withdrawnById: null });
}

const resourceLists = new Map<string, string>();
/** A new outreach contact of an office, recorded by its CLO; with an open next step when asked. */
async function freshOutreachContact(office: "toronto" | "vancouver", withNextStep: boolean): Promise<string> {
  const id = randomUUID();
  const cloId = userOf(office === "toronto" ? "CLO_TORONTO" : "CLO_OTHER_OFFICE");
  await db.query(
    `INSERT INTO "OutreachContact" (id, "officeId", "cloId", "organizationName", "contactedOn", topic, "nextStep", "nextStepDueOn") VALUES ($1, $2, $3, 'Matrix Outreach Partner', current_date, 'Matrix topic', $4, $5)`,
    [id, world.offices[office], cloId, withNextStep ? "Call back about beds" : null, withNextStep ? localDate(2, world.caseZone) : null],
  );
  return id;
}

async function resourceListOf(office: "toronto" | "vancouver"): Promise<string> {
  let id = resourceLists.get(office);
  if (!id) {
    id = randomUUID();
    await db.query(`INSERT INTO "ResourceList" (id, "officeId", name, "updatedAt") VALUES ($1, $2, $3, now())`, [id, world.offices[office], unique("Matrix resource list")]);
    resourceLists.set(office, id);
  }
  return id;
}

/** A fresh resource list of an office (one-shot changes: retiring, an item to edit or remove), at version 1. */
async function freshResourceList(office: "toronto" | "vancouver"): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "ResourceList" (id, "officeId", name, topic, "updatedAt") VALUES ($1, $2, $3, 'FAMILIES_AND_MINORS', now())`, [id, world.offices[office], unique("Matrix families list")]);
  return id;
}

async function freshResourceItem(office: "toronto" | "vancouver", position = 0, listId?: string): Promise<{ listId: string; itemId: string }> {
  listId ??= await freshResourceList(office);
  const itemId = randomUUID();
  await db.query(`INSERT INTO "ResourceListItem" (id, "listId", name, position) VALUES ($1, $2, $3, $4)`, [itemId, listId, unique("Matrix option"), position]);
  return { listId, itemId };
}

async function referenceOf(detentionId: string): Promise<string> {
  return (await row<{ reference: string }>(`SELECT reference FROM "Detention" WHERE id = $1`, [detentionId])).reference;
}

/** A fresh Toronto case with a minor-related flag: where best interests are recorded. */
async function freshMinorCase(): Promise<string> {
  const detentionId = await freshCase();
  const screeningId = randomUUID();
  await db.query(`INSERT INTO "Screening" (id, "detentionId", "recordedById", "updatedAt") VALUES ($1, $2, $3, now())`, [screeningId, detentionId, userOf("CLO_TORONTO")]);
  await db.query(`INSERT INTO "ScreeningFlag" (id, "screeningId", flag) VALUES ($1, $2, 'MINOR_HOUSED')`, [randomUUID(), screeningId]);
  return detentionId;
}

/** The send form's hidden fields on the compose page, as the persona's browser receives them after the preview. */
async function previewedReferral(persona: Persona, consentId: string): Promise<{ previewDigest: string; fields: string[] }> {
  const url = `${app.base}/cases/${app.records.case}/referrals/new?provider=${world.harbour.providerId}&consent=${consentId}`;
  const response = await fetch(url, { headers: { cookie: app.cookies.get(persona)! } });
  expect(response.status, `the compose page as ${persona}`).toBe(200);
  const html = await response.text();
  const previewDigest = /name="previewDigest" value="([0-9a-f]{64})"/.exec(html)?.[1];
  const fields = [...html.matchAll(/type="hidden" name="fields" value="([A-Z_]+)"/g)].map((match) => match[1]!);
  if (!previewDigest || fields.length === 0) throw new Error("The compose page showed no packet to send.");
  return { previewDigest, fields };
}

// ------------------------------------------------------------------------------------------ the scenarios

const SCENARIOS: Record<string, Scenario> = {
  setLocaleAction: {
    success: "none",
    prepare: async (persona) => {
      const userId = userOf(persona);
      const current = userId ? (await row<{ locale: string }>(`SELECT locale FROM "User" WHERE id = $1`, [userId])).locale : "en";
      const locale = current === "fr" ? "en" : "fr";
      return {
        fields: { locale },
        target: userId ? { table: "User", id: userId } : undefined,
        changed: async (response) => {
          expect(response.setCookies.some((cookie) => cookie.startsWith(`liaison.locale=${locale};`)), "the language cookie is set").toBe(true);
          if (userId) expect((await row<{ locale: string }>(`SELECT locale FROM "User" WHERE id = $1`, [userId])).locale).toBe(locale);
        },
      };
    },
  },

  createUserAction: {
    prepare: async () => {
      const email = `matrix.account.${randomBytes(4).toString("hex")}@liaison.example`;
      return {
        fields: { name: unique("Matrix Account"), email, role: "CLO", organizationId: world.offices.toronto },
        changed: async () => {
          // A CLO opens case files: the account is created inactive, and a second administrator must approve it.
          expect(await rows(`SELECT 1 FROM "User" WHERE email = $1 AND role = 'CLO' AND "organizationId" = $2 AND NOT active`, [email, world.offices.toronto])).toHaveLength(1);
          // No password chosen by the admin: the person sets it through the link issued with the account.
          expect(await rows(`SELECT 1 FROM "User" u JOIN "PasswordLink" l ON l."userId" = u.id WHERE u.email = $1 AND u."passwordHash" IS NULL AND l.purpose = 'NEW_ACCOUNT' AND l."usedAt" IS NULL`, [email])).toHaveLength(1);
          expect(await rows(`SELECT 1 FROM "RoleGrant" g JOIN "User" u ON u.id = g."userId" WHERE u.email = $1 AND g.status = 'PENDING' AND g.role = 'CLO' AND g.activates`, [email])).toHaveLength(1);
        },
      };
    },
  },

  updateUserAction: {
    prepare: async () => {
      const userId = await insertLike("User", world.userIds.get("clo2.toronto@liaison.example")!, { email: `matrix.clone.${randomBytes(4).toString("hex")}@liaison.example`, name: "Matrix Clone Account", version: 1 });
      return {
        fields: { userId, version: "1", name: "Matrix Renamed Account", email: `matrix.renamed.${randomBytes(4).toString("hex")}@liaison.example`, role: "SUPERVISOR", organizationId: world.offices.toronto },
        target: { table: "User", id: userId },
        changed: async () => {
          // Becoming a supervisor is more access: asked for, pending a second administrator; the role is unchanged until then.
          // The name applies at once.
          expect(await row(`SELECT role, version, name FROM "User" WHERE id = $1`, [userId])).toEqual({ role: "CLO", version: 2, name: "Matrix Renamed Account" });
          expect(await rows(`SELECT 1 FROM "RoleGrant" WHERE "userId" = $1 AND status = 'PENDING' AND role = 'SUPERVISOR' AND "userVersion" = 2`, [userId])).toHaveLength(1);
        },
      };
    },
  },

  setUserActiveAction: {
    prepare: async () => {
      const userId = await insertLike("User", world.userIds.get("clo2.toronto@liaison.example")!, { email: `matrix.clone.${randomBytes(4).toString("hex")}@liaison.example`, name: "Matrix Clone Account", version: 1, active: true });
      return {
        fields: { userId, version: "1", active: "false" },
        target: { table: "User", id: userId },
        changed: async () => {
          expect(await row(`SELECT active, version FROM "User" WHERE id = $1`, [userId])).toEqual({ active: false, version: 2 });
        },
      };
    },
  },

  approveRoleGrantAction: {
    // Each call approves a fresh grant asked for by the other administrator (admin2): the persona is the second admin.
    prepare: async () => {
      const { userId, grantId } = await pendingGrant(world.userIds.get("admin2@liaison.example")!);
      return {
        fields: { grantId, version: "1" },
        target: { table: "RoleGrant", id: grantId },
        changed: async () => {
          expect(await row(`SELECT status, "decidedById" FROM "RoleGrant" WHERE id = $1`, [grantId])).toEqual({ status: "APPROVED", decidedById: userOf("ADMIN") });
          expect(await row(`SELECT role, version FROM "User" WHERE id = $1`, [userId])).toEqual({ role: "SUPERVISOR", version: 2 });
        },
      };
    },
  },

  declineRoleGrantAction: {
    prepare: async () => {
      const { userId, grantId } = await pendingGrant(world.userIds.get("admin2@liaison.example")!);
      return {
        fields: { grantId, version: "1" },
        target: { table: "RoleGrant", id: grantId },
        changed: async () => {
          expect(await row(`SELECT status FROM "RoleGrant" WHERE id = $1`, [grantId])).toEqual({ status: "DECLINED" });
          expect(await row(`SELECT role, version FROM "User" WHERE id = $1`, [userId])).toEqual({ role: "CLO", version: 1 });
        },
      };
    },
  },

  issuePasswordLinkAction: {
    prepare: async () => {
      const userId = await insertLike("User", world.userIds.get("clo2.toronto@liaison.example")!, { email: `matrix.clone.${randomBytes(4).toString("hex")}@liaison.example`, name: "Matrix Clone Account", version: 1 });
      return {
        fields: { userId },
        target: { table: "User", id: userId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "PasswordLink" WHERE "userId" = $1 AND purpose = 'RESET' AND "usedAt" IS NULL AND "revokedAt" IS NULL`, [userId])).toHaveLength(1);
        },
      };
    },
  },

  setPasswordWithLinkAction: {
    // Anyone holding a usable link, signed in or not: the token is the credential.
    prepare: async () => {
      const userId = await insertLike("User", world.userIds.get("clo2.toronto@liaison.example")!, { email: `matrix.link.${randomBytes(4).toString("hex")}@liaison.example`, name: "Matrix Link Account", version: 1 });
      await db.query(`UPDATE "User" SET "passwordHash" = NULL WHERE id = $1`, [userId]);
      const token = randomBytes(32).toString("base64url");
      const linkId = randomUUID();
      await db.query(
        `INSERT INTO "PasswordLink" (id, "userId", purpose, "tokenHash", "expiresAt", "createdById") VALUES ($1, $2, 'NEW_ACCOUNT', encode(sha256(convert_to($3, 'UTF8')), 'hex'), now() + interval '1 hour', $4)`,
        [linkId, userId, token, world.userIds.get("admin@liaison.example")],
      );
      const newPassword = `Matrix-Heron-${randomBytes(5).toString("hex")}-Ferry`;
      return {
        fields: { token, newPassword, confirmPassword: newPassword },
        target: { table: "PasswordLink", id: linkId },
        changed: async () => {
          expect(await row(`SELECT "usedAt" IS NOT NULL AS used FROM "PasswordLink" WHERE id = $1`, [linkId])).toEqual({ used: true });
          expect(await row(`SELECT "passwordHash" IS NOT NULL AS set FROM "User" WHERE id = $1`, [userId])).toEqual({ set: true });
        },
      };
    },
  },

  changeOwnPasswordAction: {
    // Each persona changes their own password (no user id is sent: the session is the account).
    prepare: async (persona) => {
      const userId = userOf(persona);
      const before = userId ? await row<{ passwordHash: string; version: number }>(`SELECT "passwordHash", version FROM "User" WHERE id = $1`, [userId]) : null;
      const newPassword = `Matrix-Lantern-${randomBytes(5).toString("hex")}-Quay`;
      return {
        fields: { currentPassword: "Liaison-demo-2026", newPassword, confirmPassword: newPassword },
        target: userId ? { table: "User", id: userId } : undefined,
        changed: async () => {
          const after = await row<{ passwordHash: string; version: number }>(`SELECT "passwordHash", version FROM "User" WHERE id = $1`, [userId]);
          expect(after.passwordHash).not.toBe(before!.passwordHash);
          expect(after.version).toBe(before!.version + 1);
          expect(await rows(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.password_change'`, [userId])).not.toHaveLength(0);
          // The demo password back, for the later checks that sign in as this persona.
          await db.query(`UPDATE "User" SET "passwordHash" = $2 WHERE id = $1`, [userId, before!.passwordHash]);
        },
      };
    },
  },

  schedulePolicyAction: {
    prepare: async () => {
      const reason = unique("Matrix policy change");
      return {
        // A day far ahead; the same day for every call is allowed (never before one already scheduled).
        fields: { key: "dueSoonHours", value: "72", effectiveOn: "2099-01-01", reason },
        changed: async () => {
          expect(await rows(`SELECT value FROM "PolicyVersion" WHERE reason = $1 AND key = 'dueSoonHours' AND "createdById" = $2`, [reason, userOf("ADMIN")])).toEqual([{ value: 72 }]);
        },
      };
    },
  },

  withdrawPolicyAction: {
    prepare: async () => {
      const id = randomUUID();
      await db.query(`INSERT INTO "PolicyVersion" (id, key, value, "effectiveFrom", reason, "createdById") VALUES ($1, 'earlyAssessmentHours', '36', now() + interval '30 days', 'Matrix scheduled change', $2)`, [id, world.userIds.get("admin2@liaison.example")]);
      return {
        fields: { versionId: id },
        target: { table: "PolicyVersion", id },
        changed: async () => {
          expect(await row(`SELECT "withdrawnById" IS NOT NULL AS withdrawn FROM "PolicyVersion" WHERE id = $1`, [id])).toEqual({ withdrawn: true });
        },
      };
    },
  },

  setTargetsAction: {
    prepare: async () => {
      // A period of its own per call: each allowed call creates that period's targets from nothing.
      serial += 1;
      const period = `${2040 + (serial % 50)}-Q${1 + (serial % 4)}`;
      const fields: ActionFields = { officeId: world.offices.toronto, period };
      for (const indicator of ["ASSESSED_BEFORE_SEVEN_DAY_REVIEW", "ASSESSED_WITH_INTERVIEW", "VULNERABLE_ASSESSED_IN_WINDOW", "MEDIAN_DAYS_TO_ASSESSMENT", "RELEASED_ON_ATD", "COMMUNITY_REFERRALS", "OVERDUE_REVIEWS"]) {
        fields[`target_${indicator}`] = indicator === "ASSESSED_WITH_INTERVIEW" ? "85" : "";
        fields[`version_${indicator}`] = "0";
      }
      return {
        fields,
        changed: async () => {
          expect(await rows(`SELECT indicator::text, value FROM "Target" WHERE "officeId" = $1 AND period = $2`, [world.offices.toronto, period])).toEqual([{ indicator: "ASSESSED_WITH_INTERVIEW", value: 85 }]);
        },
      };
    },
  },

  createOrganizationAction: {
    prepare: async () => {
      const name = unique("Matrix Community Organisation");
      return {
        fields: { name, kind: "OTHER_NGO", region: "Greater Toronto Area", timeZone: "America/Toronto" },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "Organization" WHERE name = $1 AND kind = 'OTHER_NGO'`, [name])).toHaveLength(1);
        },
      };
    },
  },

  createDetentionAction: {
    success: "redirect",
    prepare: async (persona) => {
      const office = officeOf(persona);
      const facility = world.facilities[office];
      const clientId = `MATRIX-INTAKE-${randomBytes(4).toString("hex")}`;
      return {
        fields: {
          facilityId: facility.id,
          detainedOn: localDate(-1, facility.timeZone),
          detainedAtTime: "09:00",
          grounds: ["UNLIKELY_TO_APPEAR"],
          schedule: "STANDARD",
          givenName: "Matrix",
          familyName: unique("Intake"),
          dateOfBirth: "1990-05-17",
          gender: "UNDISCLOSED",
          languages: "English",
          citizenship: "MEX",
          clientId,
        },
        changed: async (response) => {
          const detentionId = /^\/cases\/([0-9a-f-]{36});/.exec(response.actionRedirect ?? "")?.[1];
          expect(detentionId, "the new case is opened").toBeTruthy();
          const created = await row(`SELECT d."officeId", p."clientId" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" WHERE d.id = $1`, [detentionId]);
          expect(created).toEqual({ officeId: world.offices[office], clientId });
        },
      };
    },
  },

  assignDetentionAction: {
    prepare: async () => {
      const current = await row<{ version: number; assignedCloId: string | null }>(`SELECT version, "assignedCloId" FROM "Detention" WHERE id = $1`, [app.records.case]);
      const cloTorontoId = userOf("CLO_TORONTO")!;
      const cloId = current.assignedCloId === cloTorontoId ? world.userIds.get("clo2.toronto@liaison.example")! : cloTorontoId;
      return {
        fields: { detentionId: app.records.case, version: String(current.version), cloId },
        target: { table: "Detention", id: app.records.case },
        changed: async () => {
          expect(await row(`SELECT "assignedCloId", version FROM "Detention" WHERE id = $1`, [app.records.case])).toEqual({ assignedCloId: cloId, version: current.version + 1 });
        },
      };
    },
  },

  setNoProspectAction: {
    prepare: async () => {
      const version = await detentionVersion(app.records.case);
      const reason = unique("Matrix: removal is scheduled");
      return {
        fields: { detentionId: app.records.case, version: String(version), reason, revisitOn: localDate(14, world.caseZone) },
        target: { table: "Detention", id: app.records.case },
        changed: async () => {
          expect(await row(`SELECT "noProspectReason", version FROM "Detention" WHERE id = $1`, [app.records.case])).toEqual({ noProspectReason: reason, version: version + 1 });
        },
      };
    },
  },

  clearNoProspectAction: {
    prepare: async () => {
      await db.query(`UPDATE "Detention" SET "noProspectReason" = 'Matrix: no prospect for now', "noProspectRevisitOn" = now() + interval '14 days' WHERE id = $1 AND "noProspectReason" IS NULL`, [app.records.case]);
      const version = await detentionVersion(app.records.case);
      return {
        fields: { detentionId: app.records.case, version: String(version) },
        target: { table: "Detention", id: app.records.case },
        changed: async () => {
          expect(await row(`SELECT "noProspectReason", version FROM "Detention" WHERE id = $1`, [app.records.case])).toEqual({ noProspectReason: null, version: version + 1 });
        },
      };
    },
  },

  correctPersonAction: {
    // A fresh Toronto case each call: its person's birth date corrected, with a reason.
    prepare: async () => {
      const detentionId = await freshCase();
      const person = await row<{ id: string; version: number; givenName: string; familyName: string; languages: string[]; citizenship: string; clientId: string }>(
        `SELECT p.id, p.version, p."givenName", p."familyName", p.languages, p.citizenship, p."clientId" FROM "Detainee" p JOIN "Detention" d ON d."detaineeId" = p.id WHERE d.id = $1`,
        [detentionId],
      );
      return {
        fields: {
          detentionId,
          detaineeVersion: String(person.version),
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: "1979-11-23",
          gender: "UNDISCLOSED",
          languages: person.languages.join(", "),
          citizenship: person.citizenship,
          clientId: person.clientId,
          reason: unique("Matrix: birth date typed wrongly"),
        },
        target: { table: "Detainee", id: person.id },
        changed: async () => {
          expect(await row(`SELECT "dateOfBirth"::text AS "dateOfBirth", version FROM "Detainee" WHERE id = $1`, [person.id])).toEqual({ dateOfBirth: "1979-11-23", version: person.version + 1 });
        },
      };
    },
  },

  correctDetentionAction: {
    // A fresh Toronto case each call: a ground added (the time, facility and schedule sent back as they are).
    prepare: async () => {
      const detentionId = await freshCase();
      const detention = await row<{ version: number; facilityId: string; detainedAt: Date; schedule: string; timeZone: string }>(
        `SELECT d.version, d."facilityId", d."detainedAt", d.schedule::text AS schedule, f."timeZone" FROM "Detention" d JOIN "Facility" f ON f.id = d."facilityId" WHERE d.id = $1`,
        [detentionId],
      );
      const local = localDateAndTime(detention.detainedAt, detention.timeZone);
      const grounds = await caseGroundsOf(detentionId);
      const corrected = [...new Set([...grounds, "DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"])];
      return {
        fields: {
          detentionId,
          version: String(detention.version),
          facilityId: detention.facilityId,
          detainedOn: local.date,
          detainedAtTime: local.time,
          grounds: corrected.length === grounds.length ? ["UNLIKELY_TO_APPEAR"] : corrected,
          schedule: detention.schedule,
          reason: unique("Matrix: grounds as found at the review"),
        },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect((await row<{ version: number }>(`SELECT version FROM "Detention" WHERE id = $1`, [detentionId])).version).toBe(detention.version + 1);
          expect(await row(`SELECT fields FROM "Correction" WHERE "detentionId" = $1`, [detentionId])).toEqual({ fields: ["grounds"] });
        },
      };
    },
  },

  mergePeopleAction: {
    success: "redirect",
    // Two fresh Toronto people, the kept one released (one person cannot be detained twice at once), the duplicate without a UCI.
    prepare: async () => {
      const keptDetention = await freshCase();
      const duplicateDetention = await freshCase();
      await db.query(`UPDATE "Detention" SET status = 'RELEASED', "releasedAt" = now() WHERE id = $1`, [keptDetention]);
      const personOf = async (detentionId: string) => row<{ id: string; version: number }>(`SELECT p.id, p.version FROM "Detainee" p JOIN "Detention" d ON d."detaineeId" = p.id WHERE d.id = $1`, [detentionId]);
      const kept = await personOf(keptDetention);
      const duplicate = await personOf(duplicateDetention);
      await db.query(`UPDATE "Detainee" SET "clientId" = NULL WHERE id = $1`, [duplicate.id]);
      return {
        fields: { detentionId: keptDetention, keptId: kept.id, keptVersion: String(kept.version), duplicateId: duplicate.id, duplicateVersion: String(duplicate.version), reason: unique("Matrix: same person"), confirmed: "on" },
        at: { case: keptDetention },
        target: { table: "Detainee", id: duplicate.id },
        changed: async () => {
          expect(await row(`SELECT "mergedIntoId" FROM "Detainee" WHERE id = $1`, [duplicate.id])).toEqual({ mergedIntoId: kept.id });
          expect(await row(`SELECT "detaineeId" FROM "Detention" WHERE id = $1`, [duplicateDetention])).toEqual({ detaineeId: kept.id });
        },
      };
    },
  },

  recordFlagAction: {
    // A flag recorded by hand on a case of CLO_TORONTO's office (trafficking indicators go through the screen only).
    prepare: async () => {
      const detentionId = world.traffickingCase;
      const screening = (await rows<{ id: string; version: number }>(`SELECT id, version FROM "Screening" WHERE "detentionId" = $1`, [detentionId]))[0];
      const details = unique("Matrix: needs an interpreter for Tigrinya");
      return {
        fields: { detentionId, version: String(screening?.version ?? 0), flag: "LANGUAGE_BARRIER", details },
        target: screening ? { table: "Screening", id: screening.id } : { table: "Detention", id: detentionId },
        changed: async () => {
          const recorded = await row(`SELECT s.version, f.details FROM "Screening" s JOIN "ScreeningFlag" f ON f."screeningId" = s.id WHERE s."detentionId" = $1 AND f.flag = 'LANGUAGE_BARRIER'`, [detentionId]);
          expect(recorded).toEqual({ version: (screening?.version ?? 0) + 1, details });
        },
      };
    },
  },

  recordTraffickingScreenAction: {
    // The trafficking flag's audience only: the case is CLO_TORONTO's; counsel of record sees the screen but does not record it.
    prepare: async () => {
      const detentionId = world.traffickingCase;
      const recruitmentNotes = unique("Matrix: paid an agent for the journey");
      const blank = { interpreterLanguage: "", controlNotes: "", debtNotes: "", conditionsNotes: "", threatsNotes: "", marriageNotes: "" };
      return {
        fields: { detentionId, disclosureConfirmed: "on", disclosureMethod: "IN_PERSON", indicators: "RECRUITMENT_FEES", recruitmentNotes, outcome: "EXPLOITATION", ...blank },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await row(`SELECT outcome, indicators::text[] AS indicators, "disclosureMethod" FROM "TraffickingScreen" WHERE "detentionId" = $1 AND "recruitmentNotes" = $2`, [detentionId, recruitmentNotes])).toEqual({
            outcome: "EXPLOITATION",
            indicators: ["RECRUITMENT_FEES"],
            disclosureMethod: "IN_PERSON",
          });
          const flag = `SELECT 1 FROM "ScreeningFlag" f JOIN "Screening" s ON s.id = f."screeningId" WHERE s."detentionId" = $1 AND f.flag = 'TRAFFICKING_INDICATORS' AND f."consentRecordedAt" IS NOT NULL`;
          expect(await rows(flag, [detentionId])).toHaveLength(1);
        },
      };
    },
  },

  removeFlagAction: {
    prepare: async () => {
      let screening = (await rows<{ id: string; version: number }>(`SELECT id, version FROM "Screening" WHERE "detentionId" = $1`, [app.records.case]))[0];
      if (!screening) {
        const template = await row<{ id: string }>(`SELECT id FROM "Screening" LIMIT 1`);
        screening = { id: await insertLike("Screening", template.id, { detentionId: app.records.case, version: 1 }), version: 1 };
      }
      if ((await rows(`SELECT 1 FROM "ScreeningFlag" WHERE "screeningId" = $1 AND flag = 'MEDICAL'`, [screening.id])).length === 0) {
        const template = await row<{ id: string }>(`SELECT id FROM "ScreeningFlag" LIMIT 1`);
        await insertLike("ScreeningFlag", template.id, { screeningId: screening.id, flag: "MEDICAL", details: null, consentRecordedAt: null });
      }
      const { id, version } = screening;
      return {
        fields: { detentionId: app.records.case, version: String(version), flag: "MEDICAL" },
        target: { table: "Screening", id },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "ScreeningFlag" WHERE "screeningId" = $1 AND flag = 'MEDICAL'`, [id])).toHaveLength(0);
          expect((await row<{ version: number }>(`SELECT version FROM "Screening" WHERE id = $1`, [id])).version).toBe(version + 1);
        },
      };
    },
  },

  createTaskAction: {
    prepare: async (persona) => {
      const title = unique("Matrix: book an interpreter");
      return {
        fields: { detentionId: app.records.case, category: "OTHER", title, description: "", ownerId: "", dueOn: "", status: "OPEN", outcome: "" },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "Task" WHERE "detentionId" = $1 AND title = $2 AND "createdById" = $3`, [app.records.case, title, userOf(persona)])).toHaveLength(1);
        },
      };
    },
  },

  updateTaskAction: {
    prepare: async () => {
      const task = await row<{ id: string; version: number }>(`SELECT id, version FROM "Task" WHERE "detentionId" = $1 ORDER BY "createdAt", id LIMIT 1`, [app.records.case]);
      const title = unique("Matrix: call the shelter");
      return {
        fields: { taskId: task.id, version: String(task.version), category: "COMMUNICATION", title, description: "", ownerId: "", dueOn: localDate(3, world.caseZone), status: "IN_PROGRESS", outcome: "" },
        target: { table: "Task", id: task.id },
        changed: async () => {
          expect(await row(`SELECT title, status, version FROM "Task" WHERE id = $1`, [task.id])).toEqual({ title, status: "IN_PROGRESS", version: task.version + 1 });
        },
      };
    },
  },

  addNoteAction: {
    // Counsel's notes are always privileged to their organisation, whatever visibility is asked for.
    prepare: async (persona) => {
      const body = unique("Matrix case note");
      return {
        fields: { detentionId: app.records.case, visibility: "CASE_TEAM", body },
        changed: async () => {
          const note = await row(`SELECT "authorId", visibility FROM "Note" WHERE "detentionId" = $1 AND body = $2`, [app.records.case, body]);
          expect(note).toEqual({ authorId: userOf(persona), visibility: persona === "COUNSEL_OF_RECORD" ? "OWN_ORGANISATION" : "CASE_TEAM" });
        },
      };
    },
  },

  removeDocumentAction: {
    // A document of the persona's own organisation when it is allowed to remove one; refused personas try the office's
    // (shared with the case team, so counsel of record sees it but does not own it).
    prepare: async (persona) => {
      const allowed = ACTIONS.find((action) => action.name === "removeDocumentAction")!.allowed.includes(persona);
      const authorId = allowed ? userOf(persona)! : world.userIds.get(PERSONAS.CLO_TORONTO)!;
      const { organizationId } = await row<{ organizationId: string }>(`SELECT "organizationId" FROM "User" WHERE id = $1`, [authorId]);
      const documentId = randomUUID();
      const key = `documents/${randomUUID()}`;
      const bytes = Buffer.from(`%PDF-1.4\n% ${unique("Matrix document")}\n%%EOF\n`);
      await db.query(`INSERT INTO "DocumentContent" (key, bytes) VALUES ($1, $2)`, [key, bytes]);
      await db.query(
        `INSERT INTO "Document" (id, "detentionId", "authorId", "authorOrgId", "fileName", "contentType", "sizeBytes", sha256, "storageKey", sharing) VALUES ($1, $2, $3, $4, 'matrix.pdf', 'application/pdf', $5, encode(sha256($6), 'hex'), $7, 'CASE_TEAM')`,
        [documentId, app.records.case, authorId, organizationId, bytes.byteLength, bytes, key],
      );
      return {
        fields: { detentionId: app.records.case, documentId },
        target: { table: "Document", id: documentId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "Document" WHERE id = $1`, [documentId])).toHaveLength(0);
          expect(await rows(`SELECT 1 FROM "DocumentContent" WHERE key = $1`, [key])).toHaveLength(0);
        },
      };
    },
  },

  saveAssessmentAction: {
    prepare: async () => {
      const assessment = (await rows<{ id: string; version: number }>(`SELECT id, version FROM "Assessment" WHERE "detentionId" = $1`, [app.records.case]))[0];
      const riskOpinion = unique("Matrix: low risk of not appearing");
      const perGround = Object.fromEntries((await caseGrounds()).flatMap((ground) => [[`concern_${ground}`, "Raised by the hearings officer."], [`mitigation_${ground}`, "Residence with family and weekly reporting."]]));
      return {
        fields: { detentionId: app.records.case, version: String(assessment?.version ?? 0), intent: "save", interview: "NOT_HELD", noInterviewReason: "The person declined an interview.", riskOpinion, ...perGround },
        target: assessment ? { table: "Assessment", id: assessment.id } : { table: "Detention", id: app.records.case },
        changed: async () => {
          expect(await row(`SELECT "riskOpinion", version FROM "Assessment" WHERE "detentionId" = $1`, [app.records.case])).toEqual({ riskOpinion, version: (assessment?.version ?? 0) + 1 });
        },
      };
    },
  },

  createPlanAction: {
    // Starting a plan is idempotent: each call gets a case without one.
    prepare: async () => {
      const detentionId = await freshCase();
      return {
        fields: { detentionId },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "ReleasePlan" WHERE "detentionId" = $1`, [detentionId])).toHaveLength(1);
        },
      };
    },
  },

  savePlanAction: {
    prepare: async () => {
      const plan = await casePlan();
      const residenceAddress = unique("Matrix: with a sibling");
      const mitigations = Object.fromEntries((await caseGrounds()).map((ground) => [`mitigation_${ground}`, "A bondsperson and weekly reporting."]));
      return {
        fields: { detentionId: app.records.case, version: String(plan.version), measures: ["RESIDENCE_CONDITION", "VOICE_REPORTING"], residenceAddress, residenceDetails: "", proposedConditions: "Report weekly.", ...mitigations },
        target: { table: "ReleasePlan", id: plan.id },
        changed: async () => {
          expect(await row(`SELECT "residenceAddress", version FROM "ReleasePlan" WHERE id = $1`, [plan.id])).toEqual({ residenceAddress, version: plan.version + 1 });
        },
      };
    },
  },

  saveBondspersonAction: {
    // Counsel of record propose a guarantor, never confirm one: the same form confirms for the case team only.
    prepare: async (persona) => {
      const plan = await casePlan();
      const name = unique("Matrix Guarantor");
      return {
        fields: {
          detentionId: app.records.case,
          planVersion: String(plan.version),
          bondspersonId: "",
          name,
          relationship: "Cousin",
          phone: "",
          email: "",
          amount: "5000",
          citizenOrPermanentResident: "on",
          residesInCanada: "on",
          noGuaranteeInDefault: "on",
          confirmed: "on",
        },
        target: { table: "ReleasePlan", id: plan.id },
        changed: async () => {
          expect(await row(`SELECT confirmed, "proposedById" FROM "Bondsperson" WHERE "planId" = $1 AND name = $2`, [plan.id, name])).toEqual({ confirmed: persona !== "COUNSEL_OF_RECORD", proposedById: userOf(persona) });
          expect((await casePlan()).version).toBe(plan.version + 1);
        },
      };
    },
  },

  removeBondspersonAction: {
    prepare: async () => {
      const plan = await casePlan();
      const template = await row<{ id: string }>(`SELECT id FROM "Bondsperson" ORDER BY "createdAt", id LIMIT 1`);
      const bondspersonId = await insertLike("Bondsperson", template.id, { planId: plan.id, name: unique("Matrix Guarantor"), confirmed: false });
      return {
        fields: { detentionId: app.records.case, planVersion: String(plan.version), bondspersonId },
        target: { table: "Bondsperson", id: bondspersonId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "Bondsperson" WHERE id = $1`, [bondspersonId])).toHaveLength(0);
          expect((await casePlan()).version).toBe(plan.version + 1);
        },
      };
    },
  },

  changePlanStatusAction: {
    // Withdrawing and reopening need no readiness checklist: the transition, not the plan's content, is under test.
    prepare: async () => {
      const plan = await casePlan();
      const to = plan.status === "WITHDRAWN" ? "DRAFTING" : "WITHDRAWN";
      return {
        fields: { detentionId: app.records.case, version: String(plan.version), to },
        target: { table: "ReleasePlan", id: plan.id },
        changed: async () => {
          expect(await casePlan()).toEqual({ id: plan.id, status: to, version: plan.version + 1 });
        },
      };
    },
  },

  scheduleHearingAction: {
    prepare: async () => {
      const version = await detentionVersion(app.records.case);
      const location = unique("Matrix: hearing room");
      return {
        fields: { detentionId: app.records.case, detentionVersion: String(version), date: localDate(5, world.caseZone), time: "10:00", location },
        target: { table: "Detention", id: app.records.case },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "DetentionReview" WHERE "detentionId" = $1 AND outcome IS NULL AND location = $2`, [app.records.case, location])).toHaveLength(1);
          expect(await detentionVersion(app.records.case)).toBe(version + 1);
        },
      };
    },
  },

  recordTransferAction: {
    // A transfer moves the person: each call moves a case of its own to the other facility of its office (no hand-off,
    // so the case stays where the matrix's personas expect it).
    prepare: async () => {
      const detentionId = await freshCase();
      const other = await row<{ id: string }>(`SELECT f.id FROM "Facility" f JOIN "Detention" d ON d.id = $1 WHERE f."officeId" = d."officeId" AND f.id <> d."facilityId" ORDER BY f.name LIMIT 1`, [detentionId]);
      const when = localDateAndTime(new Date(Date.now() - 30 * 60_000), world.caseZone);
      return {
        fields: { detentionId, version: "1", toFacilityId: other.id, transferredOn: when.date, transferredAtTime: when.time },
        at: { case: detentionId },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await row(`SELECT "facilityId", version FROM "Detention" WHERE id = $1`, [detentionId])).toEqual({ facilityId: other.id, version: 2 });
          expect(await rows(`SELECT 1 FROM "FacilityTransfer" WHERE "detentionId" = $1 AND "toFacilityId" = $2 AND NOT "handedOver"`, [detentionId, other.id])).toHaveLength(1);
        },
      };
    },
  },

  recordReviewAction: {
    // Recording a review moves the case's review clock on: each call records the first review of a case of its own.
    prepare: async () => {
      const detentionId = await freshCase();
      const started = localDateAndTime(new Date(Date.now() - 30 * 60_000), world.caseZone);
      const notes = unique("Matrix: detention continued");
      return {
        fields: { detentionId, detentionVersion: "1", startedDate: started.date, startedTime: started.time, concludedDate: "", concludedTime: "", outcome: "CONTINUED", notes },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "DetentionReview" WHERE "detentionId" = $1 AND outcome = 'CONTINUED' AND notes = $2`, [detentionId, notes])).toHaveLength(1);
          expect(await detentionVersion(detentionId)).toBe(2);
        },
      };
    },
  },

  editReviewAction: {
    prepare: async () => {
      const review = await row<{ id: string; version: number; startedOn: Date; concludedOn: Date | null; outcome: string; timeZone: string }>(
        `SELECT r.id, r.version, r."startedOn", r."concludedOn", r.outcome, f."timeZone" FROM "DetentionReview" r JOIN "Detention" d ON d.id = r."detentionId" JOIN "Facility" f ON f.id = d."facilityId"
         WHERE r."detentionId" = $1 AND r.outcome IS NOT NULL ORDER BY r."startedOn" DESC LIMIT 1`,
        [world.reviewCase],
      );
      const started = localDateAndTime(review.startedOn, review.timeZone);
      const concluded = review.concludedOn ? localDateAndTime(review.concludedOn, review.timeZone) : { date: "", time: "" };
      const notes = unique("Matrix: corrected notes");
      return {
        fields: { detentionId: world.reviewCase, reviewId: review.id, reviewVersion: String(review.version), startedDate: started.date, startedTime: started.time, concludedDate: concluded.date, concludedTime: concluded.time, outcome: review.outcome, notes },
        target: { table: "DetentionReview", id: review.id },
        changed: async () => {
          expect(await row(`SELECT notes, version FROM "DetentionReview" WHERE id = $1`, [review.id])).toEqual({ notes, version: review.version + 1 });
        },
      };
    },
  },

  recordOutcomeAction: {
    // An outcome ends a detention once: each call records the release of a case of its own.
    prepare: async () => {
      const detentionId = await freshCase();
      const released = localDateAndTime(new Date(Date.now() - 30 * 60_000), world.caseZone);
      const residenceAddress = unique("Matrix: 12 Fictional Lane");
      return {
        fields: { detentionId, detentionVersion: "1", kind: "RELEASE", releaseType: "ID_ORDER_ON_CONDITIONS", date: released.date, time: released.time, reportingMode: "IN_PERSON", reportingFrequency: "WEEKLY", residenceAddress },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await row(`SELECT status, "releaseType", version FROM "Detention" WHERE id = $1`, [detentionId])).toEqual({ status: "RELEASED", releaseType: "ID_ORDER_ON_CONDITIONS", version: 2 });
          expect(await rows(`SELECT 1 FROM "DetentionOutcome" WHERE "detentionId" = $1 AND "supersededAt" IS NULL AND conditions->>'residenceAddress' = $2`, [detentionId, residenceAddress])).toHaveLength(1);
        },
      };
    },
  },

  correctOutcomeAction: {
    prepare: async () => {
      const { detentionId, outcomeId } = await releasedCase();
      const released = localDateAndTime(new Date(Date.now() - 60 * 60_000), world.caseZone);
      const correctionReason = unique("Matrix: the release was an hour earlier");
      return {
        fields: { detentionId, outcomeId, outcomeVersion: "1", correctionReason, kind: "RELEASE", releaseType: "ID_ORDER_WITHOUT_CONDITIONS", date: released.date, time: released.time },
        target: { table: "DetentionOutcome", id: outcomeId },
        changed: async () => {
          expect(await row(`SELECT "supersedeReason", "replacedById" IS NOT NULL AS replaced FROM "DetentionOutcome" WHERE id = $1`, [outcomeId])).toEqual({ supersedeReason: correctionReason, replaced: true });
          expect(await row(`SELECT status, "releaseType" FROM "Detention" WHERE id = $1`, [detentionId])).toEqual({ status: "RELEASED", releaseType: "ID_ORDER_WITHOUT_CONDITIONS" });
        },
      };
    },
  },

  undoOutcomeAction: {
    prepare: async () => {
      const { detentionId, outcomeId } = await releasedCase();
      const undoReason = unique("Matrix: recorded on the wrong case");
      return {
        fields: { detentionId, outcomeId, outcomeVersion: "1", undoReason },
        target: { table: "DetentionOutcome", id: outcomeId },
        changed: async () => {
          expect(await row(`SELECT "supersedeReason", "replacedById" FROM "DetentionOutcome" WHERE id = $1`, [outcomeId])).toEqual({ supersedeReason: undoReason, replacedById: null });
          expect(await row(`SELECT status, "releasedAt" FROM "Detention" WHERE id = $1`, [detentionId])).toEqual({ status: "DETAINED", releasedAt: null });
        },
      };
    },
  },

  proposeOptionAction: {
    // Counsel of record propose a provider of the directory: a task for the case's CLO, and its audit event.
    prepare: async (persona) => {
      const why = unique("Matrix: she asked for this program");
      return {
        fields: { detentionId: app.records.case, source: "DIRECTORY", providerId: app.records.provider, programName: "", contact: "", why },
        changed: async () => {
          const task = await row<{ id: string; createdById: string; status: string }>(`SELECT id, "createdById", status FROM "Task" WHERE "detentionId" = $1 AND description LIKE $2`, [app.records.case, `%${why}%`]);
          expect(task).toMatchObject({ createdById: userOf(persona), status: "OPEN" });
          expect(await row(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1`, [task.id])).toEqual({ action: "plan.option.propose" });
        },
      };
    },
  },

  addCounselNoteAction: {
    prepare: async (persona) => {
      const body = unique("Matrix privileged note");
      return {
        fields: { detentionId: app.records.case, body },
        changed: async () => {
          expect(await row(`SELECT "authorId", visibility FROM "Note" WHERE "detentionId" = $1 AND body = $2`, [app.records.case, body])).toEqual({ authorId: userOf(persona), visibility: "OWN_ORGANISATION" });
        },
      };
    },
  },

  recordCounselAction: {
    // Each call gets a person with no counsel of record, and records counsel.marchand.
    prepare: async () => {
      const detentionId = await freshCase({ counselId: null });
      const counselId = userOf("COUNSEL_OTHER")!;
      return {
        fields: { kind: "ACCOUNT", detentionId, version: "1", counselId },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await row(`SELECT p."counselId", c.status FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" JOIN "CounselOfRecord" c ON c."detaineeId" = p.id WHERE d.id = $1`, [detentionId])).toEqual({ counselId, status: "ACTIVE" });
        },
      };
    },
  },

  requestCounselAction: {
    // Counsel names a case by reference and family name; a match writes a request routed to the case's office.
    prepare: async (persona) => {
      const detentionId = await freshCase({ counselId: null });
      const named = await row<{ reference: string; familyName: string }>(`SELECT d.reference, p."familyName" FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" WHERE d.id = $1`, [detentionId]);
      return {
        fields: { reference: named.reference, familyName: named.familyName },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await rows(`SELECT status FROM "CounselOfRecord" WHERE "requestDetentionId" = $1 AND "counselId" = $2`, [detentionId, userOf(persona)])).toEqual([{ status: "REQUESTED" }]);
        },
      };
    },
  },

  decideCounselRequestAction: {
    // A request from counsel.marchand routed to a fresh Toronto case, confirmed.
    prepare: async () => {
      const detentionId = await freshCase({ counselId: null });
      const counselId = userOf("COUNSEL_OTHER")!;
      const requestId = randomUUID();
      await db.query(
        `INSERT INTO "CounselOfRecord" (id, "detaineeId", "counselId", status, "requestDetentionId", "requestedById") SELECT $1, "detaineeId", $2, 'REQUESTED', id, $2 FROM "Detention" WHERE id = $3`,
        [requestId, counselId, detentionId],
      );
      return {
        fields: { detentionId, requestId, version: "1", decision: "CONFIRM", reason: "" },
        target: { table: "CounselOfRecord", id: requestId },
        changed: async () => {
          expect(await row(`SELECT c.status, p."counselId" FROM "CounselOfRecord" c JOIN "Detainee" p ON p.id = c."detaineeId" WHERE c.id = $1`, [requestId])).toEqual({ status: "ACTIVE", counselId });
        },
      };
    },
  },

  endCounselAction: {
    // A fresh person whose counsel of record is counsel.clinic (an ACTIVE record and the mirror), ended or withdrawn.
    // The office gets a result; counsel withdrawing is sent back to their clients (a redirect): either succeeds.
    success: "none",
    prepare: async () => {
      const counselId = userOf("COUNSEL_OF_RECORD")!;
      const detentionId = await freshCase({ counselId });
      const recordId = randomUUID();
      await db.query(
        `INSERT INTO "CounselOfRecord" (id, "detaineeId", "counselId", status, "requestedById", "startedAt") SELECT $1, "detaineeId", $2, 'ACTIVE', $2, now() FROM "Detention" WHERE id = $3`,
        [recordId, counselId, detentionId],
      );
      return {
        fields: { detentionId, recordId, version: "1", reason: unique("Matrix: the client instructed other counsel") },
        target: { table: "CounselOfRecord", id: recordId },
        changed: async () => {
          expect(await row(`SELECT c.status, p."counselId" FROM "CounselOfRecord" c JOIN "Detainee" p ON p.id = c."detaineeId" WHERE c.id = $1`, [recordId])).toEqual({ status: "ENDED", counselId: null });
        },
      };
    },
  },

  createFeedAction: {
    prepare: async (persona) => {
      const userId = userOf(persona);
      const before = userId ? (await row<{ count: number }>(`SELECT count(*)::int AS count FROM "CalendarFeed" WHERE "userId" = $1`, [userId])).count : 0;
      return {
        fields: {},
        changed: async (response) => {
          expect(response.result, "the new feed's address is shown once").toMatchObject({ ok: true, feedPath: expect.stringMatching(/^\/api\/calendar\//) });
          expect(await row(`SELECT count(*)::int AS feeds, count(*) FILTER (WHERE "revokedAt" IS NULL)::int AS active FROM "CalendarFeed" WHERE "userId" = $1`, [userId])).toEqual({ feeds: before + 1, active: 1 });
        },
      };
    },
  },

  markNotificationReadAction: {
    // Each persona marks a notification of their own, made right before; another's is not found (tests/integration/notifications.test.ts).
    prepare: async (persona) => {
      const userId = userOf(persona);
      const id = randomUUID();
      if (userId) await db.query(`INSERT INTO "Notification" (id, "recipientId", kind, key, path) VALUES ($1, $2, 'CASE_ASSIGNED', $3, '/')`, [id, userId, `matrix:${id}`]);
      return {
        fields: { notificationId: id },
        target: userId ? { table: "Notification", id } : undefined,
        changed: async () => {
          expect((await row<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [id])).readAt).not.toBeNull();
        },
      };
    },
  },

  markAllNotificationsReadAction: {
    prepare: async (persona) => {
      const userId = userOf(persona);
      const id = randomUUID();
      if (userId) await db.query(`INSERT INTO "Notification" (id, "recipientId", kind, key, path) VALUES ($1, $2, 'CASE_ASSIGNED', $3, '/')`, [id, userId, `matrix:${id}`]);
      return {
        fields: {},
        target: userId ? { table: "Notification", id } : undefined,
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "Notification" WHERE "recipientId" = $1 AND "readAt" IS NULL`, [userId])).toHaveLength(0);
        },
      };
    },
  },

  saveNotificationPreferencesAction: {
    // Each persona saves their own preferences (no user id is sent: the session is the account), version-checked.
    prepare: async (persona) => {
      const userId = userOf(persona);
      const before = userId ? await rows<{ version: number; digestHour: number }>(`SELECT version, "digestHour" FROM "NotificationSettings" WHERE "userId" = $1`, [userId]) : [];
      const digestHour = ((before[0]?.digestHour ?? 7) + 1) % 24;
      return {
        fields: { version: String(before[0]?.version ?? 0), digestHour: String(digestHour), timeZone: "America/Vancouver", channel_REVIEW_OVERDUE: "DIGEST" },
        changed: async () => {
          expect(await row(`SELECT "digestHour", "timeZone" FROM "NotificationSettings" WHERE "userId" = $1`, [userId])).toEqual({ digestHour, timeZone: "America/Vancouver" });
          expect(await rows(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'user.notificationPreferences'`, [userId])).not.toHaveLength(0);
        },
      };
    },
  },

  revokeFeedAction: {
    // Each signed-in persona has a feed to lose, so a refusal is seen to keep it.
    prepare: async (persona) => {
      const userId = userOf(persona);
      const feedId = randomUUID();
      if (userId) await db.query(`INSERT INTO "CalendarFeed" (id, "userId", "tokenHash") VALUES ($1, $2, $3)`, [feedId, userId, randomBytes(32).toString("hex")]);
      return {
        fields: {},
        target: userId ? { table: "CalendarFeed", id: feedId } : undefined,
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "CalendarFeed" WHERE "userId" = $1 AND "revokedAt" IS NULL`, [userId])).toHaveLength(0);
        },
      };
    },
  },

  recordConsentAction: {
    prepare: async (persona) => {
      const purpose = unique("Matrix: referral for housing");
      return {
        fields: {
          detentionId: app.records.case,
          recipientOrgId: world.harbour.organizationId,
          purpose,
          fields: ["IDENTITY", "CONTACT_AND_LANGUAGE", "NEEDS"],
          method: "WRITTEN",
          interpreterLanguage: "",
          givenAt: utcToLocalDateTime(new Date(Date.now() - 60 * 60_000), world.caseZone),
        },
        changed: async () => {
          expect(await row(`SELECT "recipientOrgId", "recordedById" FROM "Consent" WHERE "detaineeId" = $1 AND purpose = $2`, [world.caseDetainee, purpose])).toEqual({ recipientOrgId: world.harbour.organizationId, recordedById: userOf(persona) });
        },
      };
    },
  },

  withdrawConsentAction: {
    // Withdrawal happens once: each call withdraws a consent of its own.
    prepare: async (persona) => {
      const consentId = await freshConsent();
      return {
        fields: { consentId, detentionId: app.records.case },
        target: { table: "Consent", id: consentId },
        changed: async () => {
          expect(await row(`SELECT "withdrawnAt" IS NOT NULL AS withdrawn, "withdrawnById" FROM "Consent" WHERE id = $1`, [consentId])).toEqual({ withdrawn: true, withdrawnById: userOf(persona) });
        },
      };
    },
  },

  sendReferralAction: {
    success: "redirect",
    // Sent within a consent in force to Harbour House, with the digest of the packet the sender previewed (a refused
    // persona cannot preview: they send what CLO_TORONTO previewed).
    prepare: async (persona) => {
      const consentId = await freshConsent();
      const preview = await previewedReferral(ACTIONS.find((action) => action.name === "sendReferralAction")!.allowed.includes(persona) ? persona : "CLO_TORONTO", consentId);
      return {
        fields: { detentionId: app.records.case, providerId: world.harbour.providerId, consentId, fields: preview.fields, previewDigest: preview.previewDigest, message: unique("Matrix: available for an intake call") },
        target: { table: "Consent", id: consentId },
        changed: async (response) => {
          const referralId = /^\/referrals\/([0-9a-f-]{36});/.exec(response.actionRedirect ?? "")?.[1];
          expect(referralId, "the sent referral is opened").toBeTruthy();
          const sent = await row(`SELECT status, "consentId", "providerId", "createdById" FROM "Referral" WHERE id = $1`, [referralId]);
          expect(sent).toEqual({ status: "SENT", consentId, providerId: world.harbour.providerId, createdById: userOf(persona) });
        },
      };
    },
  },

  withdrawReferralAction: {
    prepare: async () => {
      const referralId = await freshReferral();
      return {
        fields: { referralId, version: "1" },
        at: { referral: referralId },
        target: { table: "Referral", id: referralId },
        changed: async () => {
          expect(await row(`SELECT status, version FROM "Referral" WHERE id = $1`, [referralId])).toEqual({ status: "WITHDRAWN", version: 2 });
        },
      };
    },
  },

  startReferralReviewAction: {
    prepare: async () => {
      const referralId = await freshReferral();
      return {
        fields: { referralId, version: "1" },
        at: { referral: referralId },
        target: { table: "Referral", id: referralId },
        changed: async () => {
          expect(await row(`SELECT status, version FROM "Referral" WHERE id = $1`, [referralId])).toEqual({ status: "UNDER_REVIEW", version: 2 });
        },
      };
    },
  },

  fileComplaintAction: {
    success: "redirect",
    // A complaint about the service at the Toronto office (a CBSA user's goes to their own office), by a text no other call used.
    prepare: async (persona) => {
      const description = unique("Matrix complaint: nobody answered the phone");
      return {
        fields: { detentionId: "", referralId: "", officeId: world.offices.toronto, onBehalfOf: "DETAINED_PERSON", category: "COMMUNICATION", description, remedySought: "A call back." },
        changed: async () => {
          const filed = await row(`SELECT "filedById", "officeId", status, "detentionId" FROM "Complaint" WHERE description = $1`, [description]);
          expect(filed).toEqual({ filedById: userOf(persona), officeId: world.offices[officeOf(persona)], status: "RECEIVED", detentionId: null });
        },
      };
    },
  },

  reviewComplaintAction: {
    success: "redirect",
    // A fresh copy of COMPLAINT, received, taken for review by the supervisor with notes.
    prepare: async () => {
      const complaintId = await freshComplaint("RECEIVED");
      return {
        fields: { complaintId, version: "1", handlerId: world.userIds.get(PERSONAS.SUPERVISOR_TORONTO)!, investigationNotes: unique("Matrix notes") },
        at: { complaint: complaintId },
        target: { table: "Complaint", id: complaintId },
        changed: async () => {
          expect(await row(`SELECT status, version, "handlerId" FROM "Complaint" WHERE id = $1`, [complaintId])).toEqual({ status: "UNDER_REVIEW", version: 2, handlerId: world.userIds.get(PERSONAS.SUPERVISOR_TORONTO) });
        },
      };
    },
  },

  respondComplaintAction: {
    success: "redirect",
    prepare: async () => {
      const complaintId = await freshComplaint("UNDER_REVIEW");
      return {
        fields: { complaintId, version: "1", outcome: "NOT_UPHELD", response: unique("Matrix response") },
        at: { complaint: complaintId },
        target: { table: "Complaint", id: complaintId },
        changed: async () => {
          expect(await row(`SELECT status, version, outcome, "respondedAt" IS NOT NULL AS responded FROM "Complaint" WHERE id = $1`, [complaintId])).toEqual({ status: "RESPONDED", version: 2, outcome: "NOT_UPHELD", responded: true });
        },
      };
    },
  },

  closeComplaintAction: {
    success: "redirect",
    prepare: async () => {
      const complaintId = await freshComplaint("RESPONDED");
      return {
        fields: { complaintId, version: "1" },
        at: { complaint: complaintId },
        target: { table: "Complaint", id: complaintId },
        changed: async () => {
          expect(await row(`SELECT status, version FROM "Complaint" WHERE id = $1`, [complaintId])).toEqual({ status: "CLOSED", version: 2 });
        },
      };
    },
  },

  withdrawComplaintAction: {
    success: "redirect",
    // COMPLAINT's filer (counsel.clinic) withdraws a fresh copy before any response.
    prepare: async () => {
      const complaintId = await freshComplaint("RECEIVED");
      return {
        fields: { complaintId, version: "1" },
        at: { complaint: complaintId },
        target: { table: "Complaint", id: complaintId },
        changed: async () => {
          expect(await row(`SELECT status, version, outcome FROM "Complaint" WHERE id = $1`, [complaintId])).toEqual({ status: "CLOSED", version: 2, outcome: "WITHDRAWN" });
        },
      };
    },
  },

  shareComplaintSummaryAction: {
    success: "redirect",
    // A fresh copy naming clo.toronto, under review: the supervisor shares a summary with them.
    prepare: async () => {
      const complaintId = await freshComplaint("UNDER_REVIEW", { subjectId: world.userIds.get(PERSONAS.CLO_TORONTO) });
      const summary = unique("Matrix summary");
      return {
        fields: { complaintId, version: "1", subjectSummary: summary },
        at: { complaint: complaintId },
        target: { table: "Complaint", id: complaintId },
        changed: async () => {
          expect(await row(`SELECT status, version, "subjectSummary", "subjectSharedAt" IS NOT NULL AS shared FROM "Complaint" WHERE id = $1`, [complaintId])).toEqual({ status: "UNDER_REVIEW", version: 2, subjectSummary: summary, shared: true });
        },
      };
    },
  },

  recordOutsideReferralAction: {
    success: "redirect",
    // A program outside Liaison, by a name no other call used, with the person's consent for the sections sent.
    prepare: async (persona) => {
      const programName = unique("Matrix outside program");
      return {
        fields: { detentionId: app.records.case, providerId: "", programName, contactName: "Jordan Tremblay", contactEmail: "intake@matrix.example", contactPhone: "", fields: ["IDENTITY", "NEEDS"], consentGiven: "on", consentMethod: "WRITTEN", interpreterLanguage: "", note: "" },
        target: { table: "Detention", id: app.records.case },
        changed: async () => {
          const recorded = await row(
            `SELECT r.status, r.outside, r."createdById", sp.listed, c."recipientOrgId" = sp."organizationId" AS "consentNamesProgram" FROM "Referral" r JOIN "ServiceProvider" sp ON sp.id = r."providerId" JOIN "Organization" o ON o.id = sp."organizationId" JOIN "Consent" c ON c.id = r."consentId" WHERE o.name = $1`,
            [programName],
          );
          expect(recorded).toEqual({ status: "SENT", outside: true, createdById: userOf(persona), listed: false, consentNamesProgram: true });
        },
      };
    },
  },

  recordOutsideAnswerAction: {
    // A fresh outside referral (a copy of REFERRAL), answered "accepted" with a letter of the persona's own organisation (refused
    // personas offer the office's).
    prepare: async (persona) => {
      // Sent an hour ago: the answer's date (today at the facility) must not be before it, and the demo's referral may
      // carry a sending time later than now (its case's detention time plus a day).
      const sentAt = new Date(Date.now() - 3_600_000).toISOString();
      const referralId = await insertLike("Referral", app.records.referral, { status: "SENT", version: 1, outside: true, sentAt, respondedAt: null, answeredOn: null, declineReason: null, declineDetails: null });
      // The letter goes on the referral's own case (REFERRAL's case, which need not be CASE).
      const { detentionId, timeZone } = await row<{ detentionId: string; timeZone: string }>(
        `SELECT r."detentionId", f."timeZone" FROM "Referral" r JOIN "Detention" d ON d.id = r."detentionId" JOIN "Facility" f ON f.id = d."facilityId" WHERE r.id = $1`,
        [referralId],
      );
      const allowed = ACTIONS.find((action) => action.name === "recordOutsideAnswerAction")!.allowed.includes(persona);
      const authorId = allowed ? userOf(persona)! : world.userIds.get(PERSONAS.CLO_TORONTO)!;
      const { organizationId } = await row<{ organizationId: string }>(`SELECT "organizationId" FROM "User" WHERE id = $1`, [authorId]);
      const documentId = randomUUID();
      const key = `documents/${randomUUID()}`;
      const bytes = Buffer.from(`%PDF-1.4\n% ${unique("Matrix acceptance letter")}\n%%EOF\n`);
      await db.query(`INSERT INTO "DocumentContent" (key, bytes) VALUES ($1, $2)`, [key, bytes]);
      await db.query(
        `INSERT INTO "Document" (id, "detentionId", "authorId", "authorOrgId", "fileName", "contentType", "sizeBytes", sha256, "storageKey", sharing) VALUES ($1, $2, $3, $4, 'acceptance.pdf', 'application/pdf', $5, encode(sha256($6), 'hex'), $7, 'OWN_ORGANISATION')`,
        [documentId, detentionId, authorId, organizationId, bytes.byteLength, bytes, key],
      );
      return {
        fields: { referralId, version: "1", status: "ACCEPTED", answeredOn: localDate(0, timeZone), documentId, declineReason: "", declineDetails: "" },
        at: { referral: referralId },
        target: { table: "Referral", id: referralId },
        changed: async () => {
          expect(await row(`SELECT status, version, "answeredOn" IS NOT NULL AS answered FROM "Referral" WHERE id = $1`, [referralId])).toEqual({ status: "ACCEPTED", version: 2, answered: true });
          expect(await row(`SELECT "referralId" FROM "Document" WHERE id = $1`, [documentId])).toEqual({ referralId });
        },
      };
    },
  },

  answerReferralAction: {
    prepare: async () => {
      const referralId = await freshReferral();
      return {
        fields: { referralId, version: "1", status: "ACCEPTED", declineReason: "", declineDetails: "", message: "" },
        at: { referral: referralId },
        target: { table: "Referral", id: referralId },
        changed: async () => {
          expect(await row(`SELECT status, version, "respondedAt" IS NOT NULL AS responded FROM "Referral" WHERE id = $1`, [referralId])).toEqual({ status: "ACCEPTED", version: 2, responded: true });
        },
      };
    },
  },

  postTeamMessageAction: {
    // The office and counsel name the case; a provider's caseworker writes from its referral (REFERRAL: pending, consent in force).
    prepare: async (persona) => {
      const body = unique("Matrix: team message");
      const token = randomUUID();
      const caseworker = persona === "CASEWORKER_RECIPIENT" || persona === "CASEWORKER_OTHER";
      const fields: ActionFields = caseworker ? { referralId: app.records.referral, body, token } : { detentionId: app.records.case, body, token };
      return {
        fields,
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "CaseMessage" WHERE body = $1 AND "authorId" = $2 AND "clientToken" = $3`, [body, userOf(persona), token])).toHaveLength(1);
        },
      };
    },
  },

  postReferralMessageAction: {
    prepare: async (persona) => {
      const body = unique("Matrix: is a bed free this week?");
      return {
        fields: { referralId: app.records.referral, body },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "ReferralMessage" WHERE "referralId" = $1 AND body = $2 AND "authorId" = $3`, [app.records.referral, body, userOf(persona)])).toHaveLength(1);
        },
      };
    },
  },

  createProviderAction: {
    success: "redirect",
    prepare: async () => {
      const name = unique("Matrix Community Housing");
      return {
        fields: { name, kind: "COMMUNITY", description: "Short-term housing.", services: ["HOUSING"], servesGenders: ["FEMALE", "MALE"], riskLevelsAccepted: ["LOW"], languages: "English, French", region: "Greater Toronto Area", spacesTotal: "5", spacesOpen: "2" },
        changed: async (response) => {
          const providerId = /^\/providers\/([0-9a-f-]{36});/.exec(response.actionRedirect ?? "")?.[1];
          expect(providerId, "the new provider is opened").toBeTruthy();
          expect(await row(`SELECT o.name FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId" WHERE sp.id = $1`, [providerId])).toEqual({ name });
        },
      };
    },
  },

  updateProviderAction: {
    // The provider's own caseworkers (Rainbow's) keep its profile current; the form is the whole profile, as the edit page sends it.
    prepare: async () => {
      const provider = await row<Record<string, unknown> & { version: number }>(
        `SELECT version, kind, services::text[] AS services, "servesGenders"::text[] AS "servesGenders", "riskLevelsAccepted"::text[] AS "riskLevelsAccepted", languages, region, "spacesTotal", "spacesOpen",
                "sogieAffirming", "familiesWithChildren", minors, "mentalHealthSupport", "substanceUseSupport" FROM "ServiceProvider" WHERE id = $1`,
        [app.records.provider],
      );
      const description = unique("Matrix: peer support and housing search");
      const switches = Object.fromEntries(["sogieAffirming", "familiesWithChildren", "minors", "mentalHealthSupport", "substanceUseSupport"].filter((name) => provider[name] === true).map((name) => [name, "on"]));
      return {
        fields: {
          providerId: app.records.provider,
          version: String(provider.version),
          kind: String(provider.kind),
          description,
          services: provider.services as string[],
          servesGenders: provider.servesGenders as string[],
          riskLevelsAccepted: provider.riskLevelsAccepted as string[],
          languages: (provider.languages as string[]).join(", "),
          region: String(provider.region),
          spacesTotal: String(provider.spacesTotal),
          spacesOpen: String(provider.spacesOpen),
          ...switches,
        },
        target: { table: "ServiceProvider", id: app.records.provider },
        changed: async () => {
          expect(await row(`SELECT description, version FROM "ServiceProvider" WHERE id = $1`, [app.records.provider])).toEqual({ description, version: provider.version + 1 });
        },
      };
    },
  },

  createOutreachContactAction: {
    prepare: async (persona) => {
      const topic = unique("Matrix: beds for women with children");
      return {
        fields: { providerId: "", organizationName: "Matrix Community Centre", contactedOn: localDate(0, world.caseZone), topic, outcome: "" },
        changed: async () => {
          expect(await row(`SELECT "officeId", "cloId" FROM "OutreachContact" WHERE topic = $1`, [topic])).toEqual({ officeId: world.offices[officeOf(persona)], cloId: userOf(persona) });
        },
      };
    },
  },

  updateOutreachContactAction: {
    // Own office: each CBSA persona corrects a fresh contact of their office; refused personas try Toronto's.
    prepare: async (persona) => {
      const contactId = await freshOutreachContact(officeOf(persona), false);
      const topic = unique("Matrix: corrected topic");
      return {
        fields: { contactId, version: "1", providerId: "", organizationName: "Matrix Outreach Partner", contactedOn: localDate(0, world.caseZone), topic, outcome: "", nextStep: "Send the intake form", nextStepDueOn: localDate(3, world.caseZone) },
        target: { table: "OutreachContact", id: contactId },
        changed: async () => {
          expect(await row(`SELECT topic, "nextStep", version FROM "OutreachContact" WHERE id = $1`, [contactId])).toEqual({ topic, nextStep: "Send the intake form", version: 2 });
        },
      };
    },
  },

  markFollowUpDoneAction: {
    prepare: async (persona) => {
      const contactId = await freshOutreachContact(officeOf(persona), true);
      return {
        fields: { contactId, version: "1" },
        target: { table: "OutreachContact", id: contactId },
        changed: async () => {
          expect(await row(`SELECT "nextStepDoneAt" IS NOT NULL AS done, version FROM "OutreachContact" WHERE id = $1`, [contactId])).toEqual({ done: true, version: 2 });
        },
      };
    },
  },

  createResourceListAction: {
    prepare: async (persona) => {
      const name = unique("Matrix resources");
      return {
        fields: { name, description: "", topic: "FAMILIES_AND_MINORS", sharing: "ALL_OFFICES" },
        changed: async () => {
          expect(await row(`SELECT "officeId", topic::text, sharing::text FROM "ResourceList" WHERE name = $1`, [name])).toEqual({ officeId: world.offices[officeOf(persona)], topic: "FAMILIES_AND_MINORS", sharing: "ALL_OFFICES" });
        },
      };
    },
  },

  updateResourceListAction: {
    // Own office: each CBSA persona edits their office's list; refused personas try Toronto's.
    prepare: async (persona) => {
      const listId = await resourceListOf(officeOf(persona));
      const { version } = await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId]);
      const name = unique("Matrix list renamed");
      const other = officeOf(persona) === "toronto" ? world.offices.vancouver : world.offices.toronto;
      return {
        fields: { listId, version: String(version), name, description: "Edited by the matrix", topic: "FAMILIES_AND_MINORS", sharing: "NAMED_OFFICES", sharedOfficeIds: [other] },
        target: { table: "ResourceList", id: listId },
        changed: async () => {
          expect(await row(`SELECT name, version, sharing::text FROM "ResourceList" WHERE id = $1`, [listId])).toEqual({ name, version: version + 1, sharing: "NAMED_OFFICES" });
          expect(await rows(`SELECT "officeId" FROM "ResourceListShare" WHERE "listId" = $1`, [listId])).toEqual([{ officeId: other }]);
        },
      };
    },
  },

  retireResourceListAction: {
    prepare: async (persona) => {
      const listId = await freshResourceList(officeOf(persona));
      return {
        fields: { listId, version: "1" },
        target: { table: "ResourceList", id: listId },
        changed: async () => {
          expect(await row(`SELECT "retiredAt" IS NOT NULL AS retired, version FROM "ResourceList" WHERE id = $1`, [listId])).toEqual({ retired: true, version: 2 });
        },
      };
    },
  },

  restoreResourceListAction: {
    prepare: async (persona) => {
      const listId = await freshResourceList(officeOf(persona));
      await db.query(`UPDATE "ResourceList" SET "retiredAt" = now() WHERE id = $1`, [listId]);
      return {
        fields: { listId, version: "1" },
        target: { table: "ResourceList", id: listId },
        changed: async () => {
          expect(await row(`SELECT "retiredAt" IS NULL AS "inUse", version FROM "ResourceList" WHERE id = $1`, [listId])).toEqual({ inUse: true, version: 2 });
        },
      };
    },
  },

  moveResourceItemAction: {
    // The second of two options moved up: the list's version moves on with its order.
    prepare: async (persona) => {
      const { listId, itemId: first } = await freshResourceItem(officeOf(persona), 0);
      const { itemId: second } = await freshResourceItem(officeOf(persona), 1, listId);
      return {
        fields: { itemId: second, version: "1", direction: "UP" },
        target: { table: "ResourceList", id: listId },
        changed: async () => {
          expect(await rows(`SELECT id FROM "ResourceListItem" WHERE "listId" = $1 ORDER BY position, id`, [listId])).toEqual([{ id: second }, { id: first }]);
          expect((await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId])).version).toBe(2);
        },
      };
    },
  },

  addResourceItemAction: {
    // Own office: each CLO adds to their office's list; refused personas try Toronto's.
    prepare: async (persona) => {
      const listId = await resourceListOf(officeOf(persona));
      const { version } = await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId]);
      const name = unique("Matrix: drop-in legal clinic");
      return {
        fields: { listId, version: String(version), providerId: "", name, notes: "" },
        target: { table: "ResourceList", id: listId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "ResourceListItem" WHERE "listId" = $1 AND name = $2`, [listId, name])).toHaveLength(1);
          expect((await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId])).version).toBe(version + 1);
        },
      };
    },
  },

  updateResourceItemAction: {
    prepare: async (persona) => {
      const { listId, itemId } = await freshResourceItem(officeOf(persona));
      const name = unique("Matrix option renamed");
      return {
        fields: { itemId, version: "1", name, notes: "Call first" },
        target: { table: "ResourceListItem", id: itemId },
        changed: async () => {
          expect(await row(`SELECT name, notes FROM "ResourceListItem" WHERE id = $1`, [itemId])).toEqual({ name, notes: "Call first" });
          expect((await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId])).version).toBe(2);
        },
      };
    },
  },

  removeResourceItemAction: {
    prepare: async (persona) => {
      const { listId, itemId } = await freshResourceItem(officeOf(persona));
      return {
        fields: { itemId, version: "1" },
        target: { table: "ResourceListItem", id: itemId },
        changed: async () => {
          expect(await rows(`SELECT 1 FROM "ResourceListItem" WHERE id = $1`, [itemId])).toHaveLength(0);
          expect((await row<{ version: number }>(`SELECT version FROM "ResourceList" WHERE id = $1`, [listId])).version).toBe(2);
        },
      };
    },
  },

  linkFamilyMemberAction: {
    prepare: async () => {
      const [parent, child] = [await freshCase(), await freshCase()];
      return {
        fields: { detentionId: parent, reference: await referenceOf(child) },
        target: { table: "Detention", id: parent },
        changed: async () => {
          const members = await rows<{ groupId: string }>(`SELECT "groupId" FROM "FamilyGroupMember" WHERE "detentionId" IN ($1, $2)`, [parent, child]);
          expect(members).toHaveLength(2);
          expect(members[0]!.groupId).toBe(members[1]!.groupId);
        },
      };
    },
  },

  unlinkFamilyMemberAction: {
    prepare: async () => {
      const [parent, child] = [await freshCase(), await freshCase()];
      const groupId = randomUUID();
      await db.query(`INSERT INTO "FamilyGroup" (id, "officeId") VALUES ($1, $2)`, [groupId, world.offices.toronto]);
      for (const detentionId of [parent, child]) {
        await db.query(`INSERT INTO "FamilyGroupMember" (id, "groupId", "detentionId", "addedById") VALUES ($1, $2, $3, $4)`, [randomUUID(), groupId, detentionId, userOf("CLO_TORONTO")]);
      }
      return {
        fields: { detentionId: parent, memberDetentionId: child },
        target: { table: "FamilyGroup", id: groupId },
        changed: async () => {
          // A family of one is no family: the group goes with its last link.
          expect(await rows(`SELECT 1 FROM "FamilyGroupMember" WHERE "groupId" = $1`, [groupId])).toHaveLength(0);
          expect(await rows(`SELECT 1 FROM "FamilyGroup" WHERE id = $1`, [groupId])).toHaveLength(0);
        },
      };
    },
  },

  recordBestInterestsAction: {
    prepare: async () => {
      const detentionId = await freshMinorCase();
      const considerations = unique("Matrix: the child attends school near the facility");
      return {
        fields: { detentionId, version: "0", ageBand: "AGE_5_TO_11", whereabouts: "HOUSED_WITH_PARENT", careArrangement: "DETAINED_PARENT", considerations },
        target: { table: "Detention", id: detentionId },
        changed: async () => {
          expect(await row(`SELECT considerations, version FROM "BestInterestsRecord" WHERE "detentionId" = $1`, [detentionId])).toEqual({ considerations, version: 1 });
        },
      };
    },
  },
};

// ------------------------------------------------------------------------------------------ the checks

/** The target row's columns, each as a digest: a failure names the columns that changed, never their content. */
async function targetRow(target: Prepared["target"]): Promise<Record<string, string>> {
  if (!target) return {};
  return (await row<{ columns: Record<string, string> }>(`SELECT jsonb_object_agg(field.key, md5(field.value::text)) AS columns FROM "${target.table}" t, jsonb_each(to_jsonb(t)) AS field WHERE t.id = $1`, [target.id])).columns;
}

function changedColumns(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((column) => before[column] !== after[column]);
}

function changedTables(before: Awaited<ReturnType<typeof tableContents>>, after: Awaited<ReturnType<typeof tableContents>>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}

/**
 * A refused call: no server error, no success, and "not found" (never "forbidden": the record's existence is not
 * confirmed), or for a visitor without a session the proxy's redirect to sign-in; and nothing written.
 */
async function expectRefused(action: ActionEntry, persona: Persona, prepared: Prepared, options: { cookie?: string; refusal?: "notFound" | "anyFailure" } = {}) {
  const before = await tableContents(db, IGNORED_COLUMNS);
  const targetBefore = await targetRow(prepared.target);
  const response = await postAction(app, action, persona, browserArguments(action, actionForm(prepared.fields)), { at: prepared.at, cookie: options.cookie });
  const label = `${action.name} as ${persona} on ${response.path}`;
  expect(response.status, `${label}: no server error`).toBeLessThan(500);
  // Booleans, not the response: a failure must not print a page full of case data.
  expect(/"ok":true/.test(response.text), `${label}: refused, never a success`).toBe(false);
  expect(response.actionRedirect, `${label}: refused, never sent on to a record`).toBeNull();
  if (persona === "SIGNED_OUT" && !options.cookie) {
    expect(response.status, `${label}: the proxy sends a visitor without a session to sign-in`).toBe(307);
    expect(new URL(response.location ?? "", app.base).pathname, label).toBe("/sign-in");
  } else if ((options.refusal ?? "notFound") === "notFound") {
    expect(response.result, `${label}: refused as not found`).toEqual({ ok: false, error: expect.any(String) });
    expect(NOT_FOUND, `${label}: refused as not found`).toContain((response.result as { error: string }).error);
  } else {
    expect(response.result, `${label}: refused`).toMatchObject({ ok: false });
  }
  expect(changedColumns(targetBefore, await targetRow(prepared.target)), `${label}: the record acted on is unchanged`).toEqual([]);
  expect(changedTables(before, await tableContents(db, IGNORED_COLUMNS)), `${label}: no row written, changed or removed`).toEqual([]);
}

/** An allowed call: the action's own success, then the change it made, in the database. */
async function expectAllowed(action: ActionEntry, persona: Persona, scenario: Scenario, prepared: Prepared) {
  const response = await postAction(app, action, persona, browserArguments(action, actionForm(prepared.fields)), { at: prepared.at });
  const label = `${action.name} as ${persona} on ${response.path}`;
  expect(response.status, `${label}: answers without an error status`).toBeLessThan(400);
  switch (scenario.success ?? "result") {
    case "result":
      expect(response.result, `${label}: succeeds`).toMatchObject({ ok: true });
      break;
    case "redirect":
      expect(response.result, `${label}: no failure`).toBeUndefined();
      expect(response.actionRedirect, `${label}: succeeds by opening the record`).toBeTruthy();
      break;
    case "none":
      expect(/"ok":false/.test(response.text), `${label}: no failure`).toBe(false);
      break;
  }
  await prepared.changed(response);
}

// ------------------------------------------------------------------------------------------ the tests

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(180_000);
  // A port of this worker's own (tests/e2e/workers.ts).
  app = await startIsolatedApp({ databasePrefix: "liaison_action_matrix", port: e2ePort("matrix", testInfo.parallelIndex), secret: "matrix-secret-matrix-secret-matrix-secret" });
  db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const userIds = new Map((await rows<{ email: string; id: string }>(`SELECT email, id FROM "User"`)).map((user) => [user.email, user.id]));
  const officeId = async (name: string) => (await row<{ id: string }>(`SELECT id FROM "Organization" WHERE name = $1`, [name])).id;
  const facilityOf = (office: string) => row<{ id: string; timeZone: string }>(`SELECT id, "timeZone" FROM "Facility" WHERE "officeId" = $1 ORDER BY name LIMIT 1`, [office]);
  const offices = { toronto: await officeId("CBSA Greater Toronto Area Region"), vancouver: await officeId("CBSA Pacific Region") };
  const caseRow = await row<{ detaineeId: string; timeZone: string }>(`SELECT d."detaineeId", f."timeZone" FROM "Detention" d JOIN "Facility" f ON f.id = d."facilityId" WHERE d.id = $1`, [app.records.case]);
  const torontoCaseOfCounsel = `FROM "Detention" d JOIN "Detainee" p ON p.id = d."detaineeId" WHERE d."officeId" = $1 AND d.status = 'DETAINED' AND p."counselId" = $2`;
  world = {
    userIds,
    offices,
    facilities: { toronto: await facilityOf(offices.toronto), vancouver: await facilityOf(offices.vancouver) },
    harbour: await row<World["harbour"]>(`SELECT sp."organizationId", sp.id AS "providerId" FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId" WHERE o.name = 'Harbour House Women''s Shelter'`),
    caseDetainee: caseRow.detaineeId,
    caseZone: caseRow.timeZone,
    traffickingCase: (await row<{ id: string }>(`SELECT d.id ${torontoCaseOfCounsel} AND d."assignedCloId" = $3 ORDER BY d.reference LIMIT 1`, [offices.toronto, userIds.get(PERSONAS.COUNSEL_OF_RECORD), userIds.get(PERSONAS.CLO_TORONTO)])).id,
    reviewCase: (await row<{ id: string }>(`SELECT d.id ${torontoCaseOfCounsel} AND EXISTS (SELECT 1 FROM "DetentionReview" r WHERE r."detentionId" = d.id AND r.outcome IS NOT NULL) ORDER BY d.reference LIMIT 1`, [offices.toronto, userIds.get(PERSONAS.COUNSEL_OF_RECORD)])).id,
    referralConsent: (await row<{ consentId: string }>(`SELECT "consentId" FROM "Referral" WHERE id = $1`, [app.records.referral])).consentId,
  };
});

test.afterAll(async () => {
  await db?.end();
  await app?.stop();
  if (tally.allowed + tally.refused > 0) {
    console.log(
      `Action matrix: ${ACTIONS.length} actions × ${PERSONA_LIST.length} personas = ${tally.allowed + tally.refused} calls; ${tally.allowed} allowed succeeded, ${tally.refused} refused wrote nothing` +
        ` (and ${tally.extra} refusals on relationships and ended sessions).`,
    );
  }
});

test("every action of the registry has a scenario here, and every scenario an action", () => {
  expect(Object.keys(SCENARIOS).sort()).toEqual(ACTIONS.map((action) => action.name).sort());
});

for (const action of ACTIONS) {
  test(`${action.name}: ${action.rule}`, async () => {
    const scenario = SCENARIOS[action.name]!;
    const refused = PERSONA_LIST.filter((persona) => !action.allowed.includes(persona));
    const allowed = PERSONA_LIST.filter((persona) => action.allowed.includes(persona));
    for (const persona of refused) {
      await expectRefused(action, persona, await scenario.prepare(persona));
      tally.refused += 1;
    }
    for (const persona of allowed) {
      await expectAllowed(action, persona, scenario, await scenario.prepare(persona));
      tally.allowed += 1;
    }
  });
}

/**
 * The relationships behind the personas, shown from the other side: the same persona, allowed on the matrix's
 * record, is refused on a record that lacks the relationship. And a session that has ended is refused by the
 * actions themselves, not only by the proxy's redirect of a visitor without a cookie.
 */
test.describe("refusals that follow from a relationship, not a role", () => {
  const byName = (name: string) => ACTIONS.find((action) => action.name === name)!;

  test("trafficking indicators are never recorded through the flag form, not even by the assigned CLO", async () => {
    const action = byName("recordFlagAction");
    const detentionId = await freshCase({ assignedCloId: world.userIds.get("clo.toronto@liaison.example")! });
    const fields = { detentionId, version: "0", flag: "TRAFFICKING_INDICATORS", details: unique("Matrix: indicators noted"), consent: "on" };
    await expectRefused(action, "CLO_TORONTO", { fields, target: { table: "Detention", id: detentionId }, changed: async () => undefined }, { refusal: "anyFailure" });
    const refused = await postAction(app, action, "CLO_TORONTO", browserArguments(action, actionForm(fields)));
    // The refusal names the field and says where indicators are recorded; nothing of the case is in it.
    expect(Object.keys((refused.result as { fieldErrors?: Record<string, string> }).fieldErrors ?? {})).toEqual(["flag"]);
    // Another flag on the same case is theirs to record: the refusal is the trafficking rule, not the case.
    const other = await postAction(app, action, "CLO_TORONTO", browserArguments(action, actionForm({ ...fields, flag: "MEDICAL" })));
    expect(other.result).toMatchObject({ ok: true });
    tally.extra += 1;
  });

  test("a trafficking screen is recorded only by the assigned CLO (and supervisors), and only after the disclosure is confirmed", async () => {
    const action = byName("recordTraffickingScreenAction");
    const detentionId = await freshCase({ assignedCloId: world.userIds.get("clo2.toronto@liaison.example")! });
    const blank = { interpreterLanguage: "", recruitmentNotes: "", controlNotes: "", debtNotes: "", conditionsNotes: "", threatsNotes: "", marriageNotes: "" };
    const fields = { detentionId, disclosureConfirmed: "on", disclosureMethod: "PHONE", indicators: "THREATS_FAMILY", outcome: "INDICATORS_OF_TRAFFICKING", ...blank };
    await expectRefused(action, "CLO_TORONTO", { fields, target: { table: "Detention", id: detentionId }, changed: async () => undefined });
    // The assigned CLO without the confirmation: refused, naming it, with nothing written.
    const unconfirmed = { ...fields, disclosureConfirmed: "" };
    await expectRefused(action, "SUPERVISOR_TORONTO", { fields: unconfirmed, target: { table: "Detention", id: detentionId }, changed: async () => undefined }, { refusal: "anyFailure" });
    tally.extra += 2;
  });

  test("counsel act only on their own clients' cases", async () => {
    const detentionId = await freshCase({ counselId: null });
    for (const name of ["addNoteAction", "addCounselNoteAction"]) {
      await expectRefused(byName(name), "COUNSEL_OF_RECORD", { fields: { detentionId, visibility: "OWN_ORGANISATION", body: unique("Matrix note") }, target: { table: "Detention", id: detentionId }, changed: async () => undefined });
      tally.extra += 1;
    }
  });

  test("the recipient's caseworkers lose a referral when its consent is withdrawn", async () => {
    const referralId = await freshReferral();
    const consentId = await freshConsent();
    await db.query(`UPDATE "Referral" SET "consentId" = $1 WHERE id = $2`, [consentId, referralId]);
    await db.query(`UPDATE "Consent" SET "withdrawnAt" = now() WHERE id = $1`, [consentId]);
    for (const [name, fields] of [
      ["answerReferralAction", { referralId, version: "1", status: "ACCEPTED", declineReason: "", declineDetails: "", message: "" }],
      ["startReferralReviewAction", { referralId, version: "1" }],
      ["postReferralMessageAction", { referralId, body: unique("Matrix message") }],
    ] as const) {
      await expectRefused(byName(name), "CASEWORKER_RECIPIENT", { fields, at: { referral: referralId }, target: { table: "Referral", id: referralId }, changed: async () => undefined });
      tally.extra += 1;
    }
  });

  test("a CBSA office works only on its own office's records", async () => {
    const listId = await resourceListOf("toronto");
    await expectRefused(byName("addResourceItemAction"), "CLO_OTHER_OFFICE", { fields: { listId, version: "1", providerId: "", name: unique("Matrix resource"), notes: "" }, target: { table: "ResourceList", id: listId }, changed: async () => undefined });
    // A list shared with all offices is read there, never edited there.
    const shared = await freshResourceList("toronto");
    await db.query(`UPDATE "ResourceList" SET sharing = 'ALL_OFFICES' WHERE id = $1`, [shared]);
    await expectRefused(byName("updateResourceListAction"), "CLO_OTHER_OFFICE", { fields: { listId: shared, version: "1", name: unique("Matrix takeover"), description: "", topic: "GENERAL", sharing: "OFFICE" }, target: { table: "ResourceList", id: shared }, changed: async () => undefined });
    // A family link names a case of the actor's own office: a Toronto case's reference finds nothing from Vancouver.
    await expectRefused(byName("linkFamilyMemberAction"), "CLO_TORONTO", { fields: { detentionId: app.records.case, reference: (await row<{ reference: string }>(`SELECT reference FROM "Detention" WHERE "officeId" = $1 LIMIT 1`, [world.offices.vancouver])).reference }, target: { table: "Detention", id: app.records.case }, changed: async () => undefined }, { refusal: "anyFailure" });
    tally.extra += 2;
    // Intake names a facility: another office's is not a choice (a field error, since the form offers only the office's own).
    const intake = await SCENARIOS.createDetentionAction!.prepare("CLO_TORONTO");
    await expectRefused(byName("createDetentionAction"), "CLO_OTHER_OFFICE", intake, { refusal: "anyFailure" });
    tally.extra += 2;
  });

  test("no administrator grants themselves power", async () => {
    const adminId = userOf("ADMIN")!;
    const version = String((await row<{ version: number }>(`SELECT version FROM "User" WHERE id = $1`, [adminId])).version);
    // Not their own role, organisation or status...
    await expectRefused(byName("updateUserAction"), "ADMIN", { fields: { userId: adminId, version, role: "SUPERVISOR", organizationId: world.offices.toronto }, target: { table: "User", id: adminId }, changed: async () => undefined }, { refusal: "anyFailure" });
    await expectRefused(byName("setUserActiveAction"), "ADMIN", { fields: { userId: adminId, version, active: "false" }, target: { table: "User", id: adminId }, changed: async () => undefined }, { refusal: "anyFailure" });
    // ...nor a grant they asked for themselves, nor one about their own account asked for by someone else.
    const own = await pendingGrant(adminId);
    await expectRefused(byName("approveRoleGrantAction"), "ADMIN", { fields: { grantId: own.grantId, version: "1" }, target: { table: "RoleGrant", id: own.grantId }, changed: async () => undefined }, { refusal: "anyFailure" });
    const aboutSelf = randomUUID();
    await db.query(`INSERT INTO "RoleGrant" (id, "userId", role, "organizationId", activates, "userVersion", "requestedById") VALUES ($1, $2, 'SUPERVISOR', $3, false, $4, $5)`, [aboutSelf, adminId, world.offices.toronto, Number(version), world.userIds.get("admin2@liaison.example")]);
    await expectRefused(byName("approveRoleGrantAction"), "ADMIN", { fields: { grantId: aboutSelf, version: "1" }, target: { table: "RoleGrant", id: aboutSelf }, changed: async () => undefined }, { refusal: "anyFailure" });
    await db.query(`UPDATE "RoleGrant" SET status = 'DECLINED' WHERE id = $1`, [aboutSelf]);
    tally.extra += 4;
  });

  test("a session that has ended is refused by every action itself", async () => {
    // Signed in, then signed out: the cookie still reaches the action (the proxy only looks for one), whose session check refuses it.
    const cookie = await signInOverHttp(app.base, PERSONAS.SUPERVISOR_TORONTO);
    await db.query(`UPDATE "UserSession" SET "revokedAt" = now() WHERE id = (SELECT id FROM "UserSession" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1)`, [userOf("SUPERVISOR_TORONTO")]);
    for (const action of ACTIONS.filter((entry) => !entry.allowed.includes("SIGNED_OUT"))) {
      await expectRefused(action, "SIGNED_OUT", await SCENARIOS[action.name]!.prepare("SUPERVISOR_TORONTO"), { cookie });
      tally.extra += 1;
    }
  });
});
