import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { DEMO_USERS, OFFICES, PROVIDERS, seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The data layer reads DATABASE_URL lazily (lib/env): point it at this run's database before the first query.
process.env.DATABASE_URL = inject("databaseUrl");
const { listOfficeDetentions } = await import("@/lib/detentions/queue-queries");
const { listMyClients } = await import("@/lib/counsel/queries");
const { listReferralInbox } = await import("@/lib/referrals/inbox-queries");
const { listUsers } = await import("@/lib/users/queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");

let prisma: PrismaClient;
const allDetentions = detentionListParamsSchema.parse({ status: "ALL" });

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function everyPage<T>(load: (page: number) => Promise<{ rows: T[]; pageCount: number }>): Promise<T[]> {
  const first = await load(1);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => load(i + 2)));
  return [first, ...rest].flatMap((page) => page.rows);
}

describe("demo seed", () => {
  it("runs twice without duplicating anything", async () => {
    const count = async () => ({
      organizations: await prisma.organization.count(),
      users: await prisma.user.count(),
      detentions: await prisma.detention.count(),
      detainees: await prisma.detainee.count(),
      providers: await prisma.serviceProvider.count(),
      reviews: await prisma.detentionReview.count(),
      referrals: await prisma.referral.count(),
    });
    const before = await count();
    const second = await seedDemo(prisma);
    expect(second.created).toBe(0);
    expect(await count()).toEqual(before);
  });

  it("has the demo shape the README promises", async () => {
    // Counted among the demo's own records: other test files add offices and providers of their own to this database.
    const demoProviders = { organization: { name: { in: PROVIDERS.map((provider) => provider.name) } } };
    expect(await prisma.organization.count({ where: { kind: "CBSA_OFFICE", name: { in: OFFICES.map((office) => office.name) } } })).toBe(3);
    expect(await prisma.serviceProvider.count({ where: demoProviders })).toBe(13);
    expect(await prisma.serviceProvider.count({ where: { ...demoProviders, kind: "CCMS_CONTRACTED" } })).toBe(3);
    // Every demo person has a DEMO- client identifier.
    expect(await prisma.detention.count({ where: { detainee: { clientId: { startsWith: "DEMO-" } } } })).toBe(60);
    const demoEmails = DEMO_USERS.map((user) => user.email);
    for (const role of ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as const) {
      expect(await prisma.user.count({ where: { role, email: { in: demoEmails } } })).toBeGreaterThanOrEqual(2);
    }
    const statuses = await prisma.releasePlan.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual(["DRAFTING", "NOT_ACCEPTED", "PRESENTED", "READY", "RELEASED", "RELEASE_ORDERED", "WITHDRAWN"]);
    const referralStatuses = await prisma.referral.groupBy({ by: ["status"], _count: true });
    expect(referralStatuses).toHaveLength(8);
  });

  it("has lengths of detention shaped like CBSA's statistics: median of a few days, a long tail", async () => {
    // The demo's own people (DEMO- client ids): other files write released detentions of their own to this database.
    const demo = { detainee: { clientId: { startsWith: "DEMO-" } } };
    const ended = await prisma.detention.findMany({ where: { ...demo, status: { in: ["RELEASED", "REMOVED"] } }, select: { detainedAt: true, releasedAt: true, updatedAt: true } });
    const released = await prisma.detention.findMany({ where: { ...demo, status: "RELEASED" }, select: { detainedAt: true, releasedAt: true } });
    const days = released.map((d) => (d.releasedAt!.getTime() - d.detainedAt.getTime()) / 86_400_000).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)]!;
    const mean = days.reduce((sum, d) => sum + d, 0) / days.length;
    expect(ended.length).toBeGreaterThan(20);
    expect(median).toBeGreaterThanOrEqual(1);
    expect(median).toBeLessThanOrEqual(8);
    expect(mean).toBeGreaterThan(10);
    expect(days.at(-1)!).toBeGreaterThan(99);
  });
});

