import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";
import { pdfBytes } from "@/tests/support/document-files";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// The data layer reads DATABASE_URL lazily (lib/env): point it at this run's database before the first query.
process.env.DATABASE_URL = inject("databaseUrl");
const { recordOutsideReferral, recordOutsideAnswer } = await import("@/lib/outside-referrals/mutations");
const { recordOutsideReferralSchema, recordOutsideAnswerSchema } = await import("@/lib/outside-referrals/schema");
const { uploadDocument } = await import("@/lib/documents/mutations");
const { loadReadiness } = await import("@/lib/release-plans/queries");
const { getReferral } = await import("@/lib/referrals/queries");
const { listReferralInbox } = await import("@/lib/referrals/inbox-queries");
const { listProviders } = await import("@/lib/providers/queries");
const { providerListParamsSchema } = await import("@/lib/providers/schema");
const { db } = await import("@/lib/db");

let prisma: PrismaClient;
const people = {} as Record<"clo" | "supervisor" | "montreal" | "rainbow" | "counsel", Actor>;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  people.clo = await actorFor(prisma, "clo.toronto@liaison.example");
  people.supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
  people.montreal = await actorFor(prisma, "clo.montreal@liaison.example");
  people.rainbow = await actorFor(prisma, "caseworker.rainbow@liaison.example");
  people.counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** A Toronto case whose plan relies on CCMS and is complete but for an accepted referral. */
async function caseRelyingOnAProgram(): Promise<string> {
  const detentionId = await newTorontoDetention(prisma, ["UNLIKELY_TO_APPEAR"]);
  const author = await prisma.user.findUniqueOrThrow({ where: { email: "clo.toronto@liaison.example" }, select: { id: true } });
  await prisma.assessment.create({ data: { detentionId, authorId: author.id, interviewAt: new Date(Date.now() - 86_400_000), interviewMode: "IN_PERSON" } });
  await prisma.releasePlan.create({ data: { detentionId, measures: ["CCMS"], mitigations: { create: [{ ground: "UNLIKELY_TO_APPEAR", mitigation: "Case management and weekly reporting" }] } } });
  return detentionId;
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

function rawForm(detentionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    detentionId,
    programName: `Maple Street Recovery House ${randomUUID().slice(0, 6)}`,
    contactName: "Jordan Tremblay",
    contactEmail: "intake@maple-street.example",
    contactPhone: "416-555-0134",
    fields: ["IDENTITY", "NEEDS", "RELEASE_PLAN"],
    consentGiven: "on",
    consentMethod: "WRITTEN",
    ...overrides,
  };
}

const referralForm = (detentionId: string, overrides: Record<string, unknown> = {}) => recordOutsideReferralSchema.parse(rawForm(detentionId, overrides));

async function record(detentionId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await recordOutsideReferral(people.clo, referralForm(detentionId, overrides));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.referralId;
}

async function letter(actor: Actor, detentionId: string, referralId: string | null): Promise<string> {
  const bytes = pdfBytes(`Acceptance ${randomUUID()}`);
  const result = await uploadDocument(actor, { detentionId, sharing: "CASE_TEAM", providers: [], planItem: referralId ? { referralId } : null, fileName: "acceptance.pdf", sizeBytes: bytes.byteLength }, bytes);
  if (!result.ok) throw new Error(`upload refused: ${result.reason}`);
  return result.documentId;
}

const answer = (referralId: string, version: number, overrides: Record<string, unknown> = {}) =>
  recordOutsideAnswerSchema.parse({ referralId, version: String(version), status: "ACCEPTED", answeredOn: today(), ...overrides });

