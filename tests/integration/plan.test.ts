import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describeChanges } from "@/components/plans/readiness-checklist";
import { messagesFor } from "@/lib/i18n/catalogues";
import { actorFor } from "@/tests/support/actors";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DetentionGround } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { saveAssessment } = await import("@/lib/assessments/mutations");
const { assessmentFormSchema } = await import("@/lib/assessments/schema");
const { createPlan, savePlan, saveBondsperson, removeBondsperson, changePlanStatus } = await import("@/lib/release-plans/mutations");
const { getPlanPage } = await import("@/lib/release-plans/queries");
const { bondspersonFormSchema, planFormSchema, planStatusSchema, removeBondspersonSchema } = await import("@/lib/release-plans/schema");

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

/** A detention with an interview-based assessment proposing a mitigation for each ground, and its plan started. */
async function caseWithPlan(grounds: DetentionGround[] = ["UNLIKELY_TO_APPEAR"]) {
  const detentionId = await newTorontoDetention(prisma, grounds);
  const assessment = assessmentFormSchema.parse({
    detentionId,
    version: "0",
    intent: "complete",
    interview: "HELD",
    interviewAt: "2026-01-15T10:30",
    interviewMode: "VIDEO",
    interviewLanguage: "Spanish",
    recommendedMeasures: ["BONDSPERSON"],
    riskOpinion: "Private opinion.",
    ...Object.fromEntries(grounds.map((ground) => [`mitigation_${ground}`, `Assessment mitigation for ${ground}`])),
  });
  expect((await saveAssessment(clo, assessment)).ok).toBe(true);
  expect(await createPlan(clo, { detentionId })).toMatchObject({ ok: true, version: 1 });
  return detentionId;
}

const planForm = (detentionId: string, version: number, overrides: Record<string, unknown> = {}) =>
  planFormSchema.parse({ detentionId, version: String(version), measures: ["BONDSPERSON"], mitigation_UNLIKELY_TO_APPEAR: "Assessment mitigation for UNLIKELY_TO_APPEAR", ...overrides });

const bondsperson = (detentionId: string, planVersion: number, overrides: Record<string, unknown> = {}) =>
  bondspersonFormSchema.parse({
    detentionId,
    planVersion: String(planVersion),
    name: "Rosa Example",
    relationship: "Sister",
    phone: "+1 555 0100",
    email: "rosa@example.org",
    amount: "5,000",
    citizenOrPermanentResident: "on",
    residesInCanada: "on",
    noGuaranteeInDefault: "on",
    confirmed: "on",
    ...overrides,
  });