describe("each role's home shows only what the role may see", () => {
  it("a Toronto CLO sees every Toronto detention and no Vancouver or Montreal one", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const rows = await everyPage((page) => listOfficeDetentions(clo, { ...allDetentions, page }));
    const toronto = await prisma.detention.count({ where: { office: { name: "CBSA Greater Toronto Area Region" } } });
    expect(rows).toHaveLength(toronto);
    expect(rows.every((row) => row.reference.startsWith("TOR-"))).toBe(true);
  });

  it("a Vancouver supervisor sees only Vancouver detentions", async () => {
    const supervisor = await actorFor(prisma, "supervisor.vancouver@liaison.example");
    const rows = await everyPage((page) => listOfficeDetentions(supervisor, { ...allDetentions, page }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.reference.startsWith("VAN-"))).toBe(true);
  });

  it("the caseload is sorted and paginated in the database: by next review due when asked", async () => {
    // The default order is now the priority queue (tests/integration/queue.test.ts); the review-due sort remains.
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const page = await listOfficeDetentions(clo, detentionListParamsSchema.parse({ sort: "nextReviewDueBy" }));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.length).toBeLessThanOrEqual(page.pageSize);
    const dues = page.rows.map((row) => row.nextReviewDueBy?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(page.rows.every((row) => row.status === "DETAINED")).toBe(true);
  });

  it("'assigned to me' narrows the caseload to the CLO's own cases", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const mine = await everyPage((page) => listOfficeDetentions(clo, { ...allDetentions, assigned: "me", page }));
    const expected = await prisma.detention.count({ where: { assignedCloId: clo.userId } });
    expect(mine).toHaveLength(expected);
    expect(mine.every((row) => row.assignedClo?.name === clo.name)).toBe(true);
  });

  it("an NGO caseworker sees only referrals sent to their organisation, never drafts", async () => {
    const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
    const rows = await everyPage((page) => listReferralInbox(caseworker, page));
    const expected = await prisma.referral.count({ where: { provider: { organizationId: caseworker.organizationId }, status: { not: "DRAFT" } } });
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((row) => row.providerName === "Harbour House Women's Shelter" && row.status !== "DRAFT")).toBe(true);
  });

  it("an NGO caseworker no longer sees a referral once consent is withdrawn", async () => {
    const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
    const before = await listReferralInbox(caseworker, 1);
    const target = before.rows[0]!;
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: target.id }, select: { consentId: true } });
    await prisma.consent.update({ where: { id: referral.consentId! }, data: { withdrawnAt: new Date() } });
    try {
      const after = await everyPage((page) => listReferralInbox(caseworker, page));
      expect(after.map((row) => row.id)).not.toContain(target.id);
    } finally {
      await prisma.consent.update({ where: { id: referral.consentId! }, data: { withdrawnAt: null } });
    }
  });

  it("counsel see only their own clients", async () => {
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const rows = await everyPage((page) => listMyClients(counsel, page));
    const expected = await prisma.detention.count({ where: { detainee: { counselId: counsel.userId } } });
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    const other = await actorFor(prisma, "counsel.marchand@liaison.example");
    const otherRows = await everyPage((page) => listMyClients(other, page));
    expect(otherRows.length).toBeGreaterThan(0);
    expect(otherRows.map((row) => row.detentionId).filter((id) => rows.some((mine) => mine.detentionId === id))).toEqual([]);
  });

  it("roles without a caseload get nothing from the caseload query", async () => {
    for (const email of ["caseworker.harbour@liaison.example", "counsel.clinic@liaison.example", "admin@liaison.example"]) {
      const actor = await actorFor(prisma, email);
      expect((await listOfficeDetentions(actor, allDetentions)).total).toBe(0);
    }
  });

  it("only admins list users, and never see password hashes", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const page = await listUsers(admin, 1);
    expect(page.total).toBe(await prisma.user.count());
    expect(Object.keys(page.rows[0]!)).not.toContain("passwordHash");
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    expect((await listUsers(clo, 1)).total).toBe(0);
  });
});
