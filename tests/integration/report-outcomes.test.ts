import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { instantToWallClock } from "@/lib/time/facility-clock";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Releases recorded through the same mutation functions the app uses, then the supervisor's report read back.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { recordOutcome, undoOutcome, correctOutcome } = await import("@/lib/outcomes/mutations");
const { recordOutcomeSchema, correctOutcomeSchema, undoOutcomeSchema } = await import("@/lib/outcomes/schema");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");

const ZONE = "America/Toronto";
const now = new Date("2026-11-30T12:00:00Z");
const march = reportFilterSchema.parse({ from: "2025-03-01", to: "2025-03-31" });

let prisma: PrismaClient;
let toronto: Awaited<ReturnType<ReturnType<typeof reviewFixtures>["office"]>>;

/**
 * One office, worked out by hand (Toronto, 2025):
 * A detained 10 March, released 12 March (48 h) by an ID order on voice reporting: a March release on ATD.
 * B detained 20 February, released 5 March (13 days) by an ID order without conditions: a March release, detained in February.
 * C detained 15 March, released by an officer the next morning, then undone by a supervisor: not a release.
 * D detained 1 March, released 3 March, corrected to 4 March (72 h) with in-person reporting: counted once.
 * E detained 25 March, released 2 April: an April release, a March detention.
 */
beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  const fixtures = reviewFixtures(prisma);
  toronto = await fixtures.office("reports", ZONE);
  const clo = toronto.clo;
  const supervisor = toronto.supervisor;

  const release = async (detainedAt: string, releasedAt: string, fields: Record<string, string>) => {
    const detention = await fixtures.detention(toronto, { detainedAt: new Date(detainedAt) });
    const local = instantToWallClock(new Date(releasedAt), ZONE);
    const result = await recordOutcome(clo, recordOutcomeSchema.parse({ detentionId: detention.id, detentionVersion: "1", kind: "RELEASE", date: local.date, time: local.time, ...fields }), now);
    if (!result.ok) throw new Error(`release refused: ${JSON.stringify(result)}`);
    return { detentionId: detention.id, outcomeId: result.outcomeId! };
  };
  const onConditions = (mode: "VOICE" | "IN_PERSON") => ({ releaseType: "ID_ORDER_ON_CONDITIONS", reportingMode: mode, reportingFrequency: "WEEKLY" });

  await release("2025-03-10T12:00:00Z", "2025-03-12T12:00:00Z", onConditions("VOICE"));
  await release("2025-02-20T12:00:00Z", "2025-03-05T12:00:00Z", { releaseType: "ID_ORDER_WITHOUT_CONDITIONS" });

  const c = await release("2025-03-15T12:00:00Z", "2025-03-16T02:00:00Z", { releaseType: "CBSA_OFFICER_RELEASE", reportingMode: "IN_PERSON", reportingFrequency: "DAILY" });
  const undone = await undoOutcome(supervisor, undoOutcomeSchema.parse({ detentionId: c.detentionId, outcomeId: c.outcomeId, outcomeVersion: "1", undoReason: "Recorded on the wrong person" }), now);
  if (!undone.ok) throw new Error("undo refused");

  const d = await release("2025-03-01T12:00:00Z", "2025-03-03T12:00:00Z", onConditions("IN_PERSON"));
  const corrected = instantToWallClock(new Date("2025-03-04T12:00:00Z"), ZONE);
  const correction = await correctOutcome(
    supervisor,
    correctOutcomeSchema.parse({ detentionId: d.detentionId, outcomeId: d.outcomeId, outcomeVersion: "1", correctionReason: "Released the day after", kind: "RELEASE", date: corrected.date, time: corrected.time, ...onConditions("IN_PERSON") }),
    now,
  );
  if (!correction.ok) throw new Error("correction refused");

  await release("2025-03-25T12:00:00Z", "2025-04-02T12:00:00Z", onConditions("VOICE"));
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

describe("reports from recorded outcomes", () => {
  it("count releases in the month of release, an undone one not at all and a corrected one once", async () => {
    const report = await loadReport(toronto.supervisor, march, now);
    expect(report?.indicators.map((row) => ({ detentions: row.detentions, released: row.released, releasedOnAtd: row.releasedOnAtd }))).toEqual([{ detentions: 4, released: 3, releasedOnAtd: 2 }]);
  });

  it("band the length of detention, from detention to release, with its median", async () => {
    const report = await loadReport(toronto.supervisor, march, now);
    expect(report?.lengthOfDetention).toEqual([
      { key: "UP_TO_24_HOURS", count: 0 },
      { key: "25_TO_48_HOURS", count: 1 },
      { key: "3_TO_9_DAYS", count: 1 },
      { key: "10_TO_39_DAYS", count: 1 },
      { key: "40_TO_99_DAYS", count: 0 },
      { key: "OVER_99_DAYS", count: 0 },
    ]);
    // 48 h, 72 h and 13 days: the median is 72 hours.
    expect(report?.medianReleasedDays).toBeCloseTo(3, 6);
  });

  it("split releases by type and by the ATD measures of the conditions imposed", async () => {
    const report = await loadReport(toronto.supervisor, march, now);
    expect(report?.releasesByType).toEqual([
      { key: "ID_ORDER_ON_CONDITIONS", count: 2 },
      { key: "ID_ORDER_WITHOUT_CONDITIONS", count: 1 },
    ]);
    expect(report?.releasesByMeasure).toEqual([
      { key: "IN_PERSON_REPORTING", count: 1 },
      { key: "VOICE_REPORTING", count: 1 },
    ]);
  });

  it("by month, put each release in its own month, with a row for a month of releases only", async () => {
    const report = await loadReport(toronto.supervisor, reportFilterSchema.parse({ from: "2025-02-01", to: "2025-04-30", groupBy: "month" }), now);
    expect(report?.indicators.map((row) => [row.key, row.detentions, row.released, row.releasedOnAtd])).toEqual([
      ["2025-02", 1, 0, 0],
      ["2025-03", 4, 3, 2],
      ["2025-04", 0, 1, 1],
    ]);
  });
});