describe("recording a referral to a program outside Liaison", () => {
  it("records the program, its contact, what was sent and the consent naming it; audited", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    const row = await prisma.referral.findUniqueOrThrow({
      where: { id: referralId },
      select: { outside: true, status: true, contactName: true, contactEmail: true, contactPhone: true, packetFields: true, packet: true, provider: { select: { listed: true, organizationId: true, organization: { select: { name: true, _count: { select: { users: true } } } } } }, consent: { select: { recipientOrgId: true, fields: true, method: true, withdrawnAt: true } } },
    });
    expect(row).toMatchObject({ outside: true, status: "SENT", contactName: "Jordan Tremblay", contactEmail: "intake@maple-street.example", contactPhone: "416-555-0134", packetFields: ["IDENTITY", "NEEDS", "RELEASE_PLAN"] });
    expect(row.packet).not.toBeNull();
    expect(row.provider.listed).toBe(false);
    expect(row.provider.organization._count.users).toBe(0);
    expect(row.consent).toMatchObject({ recipientOrgId: row.provider.organizationId, fields: ["IDENTITY", "NEEDS", "RELEASE_PLAN"], method: "WRITTEN", withdrawnAt: null });
    const events = await prisma.auditEvent.findMany({ where: { detentionId }, select: { action: true } });
    expect(events.map((event) => event.action).sort()).toEqual(["consent.record", "referral.outside.record"]);
  });

  it("keeps the unlisted program out of the directory, and reuses it by name", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const name = `Lakeshore Reentry Program ${randomUUID().slice(0, 6)}`;
    const first = await record(detentionId, { programName: name });
    const second = await record(await caseRelyingOnAProgram(), { programName: name.toUpperCase() });
    const providers = await prisma.referral.findMany({ where: { id: { in: [first, second] } }, select: { providerId: true } });
    expect(new Set(providers.map((row) => row.providerId)).size).toBe(1);
    const page = await listProviders(people.clo, providerListParamsSchema.parse({ q: name }));
    expect(page.total).toBe(0);
  });

  it("refers to a directory provider without users, and refuses one with users or a directory name typed in", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const noUsers = await prisma.serviceProvider.findFirstOrThrow({ where: { listed: true, organization: { active: true, users: { none: {} } } }, select: { id: true, organization: { select: { name: true } } } });
    const ok = await recordOutsideReferral(people.clo, referralForm(detentionId, { programName: "", providerId: noUsers.id }));
    expect(ok.ok).toBe(true);
    const rainbow = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true } });
    expect(await recordOutsideReferral(people.clo, referralForm(detentionId, { programName: "", providerId: rainbow.id }))).toEqual({ ok: false, reason: "PROVIDER_HAS_USERS" });
    expect(await recordOutsideReferral(people.clo, referralForm(detentionId, { programName: "rainbow newcomer network" }))).toEqual({ ok: false, reason: "PROGRAM_IN_DIRECTORY" });
  });

  it("requires the person's consent: without it nothing is written", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const parsed = recordOutsideReferralSchema.safeParse(rawForm(detentionId, { consentGiven: undefined }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["consentGiven", "consentRequired"]]);
    expect(await prisma.referral.count({ where: { detentionId } })).toBe(0);
    expect(await prisma.consent.count({ where: { detainee: { detentions: { some: { id: detentionId } } } } })).toBe(0);
  });

  it("is refused to another office, counsel and a caseworker as not found", async () => {
    const detentionId = await caseRelyingOnAProgram();
    for (const actor of [people.montreal, people.counsel, people.rainbow]) {
      expect(await recordOutsideReferral(actor, referralForm(detentionId))).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await prisma.referral.count({ where: { detentionId } })).toBe(0);
  });
});

