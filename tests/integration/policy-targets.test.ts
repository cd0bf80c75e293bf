import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import type { SetTargetsInput } from "@/lib/targets/schema";

process.env.DATABASE_URL = inject("databaseUrl");
const { schedulePolicyVersion, withdrawPolicyVersion } = await import("@/lib/policy/mutations");
const { getPolicyPage, policyInForce } = await import("@/lib/policy/queries");
const { setTargets } = await import("@/lib/targets/mutations");
const { getTargetReport } = await import("@/lib/targets/queries");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");
const { TARGET_INDICATORS } = await import("@/lib/targets/rules");
const { getAssessment } = await import("@/lib/assessments/queries");

/**
 * The release-first policy and the targets on the real database. The policy is national: the versions already there
 * (another file's demo seed) are set aside while this file runs and put back after, and every version this file
 * writes is removed at the end (files run one after another: no other file sees them).
 */
let prisma: PrismaClient;
let admin: Actor;
let supervisor: Actor;
let office: { id: string; name: string };
let cloA: { id: string };
/** The versions another file's demo seed wrote: set aside while this file runs, put back after. */
let setAside: Awaited<ReturnType<PrismaClient["policyVersion"]["findMany"]>> = [];
const HOUR = 3_600_000;
const now = new Date("2025-08-20T16:00:00Z");

function actor(user: { id: string; name: string; role: Actor["role"] }, organization: { id: string; name: string; kind: Actor["organizationKind"] }): Actor {
  return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: organization.id, organizationKind: organization.kind, organizationName: organization.name };
}

function targetsInput(values: Partial<Record<string, number | null>>, versions: Partial<Record<string, number>> = {}, period = "2025-Q3"): SetTargetsInput {
  const input: Record<string, unknown> = { officeId: office.id, period };
  for (const indicator of TARGET_INDICATORS) {
    input[`target_${indicator}`] = values[indicator] ?? null;
    input[`version_${indicator}`] = versions[indicator] ?? 0;
  }
  return input as SetTargetsInput;
}

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  const suffix = randomUUID().slice(0, 8);
  const o = await prisma.organization.create({ data: { kind: "CBSA_OFFICE", name: `Policy test office ${suffix}`, region: "Test", timeZone: "America/Toronto" } });
  office = { id: o.id, name: o.name };
  const adminOrg = await prisma.organization.create({ data: { kind: "OTHER_NGO", name: `Policy admin org ${suffix}`, region: "Test" } });
  const user = (name: string, role: Actor["role"], organizationId: string) =>
    prisma.user.create({ data: { email: `${name.toLowerCase().replace(/ /g, ".")}.${suffix}@test.example`, name, role, organizationId, passwordHash: "x" } });
  const adminUser = await user("Policy Admin", "ADMIN", adminOrg.id);
  admin = actor(adminUser, { id: adminOrg.id, name: adminOrg.name, kind: "OTHER_NGO" });
  const boss = await user("Policy Supervisor", "SUPERVISOR", o.id);
  supervisor = actor(boss, { id: o.id, name: o.name, kind: "CBSA_OFFICE" });
  cloA = await user("Policy Clo", "CLO", o.id);
  setAside = await prisma.policyVersion.findMany();
  await prisma.policyVersion.deleteMany({});
});

afterAll(async () => {
  await prisma.policyVersion.deleteMany({});
  if (setAside.length > 0) await prisma.policyVersion.createMany({ data: setAside.map((version) => ({ ...version, value: version.value as never })) });
  await prisma.$disconnect();
});

