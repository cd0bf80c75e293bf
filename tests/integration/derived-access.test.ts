/**
 * Values derived from screening flags follow access to the flags (lib/authz/cases.ts visibleFlags).
 * Trafficking indicators are visible only to the assigned CLO, supervisors and counsel of record; another CLO
 * of the office must read exactly what they would read if the indicator did not exist: the flags listed, the
 * assessment deadline and its basis, the priority tier and its reasons, the queue's order and counts, the
 * provider ranking. Compared on the real database, before and after the indicator is recorded and removed
 * through the real mutations.
 */
import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import { traffickingScreenInput } from "@/tests/support/trafficking-screen";
import type { Actor } from "@/lib/authz";
import type { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { localToday } from "@/lib/time/facility-clock";

const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { listOfficeDetentions, queueFilterCounts } = await import("@/lib/detentions/queue-queries");
const { detentionListParamsSchema } = await import("@/lib/detentions/schema");
const { priorityReasons } = await import("@/lib/detentions/rules");
const { getAssessment } = await import("@/lib/assessments/queries");
const { assessmentDeadlineMet } = await import("@/lib/assessments/rules");
const { matchProvidersForCase } = await import("@/lib/providers/queries");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");
const { removeFlag } = await import("@/lib/screening/mutations");
const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const TORONTO = "CBSA Greater Toronto Area Region";
const assigned = await actorFor(prisma, "clo.toronto@liaison.example");
const otherClo = await actorFor(prisma, "clo2.toronto@liaison.example");
const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
const admin = await actorFor(prisma, "admin@liaison.example");

async function everyPage<T>(load: (page: number) => Promise<{ rows: T[]; pageCount: number }>): Promise<T[]> {
  const first = await load(1);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => load(i + 2)));
  return [first, ...rest].flatMap((page) => page.rows);
}

/** A case detained hours ago (20 by default), first review not yet held, assigned to clo.toronto, with the given other flags. */
async function freshCase(flags: VulnerabilityFlag[] = [], hoursAgo = 20) {
  const detainedAt = new Date(now.getTime() - hoursAgo * HOUR);
  return insertDetention(prisma, { officeName: TORONTO, detainedAt, nextReviewDueBy: new Date(detainedAt.getTime() + 48 * HOUR), assignedCloId: assigned.userId, flags });
}

/** Everything a viewer reads that is derived from the case's flags: the case page, the assessment section, the queue, matching. */
async function seenBy(actor: Actor, detentionId: string) {
  const caseFile = (await getCaseFile(actor, detentionId))!;
  const assessment = (await getAssessment(actor, detentionId))!;
  const queue = await everyPage((page) => listOfficeDetentions(actor, { ...detentionListParamsSchema.parse({ status: "ALL" }), page }, now));
  const byPriority = await listOfficeDetentions(actor, detentionListParamsSchema.parse({}), now);
  const position = queue.findIndex((row) => row.id === detentionId);
  const row = queue[position]!;
  const matches = await matchProvidersForCase(actor, detentionId);
  return {
    flags: (caseFile.screening?.flags ?? []).map((entry) => entry.flag),
    deadline: caseFile.assessmentDeadline,
    deadlineMet: assessmentDeadlineMet(caseFile.assessmentDeadline.dueBy, null, now),
    assessmentSectionDeadline: assessment.detention.assessmentDeadline,
    queueRow: { flags: row.flags, tier: row.priorityTier, reasons: priorityReasons(row.priorityTier) },
    position,
    order: queue.map((entry) => entry.id),
    firstPage: byPriority.rows.map((entry) => entry.id),
    counts: await queueFilterCounts(actor, detentionListParamsSchema.parse({}), now),
    matches: matches?.matches.map((match) => [match.row.id, match.score, match.reasons]),
  };
}

async function screeningVersion(detentionId: string): Promise<number> {
  return (await prisma.screening.findUnique({ where: { detentionId }, select: { version: true } }))?.version ?? 0;
}

async function addTrafficking(detentionId: string) {
  expect((await recordTraffickingScreen(assigned, traffickingScreenInput(detentionId, { indicators: ["DEBT_UNPAYABLE"], controlNotes: null, debtNotes: "Debt to a recruiter" }))).ok).toBe(true);
}

async function removeTrafficking(detentionId: string) {
  expect(await removeFlag(assigned, { detentionId, version: await screeningVersion(detentionId), flag: "TRAFFICKING_INDICATORS" })).toEqual({ ok: true });
}

