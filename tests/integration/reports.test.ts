import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");
const { exportReportCsv } = await import("@/lib/reports/export");

/**
 * A small office whose indicators are worked out by hand (March 2025):
 * D1 released after 20 h on voice reporting (officer release); assessed at 10 h with an interview; mental-health flag.
 * D2 released after 5 days by ID order, plan without measures; assessed at 72 h without interview, before its 7-day
 *    deadline (8 days); its 48-hour review was held 2 hours late.
 * D3 still detained, next review overdue; minor housed with the parent; assessed at 60 h with an interview.
 * D4 still detained, separated from a child, not assessed; one community referral accepted, one CCMS declined, one draft.
 * D5 detained in April: outside the range, must not count.
 */
let prisma: PrismaClient;
let office: { id: string; name: string };
let supervisor: Actor;
const now = new Date("2025-04-10T12:00:00Z");
const HOUR = 3_600_000;
const march = reportFilterSchema.parse({ from: "2025-03-01", to: "2025-03-31" });

function actor(user: { id: string; name: string; role: Actor["role"] }, organization: { id: string; name: string; kind: Actor["organizationKind"] }): Actor {
  return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: organization.id, organizationKind: organization.kind, organizationName: organization.name };
}

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  const suffix = randomUUID().slice(0, 8);
  const o = await prisma.organization.create({ data: { kind: "CBSA_OFFICE", name: `Report test office ${suffix}`, region: "Test", timeZone: "America/Toronto" } });
  office = { id: o.id, name: o.name };
  const user = (name: string, role: "CLO" | "SUPERVISOR") => prisma.user.create({ data: { email: `${name.toLowerCase().replace(/ /g, ".")}.${suffix}@test.example`, name, role, organizationId: o.id, passwordHash: "x" } });
  const cloA = await user("Clo Alpha", "CLO");
  const cloB = await user("Clo Beta", "CLO");
  const boss = await user("Sup Visor", "SUPERVISOR");
  supervisor = actor(boss, { id: o.id, name: o.name, kind: "CBSA_OFFICE" });
  const facility = await prisma.facility.create({ data: { name: `Report facility ${suffix}`, kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Toronto", officeId: o.id } });
  const providerOrg = async (name: string, kind: "CCMS_CONTRACTED" | "COMMUNITY") => {
    const org = await prisma.organization.create({ data: { kind: "SERVICE_PROVIDER", name: `${name} ${suffix}`, region: "Test" } });
    return prisma.serviceProvider.create({ data: { organizationId: org.id, kind, region: "Test" } });
  };
  const community = await providerOrg("Community help", "COMMUNITY");
  const ccms = await providerOrg("Contracted supervision", "CCMS_CONTRACTED");

  let n = 0;
  const detention = async (detainedAt: string, data: Record<string, unknown>, assignedCloId: string) => {
    n += 1;
    const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: `Person ${n}`, dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
    return prisma.detention.create({ data: { reference: `RPT-${suffix}-${n}`, detaineeId: person.id, officeId: o.id, facilityId: facility.id, detainedAt: new Date(detainedAt), grounds: ["UNLIKELY_TO_APPEAR"], assignedCloId, ...data } });
  };
  const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);
  const outcome = (released: { id: string; releasedAt: Date | null }, releaseType: "CBSA_OFFICER_RELEASE" | "ID_ORDER_ON_CONDITIONS" | "OTHER", decidedBy: "CBSA_OFFICER" | "IMMIGRATION_DIVISION" | "OTHER", atdMeasures: ("VOICE_REPORTING")[], recordedById: string) =>
    prisma.detentionOutcome.create({ data: { detentionId: released.id, kind: "RELEASE", releaseType, occurredAt: released.releasedAt!, decidedBy, atdMeasures, recordedById } });

  const d1 = await detention("2025-03-01T12:00:00Z", { status: "RELEASED", releasedAt: new Date("2025-03-02T08:00:00Z"), releaseType: "CBSA_OFFICER_RELEASE" }, cloA.id);
  await prisma.assessment.create({ data: { detentionId: d1.id, authorId: cloA.id, completedAt: at(d1.detainedAt, 10), interviewAt: at(d1.detainedAt, 8) } });
  await prisma.screening.create({ data: { detentionId: d1.id, recordedById: cloA.id, flags: { create: [{ flag: "MENTAL_HEALTH" }] } } });
  await prisma.releasePlan.create({ data: { detentionId: d1.id, status: "RELEASED", measures: ["VOICE_REPORTING"] } });
  // Releases are counted from the outcome in force (lib/outcomes), as recordOutcome writes it with the detention.
  await outcome(d1, "CBSA_OFFICER_RELEASE", "CBSA_OFFICER", ["VOICE_REPORTING"], cloA.id);

  const d2 = await detention("2025-03-02T12:00:00Z", { status: "RELEASED", releasedAt: new Date("2025-03-07T12:00:00Z"), releaseType: "ID_ORDER_ON_CONDITIONS" }, cloA.id);
  await prisma.assessment.create({ data: { detentionId: d2.id, authorId: cloA.id, completedAt: at(d2.detainedAt, 72), noInterviewReason: "Transferred before the interview" } });
  await prisma.releasePlan.create({ data: { detentionId: d2.id, status: "RELEASED", measures: [] } });
  await outcome(d2, "ID_ORDER_ON_CONDITIONS", "IMMIGRATION_DIVISION", [], cloA.id);
  await prisma.detentionReview.createMany({
    data: [
      { detentionId: d2.id, kind: "FORTY_EIGHT_HOUR", dueBy: at(d2.detainedAt, 48), startedOn: at(d2.detainedAt, 50), outcome: "CONTINUED" },
      { detentionId: d2.id, kind: "SEVEN_DAY", dueBy: at(d2.detainedAt, 8 * 24) },
    ],
  });

  const d3 = await detention("2025-03-10T12:00:00Z", { status: "DETAINED", nextReviewKind: "THIRTY_DAY", nextReviewDueBy: at(now, -1) }, cloB.id);
  await prisma.assessment.create({ data: { detentionId: d3.id, authorId: cloB.id, completedAt: at(d3.detainedAt, 60), interviewAt: at(d3.detainedAt, 50) } });
  await prisma.screening.create({ data: { detentionId: d3.id, recordedById: cloB.id, flags: { create: [{ flag: "MINOR_HOUSED" }] } } });
  await prisma.detentionReview.create({ data: { detentionId: d3.id, kind: "SEVEN_DAY", dueBy: at(d3.detainedAt, 9 * 24) } });

  const d4 = await detention("2025-03-20T12:00:00Z", { status: "DETAINED", nextReviewKind: "SEVEN_DAY", nextReviewDueBy: at(now, 48) }, cloB.id);
  await prisma.screening.create({ data: { detentionId: d4.id, recordedById: cloB.id, flags: { create: [{ flag: "SEPARATED_FROM_CHILD" }] } } });
  await prisma.referral.createMany({
    data: [
      { detentionId: d4.id, providerId: community.id, status: "ACCEPTED", createdById: cloB.id },
      { detentionId: d4.id, providerId: ccms.id, status: "DECLINED", declineReason: "NO_CAPACITY", createdById: cloB.id },
      { detentionId: d4.id, providerId: community.id, status: "DRAFT", createdById: cloB.id },
    ],
  });

  const d5 = await detention("2025-04-05T12:00:00Z", { status: "RELEASED", releasedAt: new Date("2025-04-06T12:00:00Z"), releaseType: "OTHER" }, cloA.id);
  await outcome(d5, "OTHER", "OTHER", [], cloA.id);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("supervisors' indicators, computed in the database", () => {
  it("per office match the hand-computed answers", async () => {
    const report = await loadReport(supervisor, march, now);
    expect(report?.indicators).toEqual([
      {
        key: office.id,
        label: office.name,
        detentions: 4,
        medianDaysToAssessment: 2.5,
        assessed: 3,
        assessedBeforeSevenDay: 3,
        interviewed: 2,
        vulnerable: 3,
        earlyAssessmentDue: 3,
        vulnerableAssessedIn48h: 1,
        released: 2,
        releasedOnAtd: 1,
        overdueReviews: 2,
        minorsAffected: 2,
      },
    ]);
  });

  it("length of detention in CBSA's bands, with the median of releases", async () => {
    const report = await loadReport(supervisor, march, now);
    expect(report?.lengthOfDetention).toEqual([
      { key: "UP_TO_24_HOURS", count: 1 },
      { key: "25_TO_48_HOURS", count: 0 },
      { key: "3_TO_9_DAYS", count: 1 },
      { key: "10_TO_39_DAYS", count: 0 },
      { key: "40_TO_99_DAYS", count: 0 },
      { key: "OVER_99_DAYS", count: 0 },
    ]);
    // Releases after 20 h and 120 h: median 70 h.
    expect(report?.medianReleasedDays).toBeCloseTo(70 / 24, 6);
  });

  it("releases by type and by ATD measure", async () => {
    const report = await loadReport(supervisor, march, now);
    expect(report?.releasesByType).toEqual([
      { key: "CBSA_OFFICER_RELEASE", count: 1 },
      { key: "ID_ORDER_ON_CONDITIONS", count: 1 },
    ]);
    expect(report?.releasesByMeasure).toEqual([{ key: "VOICE_REPORTING", count: 1 }]);
  });

  it("referrals by provider kind with acceptance, drafts excluded", async () => {
    const report = await loadReport(supervisor, march, now);
    expect(report?.referrals).toEqual([
      { providerKind: "CCMS_CONTRACTED", sent: 1, answered: 1, accepted: 0 },
      { providerKind: "COMMUNITY", sent: 1, answered: 1, accepted: 1 },
    ]);
  });

  it("per CLO and per month", async () => {
    const byClo = await loadReport(supervisor, { ...march, groupBy: "clo" }, now);
    expect(byClo?.indicators.map((row) => [row.label, row.detentions, row.assessed, row.vulnerable])).toEqual([
      ["Clo Alpha", 2, 2, 1],
      ["Clo Beta", 2, 1, 2],
    ]);
    const byMonth = await loadReport(supervisor, { ...march, groupBy: "month" }, now);
    expect(byMonth?.indicators.map((row) => [row.key, row.detentions])).toEqual([["2025-03", 4]]);
    const withApril = await loadReport(supervisor, reportFilterSchema.parse({ from: "2025-03-01", to: "2025-04-30", groupBy: "month" }), now);
    expect(withApril?.indicators.map((row) => [row.key, row.detentions])).toEqual([
      ["2025-03", 4],
      ["2025-04", 1],
    ]);
  });

  it("are only for supervisors (their own office) and admins", async () => {
    const clo = { ...supervisor, role: "CLO" as const };
    expect(await loadReport(clo, march, now)).toBeNull();
    const otherSupervisor = { ...supervisor, organizationId: randomUUID(), organizationName: "Elsewhere" };
    const elsewhere = await loadReport(otherSupervisor, { ...march, officeId: office.id }, now);
    expect(elsewhere?.indicators).toEqual([]);
    const admin = { ...supervisor, role: "ADMIN" as const, organizationKind: "OTHER_NGO" as const, organizationId: randomUUID() };
    const adminView = await loadReport(admin, { ...march, officeId: office.id }, now);
    expect(adminView?.indicators[0]?.detentions).toBe(4);
  });

  it("export each table as CSV with the page's filters", async () => {
    const result = await exportReportCsv(supervisor, { table: "indicators", from: "2025-03-01", to: "2025-03-31" });
    if (!result.ok) throw new Error("export refused");
    const [header, row, ...rest] = result.csv.trimEnd().split("\r\n");
    expect(header).toBe("group,detentions,median_days_to_assessment,assessed,share_assessed_before_7_day_review,share_with_interview,vulnerable,share_vulnerable_assessed_within_early_window,released,released_on_atd,overdue_reviews,minors_affected");
    // The export runs at the real current time, when D4's next review (due 12 April 2025) is overdue too: 3, not 2.
    expect(row).toBe(`${office.name},4,2.50,3,1.0000,0.6667,3,0.3333,2,1,3,2`);
    expect(rest).toEqual([]);
    // Grouped by CLO, the unassigned cases are a named group, in the reader's words, never a blank first column.
    const facility = await prisma.facility.findFirstOrThrow({ where: { officeId: office.id }, select: { id: true } });
    const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: "Unassigned", dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
    await prisma.detention.create({ data: { reference: `RPT-${randomUUID().slice(0, 8)}-U`, detaineeId: person.id, officeId: office.id, facilityId: facility.id, detainedAt: new Date("2025-03-20T12:00:00Z"), grounds: ["UNLIKELY_TO_APPEAR"] } });
    const byClo = await exportReportCsv(supervisor, { table: "indicators", from: "2025-03-01", to: "2025-03-31", groupBy: "clo" }, "Non assigné");
    if (!byClo.ok) throw new Error("export refused");
    const groups = byClo.csv.trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(groups).toContain("Non assigné");
    expect(groups).not.toContain("");
    expect(await exportReportCsv(supervisor, { table: "nonsense" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await exportReportCsv({ ...supervisor, role: "CLO" }, { table: "indicators" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
