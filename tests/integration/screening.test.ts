import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import { traffickingScreenInput } from "@/tests/support/trafficking-screen";

const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { listOfficeDetentions } = await import("@/lib/detentions/queue-queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");
const { recordFlag, removeFlag } = await import("@/lib/screening/mutations");
const { recordFlagSchema } = await import("@/lib/screening/schema");
const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const TORONTO = "CBSA Greater Toronto Area Region";

async function freshCase(assignedTo: string) {
  const clo = await prisma.user.findUniqueOrThrow({ where: { email: assignedTo }, select: { id: true } });
  const detainedAt = new Date(now.getTime() - 6 * HOUR);
  const { id } = await insertDetention(prisma, { officeName: TORONTO, detainedAt, nextReviewDueBy: new Date(detainedAt.getTime() + 48 * HOUR), assignedCloId: clo.id });
  return { id, detainedAt };
}

describe("screening", () => {
  it("flags a detainee with a mental-health need for assessment within 48 hours, and moves it back when the last flag goes", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const { id, detainedAt } = await freshCase("clo.toronto@liaison.example");
    expect(await recordFlag(clo, { detentionId: id, version: 0, flag: "MENTAL_HEALTH", details: "Sees a psychiatrist weekly" })).toEqual({ ok: true });
    const deadlineFor = async () => (await getCaseFile(clo, id))!.assessmentDeadline;
    const before = await deadlineFor();
    expect(before.basis).toBe("VULNERABILITY_48_HOURS");
    expect(before.dueBy.getTime()).toBe(detainedAt.getTime() + 48 * HOUR);

    expect(await recordFlag(clo, { detentionId: id, version: 1, flag: "LANGUAGE_BARRIER", details: null })).toEqual({ ok: true });
    expect(await removeFlag(clo, { detentionId: id, version: 2, flag: "MENTAL_HEALTH" })).toEqual({ ok: true });
    expect((await deadlineFor()).dueBy.getTime()).toBe(detainedAt.getTime() + 48 * HOUR);

    expect(await removeFlag(clo, { detentionId: id, version: 3, flag: "LANGUAGE_BARRIER" })).toEqual({ ok: true });
    const cleared = await deadlineFor();
    // Back to the 7-day review: provisional, from the latest lawful first review (48 h), end of the 7th day after.
    expect(cleared.basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
    expect(cleared.dueBy.getTime()).toBeGreaterThan(detainedAt.getTime() + 8 * 24 * HOUR);
    expect(await prisma.auditEvent.count({ where: { detentionId: id, action: { startsWith: "screening.flag" } } })).toBe(4);
  });

  it("records trafficking indicators only through the screen, and shows them only to the assigned CLO, supervisors and counsel", async () => {
    const assigned = await actorFor(prisma, "clo.toronto@liaison.example");
    const otherClo = await actorFor(prisma, "clo2.toronto@liaison.example");
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const { id } = await freshCase("clo.toronto@liaison.example");
    // The hand-recorded flag form refuses them, naming the field; the mutation refuses them whoever calls it.
    const parsed = recordFlagSchema.safeParse({ detentionId: id, version: "0", flag: "TRAFFICKING_INDICATORS", details: "Debt to recruiter" });
    expect(parsed.success ? null : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["flag", "traffickingUsesScreen"]]);
    const smuggled = { detentionId: id, version: 0, flag: "TRAFFICKING_INDICATORS", details: "Debt to recruiter" } as unknown as Parameters<typeof recordFlag>[1];
    expect(await recordFlag(assigned, smuggled)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.screening.count({ where: { detentionId: id } })).toBe(0);
    // The screen, after the disclosure, raises the flag with the disclosure as its consent.
    expect((await recordTraffickingScreen(assigned, traffickingScreenInput(id), now)).ok).toBe(true);
    const stored = await prisma.screeningFlag.findFirstOrThrow({ where: { screening: { detentionId: id }, flag: "TRAFFICKING_INDICATORS" } });
    expect(stored.consentRecordedAt).not.toBeNull();

    const flagsSeenBy = async (actor: typeof assigned) => ((await getCaseFile(actor, id))?.screening?.flags ?? []).map((entry) => entry.flag);
    expect(await flagsSeenBy(assigned)).toEqual(["TRAFFICKING_INDICATORS"]);
    expect(await flagsSeenBy(supervisor)).toEqual(["TRAFFICKING_INDICATORS"]);
    expect(await flagsSeenBy(otherClo)).toEqual([]);
    // The other CLO opens the case (same office) but cannot see, change or remove the indicator.
    expect(await getCaseFile(otherClo, id)).not.toBeNull();
    expect(await removeFlag(otherClo, { detentionId: id, version: 1, flag: "TRAFFICKING_INDICATORS" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    // Nor learn it from the queue.
    const queue = await listOfficeDetentions(otherClo, detentionListParamsSchema.parse({ flag: "TRAFFICKING_INDICATORS" }), now);
    expect(queue.rows.map((row) => row.id)).not.toContain(id);
    // Counsel of record sees it.
    const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
    const detaineeId = (await prisma.detention.findUniqueOrThrow({ where: { id }, select: { detaineeId: true } })).detaineeId;
    await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId: counsel.userId } });
    expect(await flagsSeenBy(counsel)).toEqual(["TRAFFICKING_INDICATORS"]);
  });

  it("refuses the second of two concurrent screening saves and keeps the first", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const { id } = await freshCase("clo.toronto@liaison.example");
    expect(await recordFlag(clo, { detentionId: id, version: 0, flag: "MEDICAL", details: "Diabetes" })).toEqual({ ok: true });
    // Both opened the case at version 1.
    const [first, second] = await Promise.all([
      recordFlag(clo, { detentionId: id, version: 1, flag: "MEDICAL", details: "Type 1 diabetes, insulin at 8:00" }),
      recordFlag(supervisor, { detentionId: id, version: 1, flag: "MEDICAL", details: "Overwritten?" }),
    ]);
    expect([first, second].filter((result) => result.ok)).toHaveLength(1);
    expect([first, second].filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const stored = await prisma.screeningFlag.findFirstOrThrow({ where: { screening: { detentionId: id }, flag: "MEDICAL" } });
    expect(stored.details).toBe(first.ok ? "Type 1 diabetes, insulin at 8:00" : "Overwritten?");
    // A save from the version before both is refused too.
    expect(await recordFlag(clo, { detentionId: id, version: 1, flag: "ELDERLY", details: null })).toEqual({ ok: false, reason: "STALE_VERSION" });
  });

  it("refuses two first flags at once on a case without a screening: one is kept", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const { id } = await freshCase("clo.toronto@liaison.example");
    const results = await Promise.all([
      recordFlag(clo, { detentionId: id, version: 0, flag: "PREGNANCY", details: null }),
      recordFlag(clo, { detentionId: id, version: 0, flag: "DISABILITY", details: null }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await prisma.screeningFlag.count({ where: { screening: { detentionId: id } } })).toBe(1);
  });
});
