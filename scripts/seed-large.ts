/**
 * `npm run seed:large [count]`: adds COUNT (default 50,000) fictional detentions with realistic history to the
 * database named by DATABASE_URL, for benchmarks. It first loads the ordinary demo data (offices, facilities,
 * accounts, providers) if absent. Lengths of detention follow CBSA's published distribution (docs/domain.md:
 * median a few days, mean about three weeks, a tail past 99 days). The history is laid out at a fixed national rate
 * (scripts/support/seed-layout.ts): 500,000 detentions reach ten years back, 50,000 one year, and about 750 people are
 * still detained whatever the size (1.5% of a seed under 50,000), so a larger seed is a longer past with the same
 * present, as a decade of real use would be. Each detention
 * gets its reviews as the review clock schedules them, and, in realistic shares, screening flags, an assessment,
 * a release plan, referrals with consent (to a provider of the office's region, so the region's NGO caseworkers,
 * e.g. caseworker.northgate@liaison.example, have an inbox that grows with the data), and tasks.
 *
 * Speed (500,000 detentions is a decade of national history, issue 17): rows go in as one INSERT … SELECT FROM
 * unnest(…) per table per batch of 5,000 detentions, every column sent as one text array (a handful of
 * parameters, whatever the batch size; PostgreSQL parses and casts them), and the next batch is generated while
 * the database writes the previous one: 500,000 detentions in about 3 minutes here, where Prisma's createMany in
 * batches of 2,000 took 4.5 minutes for 50,000.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { computeReviewSchedule, type ReviewInput } from "@/lib/reviews/rules";
import { DETAINED_NOW, DETENTIONS_PER_YEAR, SHORTEST_HISTORY_DAYS } from "./support/seed-layout";
import type { AtdMeasure, DetentionGround, ReferralStatus, ReviewKind, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 5_000; // detentions per batch

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(50_000);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Hours detained, drawn from CBSA's bands: 35% up to 24 h, 20% 25-48 h, 25% 3-9 days, 13% 10-39, 5% 40-99, 2% more. */
function lengthHours(): number {
  const r = random();
  if (r < 0.35) return 2 + random() * 22;
  if (r < 0.55) return 24 + random() * 24;
  if (r < 0.8) return 48 + random() * 7 * 24;
  if (r < 0.93) return 10 * 24 + random() * 30 * 24;
  if (r < 0.98) return 40 * 24 + random() * 60 * 24;
  return 100 * 24 + random() * 300 * 24;
}