describe("the program's answer", () => {
  it("accepted with its letter: the readiness checklist turns complete; audited, versioned", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    expect((await loadReadiness(db(), detentionId))?.readiness.ready).toBe(false);
    const documentId = await letter(people.clo, detentionId, referralId);
    expect(await recordOutsideAnswer(people.clo, answer(referralId, 1, { documentId }))).toEqual({ ok: true, referralId });
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true, answeredOn: true, respondedAt: true, documents: { select: { id: true } } } });
    expect(row).toMatchObject({ status: "ACCEPTED", version: 2, documents: [{ id: documentId }] });
    expect(row.answeredOn?.toISOString().slice(0, 10)).toBe(today());
    const readiness = await loadReadiness(db(), detentionId);
    expect(readiness?.readiness.ready).toBe(true);
    expect(readiness?.readiness.items.find((item) => item.key === "ACCEPTED_REFERRAL")?.met).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: referralId, action: "referral.outside.answer" }, select: { metadata: true } });
    expect(event.metadata).toMatchObject({ from: "SENT", to: "ACCEPTED", documentId });
    // A second answer at the version already used is stale, not an overwrite.
    expect(await recordOutsideAnswer(people.clo, answer(referralId, 1, { status: "DECLINED", declineReason: "NO_CAPACITY" }))).toEqual({ ok: false, reason: "STALE_VERSION" });
  });

  it("links a letter uploaded about the case itself to the referral", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    const documentId = await letter(people.clo, detentionId, null);
    expect((await recordOutsideAnswer(people.clo, answer(referralId, 1, { documentId }))).ok).toBe(true);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId }, select: { referralId: true } })).referralId).toBe(referralId);
  });

  it("refuses a letter from another case, and a date before the referral, changing nothing", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    const otherCase = await caseRelyingOnAProgram();
    const elsewhere = await letter(people.clo, otherCase, null);
    expect(await recordOutsideAnswer(people.clo, answer(referralId, 1, { documentId: elsewhere }))).toEqual({ ok: false, reason: "EVIDENCE_NOT_FOUND" });
    expect(await recordOutsideAnswer(people.clo, answer(referralId, 1, { status: "WAITLISTED", answeredOn: "2020-01-01" }))).toEqual({ ok: false, reason: "ANSWER_DATE", problem: "answerBeforeSent" });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true } })).toEqual({ status: "SENT", version: 1 });
    expect((await loadReadiness(db(), detentionId))?.readiness.ready).toBe(false);
  });

  it("records a waitlist without a letter, then the acceptance; a declined one does not make the plan ready", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const waitlisted = await record(detentionId);
    expect((await recordOutsideAnswer(people.clo, answer(waitlisted, 1, { status: "WAITLISTED" }))).ok).toBe(true);
    expect((await loadReadiness(db(), detentionId))?.readiness.ready).toBe(false);
    const declined = await record(detentionId);
    expect((await recordOutsideAnswer(people.clo, answer(declined, 1, { status: "DECLINED", declineReason: "NO_CAPACITY" }))).ok).toBe(true);
    expect((await loadReadiness(db(), detentionId))?.readiness.ready).toBe(false);
    const documentId = await letter(people.clo, detentionId, waitlisted);
    expect((await recordOutsideAnswer(people.clo, answer(waitlisted, 2, { documentId }))).ok).toBe(true);
    expect((await loadReadiness(db(), detentionId))?.readiness.ready).toBe(true);
  });

  it("another office cannot see or answer it, nor can counsel or a caseworker: not found", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    const documentId = await letter(people.clo, detentionId, referralId);
    expect(await getReferral(people.montreal, referralId)).toBeNull();
    for (const actor of [people.montreal, people.counsel, people.rainbow]) {
      expect(await recordOutsideAnswer(actor, answer(referralId, 1, { documentId }))).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true } })).status).toBe("SENT");
    // The office's supervisor may record it.
    expect((await recordOutsideAnswer(people.supervisor, answer(referralId, 1, { documentId }))).ok).toBe(true);
  });

  it("an ordinary referral cannot be answered this way", async () => {
    const ordinary = await prisma.referral.findFirstOrThrow({ where: { outside: false, status: "SENT", detention: { officeId: people.clo.organizationId } }, select: { id: true, version: true } });
    expect(await recordOutsideAnswer(people.clo, answer(ordinary.id, ordinary.version, { status: "WAITLISTED" }))).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("a document may be about it but is never shared with the outside program (it has no users)", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    const program = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { provider: { select: { organizationId: true } } } });
    const bytes = pdfBytes(`Shared ${randomUUID()}`);
    const shared = await uploadDocument(people.clo, { detentionId, sharing: "CASE_TEAM", providers: [program.provider.organizationId], planItem: { referralId }, fileName: "plan.pdf", sizeBytes: bytes.byteLength }, bytes);
    expect(shared).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await prisma.document.count({ where: { detentionId } })).toBe(0);
  });

  it("reaches no provider user, even if the program's organisation later has users: not in the inbox, not readable", async () => {
    const detentionId = await caseRelyingOnAProgram();
    const referralId = await record(detentionId);
    // Simulate the program joining Liaison: its referral is moved to Rainbow's organisation, consent included.
    const rainbow = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true, organizationId: true } });
    const row = await prisma.referral.update({ where: { id: referralId }, data: { providerId: rainbow.id }, select: { consentId: true } });
    await prisma.consent.update({ where: { id: row.consentId! }, data: { recipientOrgId: rainbow.organizationId } });
    expect(await getReferral(people.rainbow, referralId)).toBeNull();
    const inbox = await listReferralInbox(people.rainbow, 1);
    expect(inbox.total).toBeGreaterThan(0);
    expect(inbox.rows.some((item) => item.id === referralId)).toBe(false);
  });
});