describe("values derived from a trafficking indicator follow who may see it", () => {
  it("shows an unassigned CLO of the office exactly what they would see without the indicator, when it is the only flag", async () => {
    const { id } = await freshCase();
    const withoutFlag = await seenBy(otherClo, id);
    const supervisorWithout = await seenBy(supervisor, id);
    await addTrafficking(id);

    // The unassigned CLO: the same flags, deadline, basis, queue row, position, order, counts and matches.
    const withFlag = await seenBy(otherClo, id);
    expect(withFlag).toEqual(withoutFlag);
    expect(withFlag.flags).toEqual([]);
    expect(withFlag.deadline.basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
    expect(withFlag.assessmentSectionDeadline).toEqual(withFlag.deadline);
    expect(withFlag.queueRow.reasons).not.toContain("FLAGGED");

    // Those who may see it see the 48-hour deadline and its basis, and a higher priority.
    for (const viewer of [assigned, supervisor]) {
      const seen = await seenBy(viewer, id);
      expect(seen.flags).toEqual(["TRAFFICKING_INDICATORS"]);
      expect(seen.deadline).toEqual({ dueBy: new Date(now.getTime() - 20 * HOUR + 48 * HOUR), basis: "VULNERABILITY_48_HOURS" });
      expect(seen.assessmentSectionDeadline).toEqual(seen.deadline);
      expect(seen.queueRow.reasons).toContain("FLAGGED");
    }
    const supervisorWith = await seenBy(supervisor, id);
    expect(supervisorWith.queueRow.tier).toBeLessThan(supervisorWithout.queueRow.tier);
    expect(supervisorWith.counts.flag.TRAFFICKING_INDICATORS).toBe(supervisorWithout.counts.flag.TRAFFICKING_INDICATORS + 1);

    // And removing it changes nothing for the unassigned CLO either.
    await removeTrafficking(id);
    expect(await seenBy(otherClo, id)).toEqual(withoutFlag);
  });

  it("shows an unassigned CLO the same as without the indicator when the case has another flag too", async () => {
    const { id } = await freshCase(["LANGUAGE_BARRIER"]);
    const withoutFlag = await seenBy(otherClo, id);
    await addTrafficking(id);
    const withFlag = await seenBy(otherClo, id);
    expect(withFlag).toEqual(withoutFlag);
    expect(withFlag.flags).toEqual(["LANGUAGE_BARRIER"]);
    // The other flag brings the assessment to 48 hours for everyone: its basis is a flag they can see.
    expect(withFlag.deadline.basis).toBe("VULNERABILITY_48_HOURS");
    expect((await seenBy(assigned, id)).flags).toEqual(["LANGUAGE_BARRIER", "TRAFFICKING_INDICATORS"]);
  });

  it("matches a twin case without the indicator, row for row, for the unassigned CLO", async () => {
    // Detained at a time no other case of this file shares, so nothing else sits between the two.
    const flagged = await freshCase([], 30);
    const twin = await freshCase([], 30);
    await addTrafficking(flagged.id);
    const [a, b] = [await seenBy(otherClo, flagged.id), await seenBy(otherClo, twin.id)];
    expect({ ...a, position: undefined, order: undefined, firstPage: undefined, matches: undefined }).toEqual({ ...b, position: undefined, order: undefined, firstPage: undefined, matches: undefined });
    // Same detention time and tier: the two sit next to each other, ordered by id alone (the queue's last key).
    expect(Math.abs(a.position - b.position)).toBe(1);
    expect((await seenBy(assigned, flagged.id)).deadline.basis).toBe("VULNERABILITY_48_HOURS");
    expect((await seenBy(assigned, twin.id)).deadline.basis).toBe("SEVEN_DAY_REVIEW_PROVISIONAL");
  });

  it("counts a trafficking indicator in reports only for a reader who may see it", async () => {
    // The range holds the case's day of detention (20 hours ago) and today, on the office's calendar as the reports
    // count them (a UTC date would leave the case out of the range every evening in Toronto).
    const filters = reportFilterSchema.parse({ from: localToday("America/Toronto", new Date(now.getTime() - 20 * HOUR)), to: localToday("America/Toronto", now), groupBy: "clo" });
    const { id } = await freshCase();
    const vulnerable = async (actor: Actor) => (await loadReport(actor, filters, now))!.indicators.reduce((sum, row) => sum + row.vulnerable, 0);
    const [adminBefore, supervisorBefore] = [await vulnerable(admin), await vulnerable(supervisor)];
    await addTrafficking(id);
    expect(await vulnerable(admin)).toBe(adminBefore);
    expect(await vulnerable(supervisor)).toBe(supervisorBefore + 1);
  });
});