describe("scheduling the policy", () => {
  const input = { key: "dueSoonHours" as const, value: 72, effectiveOn: "2025-09-01", reason: "Pilot of a longer horizon" };

  it("is for administrators only: a supervisor is refused and nothing is written", async () => {
    expect(await schedulePolicyVersion(supervisor, input, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.policyVersion.count()).toBe(0);
  });

  it("takes effect at the start of its day in Eastern time, audited without its value or reason", async () => {
    const result = await schedulePolicyVersion(admin, input, now);
    expect(result.ok).toBe(true);
    const version = await prisma.policyVersion.findFirstOrThrow({ where: { key: "dueSoonHours" } });
    expect(version.effectiveFrom.toISOString()).toBe("2025-09-01T04:00:00.000Z");
    expect(version.value).toBe(72);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "policy.schedule", entityId: version.id } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.stringify(audit.metadata)).not.toContain("Pilot");
    expect(audit.metadata).toEqual({ key: "dueSoonHours", effectiveFrom: "2025-09-01T04:00:00.000Z" });
  });

  it("is never retroactive, and never before a change already scheduled", async () => {
    expect(await schedulePolicyVersion(admin, { ...input, effectiveOn: "2025-08-19" }, now)).toEqual({ ok: false, reason: "IN_THE_PAST" });
    expect(await schedulePolicyVersion(admin, { ...input, value: 96, effectiveOn: "2025-08-25" }, now)).toEqual({ ok: false, reason: "BEFORE_SCHEDULED" });
    expect(await prisma.policyVersion.count({ where: { key: "dueSoonHours" } })).toBe(1);
  });

  it("today means now", async () => {
    const result = await schedulePolicyVersion(admin, { key: "complaintResponseDays", value: 20, effectiveOn: "2025-08-20", reason: "Faster answers" }, now);
    expect(result.ok).toBe(true);
    const version = await prisma.policyVersion.findFirstOrThrow({ where: { key: "complaintResponseDays" } });
    expect(version.effectiveFrom.toISOString()).toBe(now.toISOString());
  });

  it("reads the version in force at each moment", async () => {
    expect((await policyInForce(new Date("2025-08-31T12:00:00Z"))).dueSoonHours).toBe(48);
    expect((await policyInForce(new Date("2025-09-01T04:00:00Z"))).dueSoonHours).toBe(72);
    expect((await policyInForce(now)).complaintResponseDays).toBe(20);
  });

  it("a scheduled version can be withdrawn by an administrator; one in force cannot", async () => {
    const scheduled = await prisma.policyVersion.findFirstOrThrow({ where: { key: "dueSoonHours" } });
    const inForce = await prisma.policyVersion.findFirstOrThrow({ where: { key: "complaintResponseDays" } });
    expect(await withdrawPolicyVersion(supervisor, { versionId: scheduled.id }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await withdrawPolicyVersion(admin, { versionId: inForce.id }, new Date(now.getTime() + 1000))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await withdrawPolicyVersion(admin, { versionId: scheduled.id }, now)).toEqual({ ok: true, versionId: scheduled.id });
    expect((await policyInForce(new Date("2025-09-02T00:00:00Z"))).dueSoonHours).toBe(48);
    const page = await getPolicyPage(supervisor, now);
    expect(page?.mayManage).toBe(false);
    expect(page?.history.map((entry) => [entry.key, entry.state])).toEqual([
      ["dueSoonHours", "WITHDRAWN"],
      ["complaintResponseDays", "IN_FORCE"],
    ]);
  });
});