const FLAGS: VulnerabilityFlag[] = ["MENTAL_HEALTH", "MEDICAL", "DISABILITY", "SOGIE", "PREGNANCY", "MINOR_HOUSED", "SEPARATED_FROM_CHILD", "GBV_SURVIVOR", "ELDERLY", "LANGUAGE_BARRIER", "NO_COMMUNITY_TIES"];
const GROUNDS: DetentionGround[][] = [["UNLIKELY_TO_APPEAR"], ["UNLIKELY_TO_APPEAR"], ["UNLIKELY_TO_APPEAR"], ["IDENTITY_NOT_ESTABLISHED"], ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"], ["SECURITY_OR_CRIMINALITY_INVESTIGATION"]];
const MEASURES: AtdMeasure[][] = [["VOICE_REPORTING", "RESIDENCE_CONDITION"], ["BONDSPERSON", "CASH_DEPOSIT"], ["CCMS", "RESIDENCE_CONDITION"], ["COMMUNITY_PROGRAM", "IN_PERSON_REPORTING"], ["TREATMENT_PROGRAM"]];
const REFERRAL_OUTCOMES: ReferralStatus[] = ["ACCEPTED", "ACCEPTED", "INTAKE_COMPLETE", "DECLINED", "WAITLISTED", "SENT", "WITHDRAWN"];
const GIVEN = ["Amara", "Bilal", "Carmen", "Dawit", "Elena", "Farid", "Gloria", "Hassan", "Ines", "Jean", "Kemi", "Luis", "Mariam", "Nikolai", "Olga", "Pedro"];
const FAMILY = ["Abebe", "Barzani", "Castillo", "Dlamini", "Estrada", "Fofana", "Guerrero", "Haidari", "Ibrahim", "Jovanovic", "Kamara", "Lopez", "Mensah", "Nguyen", "Okonkwo", "Petrov"];

type Row = Record<string, unknown>;
type Rows = Record<string, Row[]>;

/** Each table's columns written by the seed, with their PostgreSQL types (the casts from text). */
const TABLES: Record<string, { table: string; columns: [string, string][] }> = {
  detainee: { table: "Detainee", columns: [["id", "uuid"], ["givenName", "text"], ["familyName", "text"], ["dateOfBirth", "date"], ["gender", '"Gender"'], ["languages", "text[]"], ["citizenship", "text"], ["clientId", "text"], ["updatedAt", "timestamptz"]] },
  detention: {
    table: "Detention",
    columns: [["id", "uuid"], ["reference", "text"], ["detaineeId", "uuid"], ["officeId", "uuid"], ["facilityId", "uuid"], ["detainedAt", "timestamptz"], ["grounds", '"DetentionGround"[]'], ["assignedCloId", "uuid"], ["status", '"DetentionStatus"'], ["releasedAt", "timestamptz"], ["releaseType", '"ReleaseType"'], ["nextReviewKind", '"ReviewKind"'], ["nextReviewDueBy", "timestamptz"], ["updatedAt", "timestamptz"]],
  },
  screening: { table: "Screening", columns: [["id", "uuid"], ["detentionId", "uuid"], ["recordedById", "uuid"], ["updatedAt", "timestamptz"]] },
  screeningFlag: { table: "ScreeningFlag", columns: [["id", "uuid"], ["screeningId", "uuid"], ["flag", '"VulnerabilityFlag"']] },
  assessment: { table: "Assessment", columns: [["id", "uuid"], ["detentionId", "uuid"], ["authorId", "uuid"], ["interviewAt", "timestamptz"], ["recommendedMeasures", '"AtdMeasure"[]'], ["completedAt", "timestamptz"], ["updatedAt", "timestamptz"]] },
  releasePlan: { table: "ReleasePlan", columns: [["id", "uuid"], ["detentionId", "uuid"], ["status", '"PlanStatus"'], ["measures", '"AtdMeasure"[]'], ["updatedAt", "timestamptz"]] },
  detentionReview: {
    table: "DetentionReview",
    columns: [["id", "uuid"], ["detentionId", "uuid"], ["kind", '"ReviewKind"'], ["dueBy", "timestamptz"], ["scheduledFor", "timestamptz"], ["startedOn", "timestamptz"], ["concludedOn", "timestamptz"], ["outcome", '"ReviewOutcome"'], ["updatedAt", "timestamptz"]],
  },
  consent: { table: "Consent", columns: [["id", "uuid"], ["detaineeId", "uuid"], ["recipientOrgId", "uuid"], ["purpose", "text"], ["fields", '"ConsentField"[]'], ["method", '"ConsentMethod"'], ["givenAt", "timestamptz"], ["recordedById", "uuid"]] },
  referral: {
    table: "Referral",
    columns: [["id", "uuid"], ["detentionId", "uuid"], ["providerId", "uuid"], ["consentId", "uuid"], ["status", '"ReferralStatus"'], ["packetFields", '"ConsentField"[]'], ["packet", "jsonb"], ["createdById", "uuid"], ["sentAt", "timestamptz"], ["updatedAt", "timestamptz"]],
  },
  task: { table: "Task", columns: [["id", "uuid"], ["detentionId", "uuid"], ["category", '"TaskCategory"'], ["title", "text"], ["ownerId", "uuid"], ["createdById", "uuid"], ["dueAt", "timestamptz"], ["status", '"TaskStatus"'], ["completedAt", "timestamptz"], ["updatedAt", "timestamptz"]] },
};
// Parents before children (foreign keys).
const ORDER = ["detainee", "detention", "screening", "screeningFlag", "assessment", "releasePlan", "detentionReview", "consent", "referral", "task"] as const;

/** A PostgreSQL array literal of plain words (the seed's arrays hold enum values and language names only). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** A value as the text PostgreSQL casts to the column's type. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value as string[]);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One INSERT … SELECT FROM unnest per table: every column is one text[] parameter, cast to its type in SQL. */
async function insertAll(pool: pg.Pool, rows: Rows) {
  for (const model of ORDER) {
    const list = rows[model] ?? [];
    if (list.length === 0) continue;
    const { table, columns } = TABLES[model]!;
    const names = columns.map(([name]) => `"${name}"`).join(", ");
    const casts = columns.map(([, type], index) => `c${index}::${type}`).join(", ");
    const unnest = columns.map((_, index) => `$${index + 1}::text[]`).join(", ");
    const aliases = columns.map((_, index) => `c${index}`).join(", ");
    const parameters = columns.map(([name]) => list.map((row) => asText(row[name])));
    await pool.query(`INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`, parameters);
  }
}

/** UUIDs of version 7 (time first), as the schema's @default(uuid(7)) makes: index inserts stay at the right edge. */
let uuidMillis = 0;
let uuidSequence = 0;
function uuid7(): string {
  const now = Date.now();
  if (now > uuidMillis) {
    uuidMillis = now;
    uuidSequence = 0;
  } else if (++uuidSequence > 0xfff) {
    uuidMillis += 1;
    uuidSequence = 0;
  }
  const hex = uuidMillis.toString(16).padStart(12, "0") + "7" + uuidSequence.toString(16).padStart(3, "0") + randomUUID().replace(/-/g, "").slice(16);
  // randomUUID's last 16 hex digits start with the RFC 4122 variant (8, 9, a or b).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: name the PostgreSQL database to fill.");
    process.exit(1);
  }
  const count = Number(process.argv[2] ?? 50_000);
  const started = Date.now();
  const prisma = createPrismaClient(url, { max: 2 });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await seedDemo(prisma);
    const offices = await prisma.organization.findMany({ where: { kind: "CBSA_OFFICE" }, select: { id: true, name: true, region: true }, orderBy: { name: "asc" } });
    const facilities = await prisma.facility.findMany({ select: { id: true, officeId: true, timeZone: true }, orderBy: { name: "asc" } });
    const clos = await prisma.user.findMany({ where: { role: "CLO" }, select: { id: true, organizationId: true }, orderBy: { email: "asc" } });
    // Referrals go to the office's region's providers (the anti-trafficking one only takes people with indicators).
    const allProviders = await prisma.serviceProvider.findMany({ where: { NOT: { services: { has: "ANTI_TRAFFICKING" } } }, select: { id: true, organizationId: true, organization: { select: { region: true } } }, orderBy: { organizationId: "asc" } });
    const existing = await prisma.detention.count({ where: { reference: { startsWith: "L" } } });
    const now = new Date();
    // The layout (support/seed-layout.ts), from the database's whole large seed once this run is done.
    const total = existing + count;
    const horizon = Math.max(SHORTEST_HISTORY_DAYS * DAY, (total / DETENTIONS_PER_YEAR) * 365 * DAY);
    const stillDetainedShare = Math.min(0.015, DETAINED_NOW / total);
    const byOffice = new Map(
      offices.map((office) => {
        const regional = allProviders.filter((provider) => provider.organization.region === office.region);
        return [office.id, { facilities: facilities.filter((facility) => facility.officeId === office.id), clos: clos.filter((clo) => clo.organizationId === office.id), providers: regional.length > 0 ? regional : allProviders }];
      }),
    );

    let rows: Rows = {};
    let writing: Promise<void> = Promise.resolve();
    // The database writes one batch while the next is generated.
    const flush = async () => {
      const batch = rows;
      rows = {};
      await writing;
      writing = insertAll(pool, batch);
    };
    const push = (model: string, row: Row) => (rows[model] ??= []).push(row);

    for (let i = 0; i < count; i += 1) {
      const office = offices[i % offices.length]!;
      const local = byOffice.get(office.id)!;
      const facility = pick(local.facilities);
      const stillDetained = random() < stillDetainedShare;
      const hours = lengthHours();
      const detainedAt = stillDetained ? new Date(now.getTime() - hours * HOUR) : new Date(now.getTime() - random() * horizon - hours * HOUR);
      const endedAt = stillDetained ? null : new Date(detainedAt.getTime() + hours * HOUR);
      const removed = !stillDetained && random() < 0.12;
      const detaineeId = uuid7();
      const detentionId = uuid7();
      const cloId = local.clos.length > 0 ? pick(local.clos).id : clos[0]!.id;
      const grounds = pick(GROUNDS);

      // Reviews on time, as the clock schedules them, until release.
      const reviews: (ReviewInput & { kind: ReviewKind; dueBy: Date })[] = [];
      const until = endedAt ?? now;
      for (let guard = 0; guard < 30; guard += 1) {
        const { next } = computeReviewSchedule({ detainedAt, timeZone: facility.timeZone, schedule: "STANDARD", reviews, now: until });
        if (!next) break;
        const startedOn = new Date(Math.max(detainedAt.getTime() + 20 * HOUR, next.dueBy.getTime() - (next.kind === "FORTY_EIGHT_HOUR" ? 6 : 30) * HOUR));
        if (startedOn >= until) break;
        reviews.push({ kind: next.kind, dueBy: next.dueBy, startedOn, concludedOn: new Date(startedOn.getTime() + 2 * HOUR), outcome: "CONTINUED" });
      }
      const last = reviews.at(-1);
      const releasedByOrder = !stillDetained && !removed && last !== undefined && endedAt !== null && endedAt.getTime() - last.startedOn.getTime() < 4 * HOUR;
      if (releasedByOrder && last) last.outcome = "RELEASE_ORDERED";
      const clock = stillDetained ? computeReviewSchedule({ detainedAt, timeZone: facility.timeZone, schedule: "STANDARD", reviews, now }) : null;
      const updatedAt = endedAt ?? now;

      const flags = random() < 0.3 ? [pick(FLAGS), ...(random() < 0.3 ? [pick(FLAGS)] : [])].filter((flag, index, all) => all.indexOf(flag) === index) : [];
      const givenName = pick(GIVEN);
      const familyName = pick(FAMILY);
      const dateOfBirth = new Date(Date.UTC(1960 + Math.floor(random() * 45), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      push("detainee", { id: detaineeId, givenName, familyName, dateOfBirth, gender: random() < 0.8 ? "MALE" : "FEMALE", languages: ["Spanish"], citizenship: "XXX", clientId: `LARGE-${existing + i}`, updatedAt });
      push("detention", {
        id: detentionId,
        reference: `L${office.name.includes("Toronto") ? "TOR" : office.name.includes("Quebec") ? "MTL" : "VAN"}-${String(existing + i).padStart(6, "0")}`,
        detaineeId,
        officeId: office.id,
        facilityId: facility.id,
        detainedAt,
        grounds,
        assignedCloId: cloId,
        status: stillDetained ? "DETAINED" : removed ? "REMOVED" : "RELEASED",
        releasedAt: stillDetained || removed ? null : endedAt,
        releaseType: stillDetained || removed ? null : releasedByOrder ? "ID_ORDER_ON_CONDITIONS" : "CBSA_OFFICER_RELEASE",
        nextReviewKind: clock?.next?.kind ?? null,
        nextReviewDueBy: clock?.next?.dueBy ?? null,
        updatedAt,
      });
      for (const review of reviews) push("detentionReview", { id: uuid7(), detentionId, kind: review.kind, dueBy: review.dueBy, scheduledFor: review.startedOn, startedOn: review.startedOn, concludedOn: review.concludedOn, outcome: review.outcome, updatedAt });
      if (flags.length > 0) {
        const screeningId = uuid7();
        push("screening", { id: screeningId, detentionId, recordedById: cloId, updatedAt });
        for (const flag of flags) push("screeningFlag", { id: uuid7(), screeningId, flag });
      }
      // Most cases detained past a day get an assessment; release-first offices interview most people.
      if (hours > 12 && random() < 0.8) {
        push("assessment", { id: uuid7(), detentionId, authorId: cloId, interviewAt: random() < 0.75 ? new Date(detainedAt.getTime() + 10 * HOUR) : null, recommendedMeasures: pick(MEASURES), completedAt: new Date(detainedAt.getTime() + Math.min(hours, 20 + random() * 150) * HOUR), updatedAt });
      }
      if (hours > 24 && random() < 0.6) {
        push("releasePlan", { id: uuid7(), detentionId, status: stillDetained ? pick(["DRAFTING", "READY", "PRESENTED"] as const) : removed ? "WITHDRAWN" : "RELEASED", measures: pick(MEASURES), updatedAt });
      }
      if (hours > 36 && random() < 0.35) {
        const provider = pick(local.providers);
        const consentId = uuid7();
        const sentAt = new Date(detainedAt.getTime() + 14 * HOUR);
        // The packet as lib/referrals/packet.ts#buildPacket makes it for these fields; review dates as of sending.
        const reviewAtSending = reviews.find((review) => review.dueBy > sentAt);
        const packet = {
          identity: { givenName, familyName, dateOfBirth: dateOfBirth.toISOString().slice(0, 10) },
          reviewDates: { nextReviewKind: reviewAtSending?.kind ?? clock?.next?.kind ?? null, nextReviewDueBy: (reviewAtSending?.dueBy ?? clock?.next?.dueBy)?.toISOString() ?? null, timeZone: facility.timeZone },
          needs: [{ area: "HOUSING", notes: null }],
        };
        push("consent", { id: consentId, detaineeId, recipientOrgId: provider.organizationId, purpose: "Referral for release planning", fields: ["IDENTITY", "NEEDS", "REVIEW_DATES"], method: "WRITTEN", givenAt: new Date(detainedAt.getTime() + 12 * HOUR), recordedById: cloId });
        push("referral", { id: uuid7(), detentionId, providerId: provider.id, consentId, status: pick(REFERRAL_OUTCOMES), packetFields: ["IDENTITY", "NEEDS", "REVIEW_DATES"], packet, createdById: cloId, sentAt, updatedAt });
      }
      if (random() < 0.5) {
        push("task", { id: uuid7(), detentionId, category: pick(["PROPERTY_ACCESS", "DOCUMENTS", "HOUSING", "COMMUNICATION"] as const), title: "Obstacle to release", ownerId: cloId, createdById: cloId, dueAt: new Date(detainedAt.getTime() + 3 * DAY), status: stillDetained ? "OPEN" : "DONE", completedAt: stillDetained ? null : endedAt, updatedAt });
      }
      if ((i + 1) % BATCH === 0) {
        await flush();
        if ((i + 1) % 50_000 === 0 || count <= 50_000) console.log(`${i + 1} detentions… (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    await flush();
    await writing;
    // VACUUM as well as ANALYZE: rows just written have no visibility-map bit, so every index-only scan would still
    // read the heap (the reports' period scan, the flag lookups) until autovacuum came by, which a deployment's
    // tables have long had and a bench server may not run at all.
    await pool.query("VACUUM (ANALYZE)");
    console.log(`Added ${count} detentions in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error("seed:large failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
