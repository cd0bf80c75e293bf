/**
 * `npm run seed:large [count]`: adds COUNT (default 50,000) fictional detentions with realistic history to the
 * database named by DATABASE_URL, for benchmarks. It first loads the ordinary demo data (offices, facilities,
 * accounts, providers) if absent. Lengths of detention follow CBSA's published distribution (docs/domain.md:
 * median a few days, mean about three weeks, a tail past 99 days); about 1.5% are still detained. Each detention
 * gets its reviews as the review clock schedules them, and, in realistic shares, screening flags, an assessment,
 * a release plan, referrals with consent, and tasks. Rows are written with multi-row inserts in batches.
 */
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { computeReviewSchedule, type ReviewInput } from "@/lib/reviews/rules";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AtdMeasure, DetentionGround, ReferralStatus, ReviewKind, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 2_000;

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

type Rows = Record<string, Record<string, unknown>[]>;

async function insertAll(prisma: PrismaClient, rows: Rows) {
  // Parents before children (foreign keys).
  const order = ["detainee", "detention", "screening", "screeningFlag", "assessment", "releasePlan", "detentionReview", "consent", "referral", "task"] as const;
  for (const model of order) {
    const list = rows[model] ?? [];
    for (let start = 0; start < list.length; start += BATCH) {
      // createMany is a single multi-row INSERT per batch.
      await (prisma[model] as unknown as { createMany: (args: { data: unknown[] }) => Promise<unknown> }).createMany({ data: list.slice(start, start + BATCH) });
    }
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: name the PostgreSQL database to fill.");
    process.exit(1);
  }
  const count = Number(process.argv[2] ?? 50_000);
  const started = Date.now();
  const prisma = createPrismaClient(url, { max: 4 });
  try {
    await seedDemo(prisma);
    const offices = await prisma.organization.findMany({ where: { kind: "CBSA_OFFICE" }, select: { id: true, name: true } });
    const facilities = await prisma.facility.findMany({ select: { id: true, officeId: true, timeZone: true } });
    const clos = await prisma.user.findMany({ where: { role: "CLO" }, select: { id: true, organizationId: true } });
    const providers = await prisma.serviceProvider.findMany({ select: { id: true, organizationId: true } });
    const existing = await prisma.detention.count({ where: { reference: { startsWith: "L" } } });
    const now = new Date();
    const horizon = 4 * 365 * DAY; // four years of history

    let rows: Rows = {};
    const flush = async () => {
      await insertAll(prisma, rows);
      rows = {};
    };
    const push = (model: string, row: Record<string, unknown>) => (rows[model] ??= []).push(row);

    for (let i = 0; i < count; i += 1) {
      const office = offices[i % offices.length]!;
      const officeFacilities = facilities.filter((facility) => facility.officeId === office.id);
      const facility = pick(officeFacilities);
      const officeClos = clos.filter((clo) => clo.organizationId === office.id);
      const stillDetained = random() < 0.015;
      const hours = lengthHours();
      const detainedAt = stillDetained ? new Date(now.getTime() - hours * HOUR) : new Date(now.getTime() - random() * horizon - hours * HOUR);
      const endedAt = stillDetained ? null : new Date(detainedAt.getTime() + hours * HOUR);
      const removed = !stillDetained && random() < 0.12;
      const detaineeId = randomUUID();
      const detentionId = randomUUID();
      const cloId = officeClos.length > 0 ? pick(officeClos).id : clos[0]!.id;
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

      const flags = random() < 0.3 ? [pick(FLAGS), ...(random() < 0.3 ? [pick(FLAGS)] : [])].filter((flag, index, all) => all.indexOf(flag) === index) : [];
      push("detainee", { id: detaineeId, givenName: pick(GIVEN), familyName: pick(FAMILY), dateOfBirth: new Date(Date.UTC(1960 + Math.floor(random() * 45), Math.floor(random() * 12), 1 + Math.floor(random() * 28))), gender: random() < 0.8 ? "MALE" : "FEMALE", languages: ["Spanish"], citizenship: "XXX", clientId: `LARGE-${existing + i}` });
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
      });
      for (const review of reviews) push("detentionReview", { detentionId, kind: review.kind, dueBy: review.dueBy, scheduledFor: review.startedOn, startedOn: review.startedOn, concludedOn: review.concludedOn, outcome: review.outcome });
      if (flags.length > 0) {
        const screeningId = randomUUID();
        push("screening", { id: screeningId, detentionId, recordedById: cloId });
        for (const flag of flags) push("screeningFlag", { screeningId, flag });
      }
      // Most cases detained past a day get an assessment; release-first offices interview most people.
      if (hours > 12 && random() < 0.8) {
        push("assessment", { detentionId, authorId: cloId, interviewAt: random() < 0.75 ? new Date(detainedAt.getTime() + 10 * HOUR) : null, noInterviewReason: null, recommendedMeasures: pick(MEASURES), completedAt: new Date(detainedAt.getTime() + Math.min(hours, 20 + random() * 150) * HOUR) });
      }
      if (hours > 24 && random() < 0.6) {
        push("releasePlan", { detentionId, status: stillDetained ? pick(["DRAFTING", "READY", "PRESENTED"] as const) : removed ? "WITHDRAWN" : "RELEASED", measures: pick(MEASURES) });
      }
      if (hours > 36 && random() < 0.35) {
        const provider = pick(providers);
        const consentId = randomUUID();
        push("consent", { id: consentId, detaineeId, recipientOrgId: provider.organizationId, purpose: "Referral for release planning", fields: ["IDENTITY", "NEEDS", "REVIEW_DATES"], method: "WRITTEN", givenAt: new Date(detainedAt.getTime() + 12 * HOUR), recordedById: cloId });
        push("referral", { detentionId, providerId: provider.id, consentId, status: pick(REFERRAL_OUTCOMES), packetFields: ["IDENTITY", "NEEDS", "REVIEW_DATES"], packet: { needs: ["HOUSING"] }, createdById: cloId, sentAt: new Date(detainedAt.getTime() + 14 * HOUR) });
      }
      if (random() < 0.5) {
        push("task", { detentionId, category: pick(["PROPERTY_ACCESS", "DOCUMENTS", "HOUSING", "COMMUNICATION"] as const), title: "Obstacle to release", ownerId: cloId, createdById: cloId, dueAt: new Date(detainedAt.getTime() + 3 * DAY), status: stillDetained ? "OPEN" : "DONE", completedAt: stillDetained ? null : endedAt });
      }
      if ((i + 1) % 5_000 === 0) {
        await flush();
        console.log(`${i + 1} detentions…`);
      }
    }
    await flush();
    await prisma.$executeRawUnsafe("ANALYZE");
    console.log(`Added ${count} detentions in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("seed:large failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