describe("the reports count each detention under the policy in force when it began", () => {
  it("a narrower, shorter early window applies from its date on, not before", async () => {
    // From 10 March 2025: only a minor detained brings the assessment forward, within 24 hours.
    const changedAt = new Date("2025-03-10T04:00:00Z");
    await prisma.policyVersion.createMany({
      data: [
        { key: "earlyAssessmentHours", value: 24, effectiveFrom: changedAt, reason: "Test", createdById: admin.userId },
        { key: "earlyAssessmentFlags", value: ["MINOR_DETAINED"], effectiveFrom: changedAt, reason: "Test", createdById: admin.userId },
      ],
    });
    const facility = await prisma.facility.create({ data: { name: `Policy facility ${randomUUID().slice(0, 8)}`, kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Toronto", officeId: office.id } });
    let n = 0;
    const detention = async (detainedAt: string, flag: "MENTAL_HEALTH" | "MINOR_DETAINED", assessedAfterHours: number) => {
      n += 1;
      const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: `Policy ${n}`, dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
      const created = await prisma.detention.create({
        data: { reference: `POL-${randomUUID().slice(0, 8)}`, detaineeId: person.id, officeId: office.id, facilityId: facility.id, detainedAt: new Date(detainedAt), grounds: ["UNLIKELY_TO_APPEAR"], assignedCloId: cloA.id },
      });
      await prisma.screening.create({ data: { detentionId: created.id, recordedById: cloA.id, flags: { create: [{ flag }] } } });
      await prisma.assessment.create({ data: { detentionId: created.id, authorId: cloA.id, completedAt: new Date(created.detainedAt.getTime() + assessedAfterHours * HOUR), interviewAt: created.detainedAt } });
    };
    await detention("2025-03-03T12:00:00Z", "MENTAL_HEALTH", 40); // before: any flag, 48 h → due early and met
    await detention("2025-03-12T12:00:00Z", "MENTAL_HEALTH", 40); // after: this flag no longer brings it forward
    await detention("2025-03-13T12:00:00Z", "MINOR_DETAINED", 30); // after: due within 24 h → missed
    await detention("2025-03-14T12:00:00Z", "MINOR_DETAINED", 20); // after: met
    const report = await loadReport(supervisor, reportFilterSchema.parse({ from: "2025-03-01", to: "2025-03-31" }), now);
    expect(report?.indicators).toHaveLength(1);
    expect(report?.indicators[0]).toMatchObject({ detentions: 4, vulnerable: 4, earlyAssessmentDue: 3, vulnerableAssessedIn48h: 2 });
    await prisma.policyVersion.deleteMany({ where: { reason: "Test" } });
  });
});

describe("the assessment deadline follows the policy in force when the person was detained", () => {
  it("24 hours for a case detained after the change, 48 for one detained before it", async () => {
    const changedAt = new Date("2025-05-01T04:00:00Z");
    await prisma.policyVersion.create({ data: { key: "earlyAssessmentHours", value: 24, effectiveFrom: changedAt, reason: "Deadline test", createdById: admin.userId } });
    const facility = await prisma.facility.findFirstOrThrow({ where: { officeId: office.id } });
    const clo = { ...supervisor, userId: cloA.id, role: "CLO" as const };
    const deadlineOf = async (detainedAt: string) => {
      const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: "Deadline", dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
      const created = await prisma.detention.create({
        data: { reference: `DL-${randomUUID().slice(0, 8)}`, detaineeId: person.id, officeId: office.id, facilityId: facility.id, detainedAt: new Date(detainedAt), grounds: ["UNLIKELY_TO_APPEAR"], assignedCloId: cloA.id },
      });
      await prisma.screening.create({ data: { detentionId: created.id, recordedById: cloA.id, flags: { create: [{ flag: "MEDICAL" }] } } });
      return (await getAssessment(clo, created.id))!.detention.assessmentDeadline;
    };
    expect(await deadlineOf("2025-04-30T12:00:00Z")).toEqual({ dueBy: new Date("2025-05-02T12:00:00Z"), basis: "VULNERABILITY_48_HOURS" });
    expect(await deadlineOf("2025-05-02T12:00:00Z")).toEqual({ dueBy: new Date("2025-05-03T12:00:00Z"), basis: "VULNERABILITY_48_HOURS" });
    await prisma.policyVersion.deleteMany({ where: { reason: "Deadline test" } });
  });
});

describe("targets", () => {
  it("are set by administrators only, for a CBSA office", async () => {
    expect(await setTargets(supervisor, targetsInput({ ASSESSED_WITH_INTERVIEW: 80 }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await setTargets(admin, { ...targetsInput({ ASSESSED_WITH_INTERVIEW: 80 }), officeId: admin.organizationId })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.target.count({ where: { officeId: office.id } })).toBe(0);
  });

  it("are created, changed and removed with a version each; a stale form changes nothing", async () => {
    expect(await setTargets(admin, targetsInput({ ASSESSED_WITH_INTERVIEW: 80, OVERDUE_REVIEWS: 0, VULNERABLE_ASSESSED_IN_WINDOW: 90 }))).toEqual({ ok: true, changed: 3 });
    // A second administrator's form, opened before the first saved, still says "no target": refused, nothing half-saved.
    expect(await setTargets(admin, targetsInput({ ASSESSED_WITH_INTERVIEW: 70, RELEASED_ON_ATD: 50 }))).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await prisma.target.count({ where: { officeId: office.id, indicator: "RELEASED_ON_ATD" } })).toBe(0);
    const versions = { ASSESSED_WITH_INTERVIEW: 1, OVERDUE_REVIEWS: 1, VULNERABLE_ASSESSED_IN_WINDOW: 1 };
    expect(await setTargets(admin, targetsInput({ ASSESSED_WITH_INTERVIEW: 85, OVERDUE_REVIEWS: 0, VULNERABLE_ASSESSED_IN_WINDOW: null }, versions))).toEqual({ ok: true, changed: 2 });
    const rows = await prisma.target.findMany({ where: { officeId: office.id }, select: { indicator: true, value: true, version: true }, orderBy: { indicator: "asc" } });
    expect(rows).toEqual([
      { indicator: "ASSESSED_WITH_INTERVIEW", value: 85, version: 2 },
      { indicator: "OVERDUE_REVIEWS", value: 0, version: 1 },
    ]);
    const audits = await prisma.auditEvent.findMany({ where: { action: "target.set", entityId: office.id }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.metadata)).toEqual([
      { period: "2025-Q3", indicators: ["ASSESSED_WITH_INTERVIEW", "VULNERABLE_ASSESSED_IN_WINDOW", "OVERDUE_REVIEWS"] },
      { period: "2025-Q3", indicators: ["ASSESSED_WITH_INTERVIEW", "VULNERABLE_ASSESSED_IN_WINDOW"] },
    ]);
  });

  it("are reported against the actuals, with the gap and the previous period, for the office and each CLO", async () => {
    // Q3 2025: two detentions of the CLO, both assessed, one with an interview.
    const facility = await prisma.facility.findFirstOrThrow({ where: { officeId: office.id } });
    for (const [day, interviewed] of [["2025-07-10T12:00:00Z", true], ["2025-07-20T12:00:00Z", false]] as const) {
      const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: "Quarter", dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
      const created = await prisma.detention.create({
        data: { reference: `TGT-${randomUUID().slice(0, 8)}`, detaineeId: person.id, officeId: office.id, facilityId: facility.id, detainedAt: new Date(day), grounds: ["UNLIKELY_TO_APPEAR"], assignedCloId: cloA.id },
      });
      const assessment = await prisma.assessment.create({
        data: { detentionId: created.id, authorId: cloA.id, completedAt: new Date(created.detainedAt.getTime() + 50 * HOUR), ...(interviewed ? { interviewAt: created.detainedAt } : { noInterviewReason: "Declined" }) },
      });
      await prisma.auditEvent.create({ data: { actorId: cloA.id, action: "assessment.complete", entityType: "Assessment", entityId: assessment.id, detentionId: created.id, at: assessment.completedAt! } });
    }
    const report = await getTargetReport(supervisor, { period: "2025-Q3" }, now);
    expect(report?.period).toBe("2025-Q3");
    expect(report?.previousPeriod).toBe("2025-Q2");
    const interview = report!.byOffice.lines.find((line) => line.indicator === "ASSESSED_WITH_INTERVIEW")!;
    expect(interview).toEqual({ indicator: "ASSESSED_WITH_INTERVIEW", target: 85, actual: 50, gap: -35, met: false, previousActual: null });
    expect(report!.byOffice.lines.find((line) => line.indicator === "OVERDUE_REVIEWS")).toMatchObject({ target: 0, actual: 0, met: true });
    expect(report!.byClo.map((group) => group.label)).toEqual(["Policy Clo"]);
    expect(report!.byClo[0]!.lines.find((line) => line.indicator === "ASSESSED_WITH_INTERVIEW")).toMatchObject({ target: 85, actual: 50, met: false });
    expect(report!.activity.find((row) => row.userId === cloA.id)).toMatchObject({ assessments: 2, interviews: 1 });
    expect(report!.form).toBeNull();
    // An administrator gets the form with each target's version.
    const adminReport = await getTargetReport(admin, { period: "2025-Q3", officeId: office.id }, now);
    expect(adminReport?.form).toEqual({ values: { ASSESSED_WITH_INTERVIEW: 85, OVERDUE_REVIEWS: 0 }, versions: { ASSESSED_WITH_INTERVIEW: 2, OVERDUE_REVIEWS: 1 } });
    // A CLO has no targets report.
    expect(await getTargetReport({ ...supervisor, role: "CLO", userId: cloA.id }, { period: "2025-Q3" }, now)).toBeNull();
  });
});
