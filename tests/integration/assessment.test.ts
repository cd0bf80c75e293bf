import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { saveAssessment } = await import("@/lib/assessments/mutations");
const { getAssessment } = await import("@/lib/assessments/queries");
const { assessmentFormSchema } = await import("@/lib/assessments/schema");

let prisma: PrismaClient;
let clo: Actor;
let otherClo: Actor;
let counsel: Actor;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  clo = await actorFor(prisma, "clo.toronto@liaison.example");
  otherClo = await actorFor(prisma, "clo.vancouver@liaison.example");
  counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
});

afterAll(async () => {
  await prisma.$disconnect();
});

function form(detentionId: string, overrides: Record<string, unknown> = {}) {
  return assessmentFormSchema.parse({
    detentionId,
    version: "0",
    intent: "save",
    interview: "HELD",
    interviewAt: "2026-01-15T10:30",
    interviewMode: "IN_PERSON",
    interviewLanguage: "Spanish",
    interpreterUsed: "on",
    needs: ["HOUSING", "MENTAL_HEALTH"],
    needNotes_HOUSING: "Can stay with a cousin.",
    recommendedMeasures: ["BONDSPERSON", "VOICE_REPORTING"],
    riskOpinion: "Low risk: strong ties.",
    concern_UNLIKELY_TO_APPEAR: "Missed one interview.",
    mitigation_UNLIKELY_TO_APPEAR: "Voice reporting and a bondsperson.",
    ...overrides,
  });
}

describe("the ATD assessment", () => {
  it("stamps completedAt when a CLO completes an interview-based assessment with a mitigation for each ground", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    const draft = await saveAssessment(clo, form(detentionId));
    expect(draft).toEqual({ ok: true, version: 1, completed: false });
    const before = new Date();
    const completed = await saveAssessment(clo, form(detentionId, { version: "1", intent: "complete" }));
    expect(completed).toEqual({ ok: true, version: 2, completed: true });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { detentionId }, include: { needs: true, grounds: true } });
    expect(row.completedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // 10:30 in Toronto in January (EST, UTC-5) is 15:30 UTC.
    expect(row.interviewAt!.toISOString()).toBe("2026-01-15T15:30:00.000Z");
    expect(row.needs.map((need) => need.area).sort()).toEqual(["HOUSING", "MENTAL_HEALTH"]);
    expect(row.grounds).toEqual([expect.objectContaining({ ground: "UNLIKELY_TO_APPEAR", mitigation: "Voice reporting and a bondsperson." })]);
    const actions = await prisma.auditEvent.findMany({ where: { detentionId }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(["assessment.complete", "assessment.create", "assessment.update"]);
  });

  it("refuses to complete without an interview or a reason, or without a mitigation for every ground", async () => {
    const detentionId = await newTorontoDetention(prisma, ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"]);
    const result = await saveAssessment(clo, form(detentionId, { intent: "complete", interview: "", mitigation_DANGER_TO_PUBLIC: "" }));
    expect(result).toEqual({ ok: false, reason: "INVALID", fieldErrors: { interview: { key: "interviewOrReasonToComplete" }, mitigation_DANGER_TO_PUBLIC: { key: "mitigationToComplete" } } });
    expect(await prisma.assessment.count({ where: { detentionId } })).toBe(0);
  });

  it("completes on a recorded reason why no interview was possible", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    const result = await saveAssessment(clo, form(detentionId, { intent: "complete", interview: "NOT_HELD", noInterviewReason: "In hospital under sedation." }));
    expect(result.ok).toBe(true);
    const row = await prisma.assessment.findUniqueOrThrow({ where: { detentionId } });
    expect(row.interviewAt).toBeNull();
    expect(row.noInterviewReason).toBe("In hospital under sedation.");
    expect(row.completedAt).not.toBeNull();
  });

  it("refuses the second of two concurrent saves of the same version and keeps the first", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    await saveAssessment(clo, form(detentionId));
    const results = await Promise.all([
      saveAssessment(clo, form(detentionId, { version: "1", riskOpinion: "First writer" })),
      saveAssessment(clo, form(detentionId, { version: "1", riskOpinion: "Second writer" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const winner = results[0]!.ok ? "First writer" : "Second writer";
    const row = await prisma.assessment.findUniqueOrThrow({ where: { detentionId } });
    expect(row.riskOpinion).toBe(winner);
    expect(row.version).toBe(2);
  });

  it("refuses a save made from a form older than the saved assessment", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    await saveAssessment(clo, form(detentionId));
    await saveAssessment(clo, form(detentionId, { version: "1", riskOpinion: "Newer" }));
    expect(await saveAssessment(clo, form(detentionId, { version: "1", riskOpinion: "Older" }))).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await prisma.assessment.findUniqueOrThrow({ where: { detentionId } })).riskOpinion).toBe("Newer");
  });

  it("gives counsel of record the assessment without the CLO's risk opinion, not even as an empty field", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    await saveAssessment(clo, form(detentionId));
    const view = await getAssessment(counsel, detentionId);
    expect(view?.audience).toBe("COUNSEL");
    expect(view?.assessment).not.toBeNull();
    expect("riskOpinion" in view!.assessment!).toBe(false);
    expect(JSON.stringify(view)).not.toContain("Low risk: strong ties.");
    const teamView = await getAssessment(clo, detentionId);
    expect(teamView?.audience === "CASE_TEAM" && teamView.assessment?.riskOpinion).toBe("Low risk: strong ties.");
  });

  it("is not found for a CLO of another office, to read or to save, and counsel cannot save", async () => {
    const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    await saveAssessment(clo, form(detentionId));
    expect(await getAssessment(otherClo, detentionId)).toBeNull();
    expect(await saveAssessment(otherClo, form(detentionId, { version: "1", riskOpinion: "Vancouver" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await saveAssessment(counsel, form(detentionId, { version: "1", riskOpinion: "Counsel" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { detentionId } });
    expect(row.version).toBe(1);
    expect(row.riskOpinion).toBe("Low risk: strong ties.");
  });
});