describe("the release plan", () => {
  it("starts prefilled from the assessment's recommended measures and mitigations, as version 1", async () => {
    const detentionId = await caseWithPlan(["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"]);
    const page = await getPlanPage(clo, detentionId);
    expect(page?.plan?.measures).toEqual(["BONDSPERSON"]);
    expect(page?.plan?.mitigations.map((entry) => entry.ground)).toEqual(["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"]);
    expect(page?.history).toEqual([expect.objectContaining({ version: 1, changes: ["measures", "mitigations.DANGER_TO_PUBLIC", "mitigations.UNLIKELY_TO_APPEAR"] })]);
  });

  it("keeps one version per substantive save, naming the changed fields and never their values", async () => {
    const detentionId = await caseWithPlan();
    const saved = await savePlan(clo, planForm(detentionId, 1, { residenceAddress: "12 Example Street", proposedConditions: "Report weekly." }));
    expect(saved).toEqual({ ok: true, version: 2, changes: ["proposedConditions", "residenceAddress"] });
    // Saving the same form again changes nothing, so makes no version.
    expect(await savePlan(clo, planForm(detentionId, 2, { residenceAddress: "12 Example Street", proposedConditions: "Report weekly." }))).toEqual({ ok: true, version: 2, changes: [] });
    const added = await saveBondsperson(clo, bondsperson(detentionId, 2));
    expect(added).toEqual({ ok: true, version: 3, changes: ["bondspersons.added"] });

    const plan = await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId }, include: { versions: { orderBy: { version: "asc" } }, bondspersons: true } });
    expect(plan.version).toBe(3);
    expect(plan.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    expect(plan.versions[1]!.changes).toEqual(["proposedConditions", "residenceAddress"]);
    expect(plan.versions[1]!.changedById).toBe(clo.userId);
    for (const version of plan.versions) {
      expect(version.changes.join(" ")).not.toMatch(/Example|Rosa|weekly/);
    }
    expect(plan.bondspersons[0]).toMatchObject({ amountCents: 500_000, confirmed: true, proposedById: clo.userId });
    expect((plan.versions[2]!.snapshot as { bondspersons: unknown[] }).bondspersons).toHaveLength(1);
    const audits = await prisma.auditEvent.findMany({ where: { detentionId, entityType: "ReleasePlan" }, select: { action: true, metadata: true } });
    expect(JSON.stringify(audits)).not.toMatch(/Example|Rosa|weekly/);

    const bondspersonId = plan.bondspersons[0]!.id;
    const removed = await removeBondsperson(clo, removeBondspersonSchema.parse({ detentionId, planVersion: "3", bondspersonId }));
    expect(removed).toEqual({ ok: true, version: 4, changes: ["bondspersons.removed"] });
  });

  it("names every change in the demo data's plan histories in words, in English and French", async () => {
    const versions = await prisma.releasePlanVersion.findMany({ select: { changes: true } });
    expect(versions.length).toBeGreaterThan(0);
    for (const locale of ["en", "fr"] as const) {
      const labels = createTranslator({ locale, messages: messagesFor(locale) as AbstractIntlMessages, namespace: "planLabels" }) as unknown as ((key: string, values?: Record<string, string>) => string) & { has: (key: string) => boolean };
      for (const { changes } of versions) {
        const words = describeChanges(changes, (key, values) => labels(key, values), (key) => labels.has(key));
        expect(words, `${locale}: ${changes.join(", ")}`).not.toMatch(/[{}]|planLabels\./);
      }
    }
  });

  it("refuses the second of two concurrent saves of the same plan version and keeps the first", async () => {
    const detentionId = await caseWithPlan();
    const results = await Promise.all([
      savePlan(clo, planForm(detentionId, 1, { proposedConditions: "First writer" })),
      savePlan(clo, planForm(detentionId, 1, { proposedConditions: "Second writer" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const winner = results[0]!.ok ? "First writer" : "Second writer";
    const plan = await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId }, include: { versions: true } });
    expect(plan.proposedConditions).toBe(winner);
    expect(plan.version).toBe(2);
    expect(plan.versions).toHaveLength(2);
  });

  it("refuses READY while the checklist is incomplete, whatever the client sends, and allows it once complete", async () => {
    const detentionId = await caseWithPlan();
    // The plan relies on a bondsperson and none is confirmed: not ready.
    const refused = await changePlanStatus(clo, planStatusSchema.parse({ detentionId, version: "1", to: "READY", ready: "true" }));
    expect(refused).toEqual({ ok: false, reason: "NOT_READY" });
    expect((await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId } })).status).toBe("DRAFTING");

    expect(await saveBondsperson(clo, bondsperson(detentionId, 1, { confirmed: "" }))).toMatchObject({ ok: true, version: 2 });
    expect(await changePlanStatus(clo, planStatusSchema.parse({ detentionId, version: "2", to: "READY" }))).toEqual({ ok: false, reason: "NOT_READY" });

    const unconfirmed = await prisma.bondsperson.findFirstOrThrow({ where: { plan: { detentionId } } });
    expect(await saveBondsperson(clo, bondsperson(detentionId, 2, { bondspersonId: unconfirmed.id }))).toEqual({ ok: true, version: 3, changes: ["bondspersons.confirmed"] });
    expect(await changePlanStatus(clo, planStatusSchema.parse({ detentionId, version: "3", to: "READY" }))).toEqual({ ok: true, version: 4, changes: ["status"] });
    // RELEASED is not reachable from READY.
    expect(await changePlanStatus(clo, planStatusSchema.parse({ detentionId, version: "4", to: "RELEASED" }))).toEqual({ ok: false, reason: "NOT_ALLOWED" });
  });

  it("refuses to confirm a bondsperson unless all three IRPR s.47 checks are ticked", async () => {
    const detentionId = await caseWithPlan();
    expect(bondspersonFormSchema.safeParse({ detentionId, planVersion: "1", name: "A", relationship: "B", confirmed: "on", citizenOrPermanentResident: "on" }).success).toBe(false);
    const bypass = { ...bondsperson(detentionId, 1), residesInCanada: false };
    expect(await saveBondsperson(clo, bypass)).toEqual({ ok: false, reason: "CONFIRM_REQUIRES_CHECKS" });
    expect(await prisma.bondsperson.count({ where: { plan: { detentionId } } })).toBe(0);
  });

  it("lets counsel of record read the plan and propose a bondsperson who stays unconfirmed, and nothing else", async () => {
    const detentionId = await caseWithPlan();
    const page = await getPlanPage(counsel, detentionId);
    expect(page?.plan).not.toBeNull();
    expect(page?.permissions).toEqual({ edit: false, proposeBondsperson: true, confirmBondsperson: false });
    expect(page?.nextStatuses).toEqual([]);
    expect(JSON.stringify(page)).not.toContain("Private opinion.");

    expect(await saveBondsperson(counsel, bondsperson(detentionId, 1))).toEqual({ ok: true, version: 2, changes: ["bondspersons.added"] });
    const proposal = await prisma.bondsperson.findFirstOrThrow({ where: { plan: { detentionId } } });
    expect(proposal).toMatchObject({ confirmed: false, proposedById: counsel.userId });

    expect(await saveBondsperson(counsel, bondsperson(detentionId, 2, { bondspersonId: proposal.id }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await savePlan(counsel, planForm(detentionId, 2, { proposedConditions: "Counsel edit" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await removeBondsperson(counsel, removeBondspersonSchema.parse({ detentionId, planVersion: "2", bondspersonId: proposal.id }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await changePlanStatus(counsel, planStatusSchema.parse({ detentionId, version: "2", to: "WITHDRAWN" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await createPlan(counsel, { detentionId })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId } })).version).toBe(2);
  });

  it("is not found for a CLO of another office, to read or for any change", async () => {
    const detentionId = await caseWithPlan();
    const other = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
    const bondspersonRow = await saveBondsperson(clo, bondsperson(detentionId, 1));
    expect(bondspersonRow.ok).toBe(true);
    const { id: bondspersonId } = await prisma.bondsperson.findFirstOrThrow({ where: { plan: { detentionId } } });

    expect(await getPlanPage(otherClo, detentionId)).toBeNull();
    expect(await createPlan(otherClo, { detentionId: other })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await savePlan(otherClo, planForm(detentionId, 2, { proposedConditions: "Vancouver" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await saveBondsperson(otherClo, bondsperson(detentionId, 2))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await saveBondsperson(otherClo, bondsperson(detentionId, 2, { bondspersonId }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await removeBondsperson(otherClo, removeBondspersonSchema.parse({ detentionId, planVersion: "2", bondspersonId }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await changePlanStatus(otherClo, planStatusSchema.parse({ detentionId, version: "2", to: "WITHDRAWN" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.releasePlan.count({ where: { detentionId: other } })).toBe(0);
    const plan = await prisma.releasePlan.findUniqueOrThrow({ where: { detentionId }, include: { bondspersons: true } });
    expect(plan).toMatchObject({ version: 2, status: "DRAFTING", proposedConditions: null });
    expect(plan.bondspersons).toHaveLength(1);
  });
});
