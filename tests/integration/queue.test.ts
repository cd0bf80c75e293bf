import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";

const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { listOfficeDetentions, queueFilterCounts } = await import("@/lib/detentions/queue-queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");
const { comparePriority, priorityTier, NEARLY_READY_PLAN_STATUSES } = await import("@/lib/detentions/rules");
const { planReadiness } = await import("@/lib/release-plans/rules");

const { db } = await import("@/lib/db");
const TORONTO = "CBSA Greater Toronto Area Region";

// An overdue first review, in an office whose demo cases are all within their deadlines.
await insertDetention(prisma, { officeName: TORONTO, detainedAt: new Date(now.getTime() - 60 * HOUR), nextReviewDueBy: new Date(now.getTime() - 12 * HOUR) });
// A trafficking indication on a case assigned to nobody: only supervisors count it.
await insertDetention(prisma, { officeName: TORONTO, detainedAt: new Date(now.getTime() - 100 * HOUR), nextReviewDueBy: new Date(now.getTime() + 100 * HOUR), flags: ["TRAFFICKING_INDICATORS"] });

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

async function everyPage<T>(load: (page: number) => Promise<{ rows: T[]; pageCount: number }>): Promise<T[]> {
  const first = await load(1);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => load(i + 2)));
  return [first, ...rest].flatMap((page) => page.rows);
}

/** The priority inputs of every detention of an office, read with Prisma and computed in Node with the pure rule. */
async function priorityInputsInNode(officeId: string, viewer: { role: string; userId: string }) {
  const detentions = await prisma.detention.findMany({
    where: { officeId },
    select: {
      id: true,
      status: true,
      detainedAt: true,
      grounds: true,
      nextReviewDueBy: true,
      assignedCloId: true,
      noProspectReason: true,
      noProspectRevisitOn: true,
      screening: { select: { flags: { select: { flag: true } } } },
      assessment: { select: { interviewAt: true, noInterviewReason: true } },
      releasePlan: { select: { status: true, measures: true, mitigations: { select: { ground: true, mitigation: true } }, bondspersons: true } },
    },
  });
  return detentions.map((detention) => {
    const flags = (detention.screening?.flags ?? [])
      .map((entry) => entry.flag as VulnerabilityFlag)
      .filter((flag) => flag !== "TRAFFICKING_INDICATORS" || viewer.role === "SUPERVISOR" || detention.assignedCloId === viewer.userId);
    const plan = detention.releasePlan;
    const readiness = plan ? planReadiness({ grounds: detention.grounds, assessment: detention.assessment, plan, referrals: [] }) : null;
    // "Nearly ready": ready or release ordered, or a draft whose interview and mitigations are in place.
    const nearlyReady =
      !!plan &&
      (NEARLY_READY_PLAN_STATUSES.includes(plan.status) ||
        (plan.status === "DRAFTING" && !!readiness && readiness.items.filter((item) => item.key === "INTERVIEW_OR_REASON" || item.key === "MITIGATION_PER_GROUND").every((item) => item.met)));
    return {
      id: detention.id,
      status: detention.status,
      detainedAt: detention.detainedAt,
      nextReviewDueBy: detention.nextReviewDueBy,
      flags,
      planNearlyReady: nearlyReady,
      noProspect: { recorded: detention.noProspectReason !== null, revisitOn: detention.noProspectRevisitOn },
    };
  });
}

