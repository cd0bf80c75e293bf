import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { listOfficeDetentions, queueFilterCounts } = await import("@/lib/detentions/queue-queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const SCALE = 50_000;

describe("the caseload queue at 50,000 detentions", () => {
  it("serves a prioritised, filtered page and its filter counts from SQL without loading the office into Node", async () => {
    const office = await prisma.organization.findFirstOrThrow({ where: { name: "CBSA Greater Toronto Area Region" }, select: { id: true, facilities: { select: { id: true }, take: 1 } } });
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    // Synthetic people and detentions, generated in the database: a spread of review deadlines, a tenth flagged, a fifth with a plan.
    await prisma.$executeRaw`
      INSERT INTO "Detainee" (id, "givenName", "familyName", "dateOfBirth", gender, languages, citizenship, "updatedAt")
      SELECT gen_random_uuid(), 'Scale', 'Person' || n, DATE '1990-01-01', 'UNDISCLOSED', ARRAY['English'], 'XXX', now() FROM generate_series(1, ${SCALE}) AS n`;
    await prisma.$executeRaw`
      INSERT INTO "Detention" (id, reference, "detaineeId", "officeId", "facilityId", "detainedAt", grounds, "assignedCloId", "nextReviewKind", "nextReviewDueBy", "updatedAt")
      SELECT gen_random_uuid(), 'SCL-' || row_number() OVER (), p.id, ${office.id}::uuid, ${office.facilities[0]!.id}::uuid,
        now() - (random() * interval '200 days'), ARRAY['UNLIKELY_TO_APPEAR']::"DetentionGround"[],
        CASE WHEN random() < 0.3 THEN ${clo.userId}::uuid END, 'THIRTY_DAY', now() + (random() * interval '40 days') - interval '5 days', now()
      FROM "Detainee" p WHERE p."givenName" = 'Scale'`;
    await prisma.$executeRaw`
      INSERT INTO "Screening" (id, "detentionId", "recordedById", "updatedAt")
      SELECT gen_random_uuid(), d.id, ${clo.userId}::uuid, now() FROM "Detention" d WHERE d.reference LIKE 'SCL-%' AND random() < 0.1`;
    await prisma.$executeRaw`
      INSERT INTO "ScreeningFlag" (id, "screeningId", flag)
      SELECT gen_random_uuid(), s.id, (ARRAY['MENTAL_HEALTH', 'MINOR_HOUSED', 'MEDICAL']::"VulnerabilityFlag"[])[1 + floor(random() * 3)::int]
      FROM "Screening" s JOIN "Detention" d ON d.id = s."detentionId" WHERE d.reference LIKE 'SCL-%'`;
    await prisma.$executeRaw`
      INSERT INTO "ReleasePlan" (id, "detentionId", status, "updatedAt")
      SELECT gen_random_uuid(), d.id, (ARRAY['DRAFTING', 'READY', 'PRESENTED']::"PlanStatus"[])[1 + floor(random() * 3)::int], now() FROM "Detention" d WHERE d.reference LIKE 'SCL-%' AND random() < 0.2`;
    await prisma.$executeRaw`ANALYZE`;

    const params = detentionListParamsSchema.parse({});
    // Correctness at scale only: how fast it is, is measured by `npm run bench`, not asserted in a test.
    const page = await listOfficeDetentions(clo, { ...params, page: 101 }, now);
    const counts = await queueFilterCounts(clo, params, now);
    expect(page.total).toBeGreaterThan(SCALE);
    expect(page.rows).toHaveLength(page.pageSize);
    const tiers = page.rows.map((row) => row.priorityTier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(counts.total).toBe(page.total);
    expect(counts.reviewDue.OVERDUE).toBeGreaterThan(0);
  });
});