describe("the caseload priority queue, computed in SQL", () => {
  it("orders the office's cases exactly as the pure priority rule does, across pages", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const params = detentionListParamsSchema.parse({ status: "ALL" });
    const rows = await everyPage((page) => listOfficeDetentions(clo, { ...params, page }, now));
    const expected = (await priorityInputsInNode(clo.organizationId, clo)).sort((a, b) => comparePriority(a, b, now));
    expect(rows.map((row) => row.id)).toEqual(expected.map((entry) => entry.id));
    expect(rows.map((row) => row.priorityTier)).toEqual(expected.map((entry) => priorityTier(entry, now)));
  });

  it("is the default order, with an overdue first review at the top", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const page = await listOfficeDetentions(clo, detentionListParamsSchema.parse({}), now);
    expect(page.rows.length).toBeGreaterThan(0);
    const tiers = page.rows.map((row) => row.priorityTier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(page.rows[0]!.nextReviewDueBy!.getTime()).toBeLessThan(now.getTime());
  });

  it("counts each filter option in SQL, each count being what choosing that option lists", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const params = detentionListParamsSchema.parse({});
    const counts = await queueFilterCounts(supervisor, params, now);
    const all = await everyPage((page) => listOfficeDetentions(supervisor, { ...params, page }, now));
    expect(counts.total).toBe(all.length);
    expect(counts.reviewDue.ALL).toBe(all.length);
    const overdue = all.filter((row) => row.nextReviewDueBy && row.nextReviewDueBy < now);
    expect(counts.reviewDue.OVERDUE).toBe(overdue.length);
    expect(counts.reviewDue.OVERDUE).toBeGreaterThan(0);
    for (const option of ["OVERDUE", "DUE_SOON", "THIS_WEEK"] as const) {
      const listed = await everyPage((page) => listOfficeDetentions(supervisor, { ...params, reviewDue: option, page }, now));
      expect(listed).toHaveLength(counts.reviewDue[option]);
    }
    const mental = await everyPage((page) => listOfficeDetentions(supervisor, { ...params, flag: "MENTAL_HEALTH", page }, now));
    expect(mental.length).toBe(counts.flag.MENTAL_HEALTH);
    expect(mental.every((row) => row.flags.includes("MENTAL_HEALTH"))).toBe(true);
    const noPlan = await everyPage((page) => listOfficeDetentions(supervisor, { ...params, plan: "NONE", page }, now));
    expect(noPlan.length).toBe(counts.plan.NONE);
    expect(noPlan.every((row) => row.planStatus === null)).toBe(true);
    // Facets combine: the overdue count under a flag filter is what both filters together list.
    const both = await queueFilterCounts(supervisor, { ...params, flag: "ANY" }, now);
    const listedBoth = await everyPage((page) => listOfficeDetentions(supervisor, { ...params, flag: "ANY", reviewDue: "OVERDUE", page }, now));
    expect(both.reviewDue.OVERDUE).toBe(listedBoth.length);
    expect(counts.assigned.office).toBe(all.length);
    expect(counts.assigned.me).toBe(all.filter((row) => row.assignedClo?.name === supervisor.name).length);
  });

  it("counts trafficking indications only for those who may see them", async () => {
    const params = detentionListParamsSchema.parse({});
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const clo = await actorFor(prisma, "clo2.toronto@liaison.example");
    const bySupervisor = await queueFilterCounts(supervisor, params, now);
    const byClo = await queueFilterCounts(clo, params, now);
    expect(bySupervisor.flag.TRAFFICKING_INDICATORS).toBeGreaterThan(byClo.flag.TRAFFICKING_INDICATORS);
    const listed = await listOfficeDetentions(clo, { ...params, flag: "TRAFFICKING_INDICATORS" }, now);
    expect(listed.total).toBe(byClo.flag.TRAFFICKING_INDICATORS);
  });

  it("gives the same total on every page, a page past the end included", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const params = detentionListParamsSchema.parse({ status: "ALL" });
    const first = await listOfficeDetentions(clo, params, now);
    expect(first.pageCount).toBeGreaterThan(1);
    const last = await listOfficeDetentions(clo, { ...params, page: first.pageCount }, now);
    const beyond = await listOfficeDetentions(clo, { ...params, page: first.pageCount + 3 }, now);
    expect(last.total).toBe(first.total);
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(first.total);
    expect(first.total).toBe((await everyPage((page) => listOfficeDetentions(clo, { ...params, page }, now))).length);
  });

  it("keeps the other sortable columns", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const page = await listOfficeDetentions(clo, detentionListParamsSchema.parse({ sort: "reference", dir: "desc" }), now);
    const references = page.rows.map((row) => row.reference);
    expect(references).toEqual([...references].sort().reverse());
  });
});
