import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// The data layer reads DATABASE_URL lazily (lib/env): point it at this run's database before the first query.
process.env.DATABASE_URL = inject("databaseUrl");
const { getComposeView } = await import("@/lib/referrals/compose-queries");
const { sendReferral, answerReferral, postReferralMessage } = await import("@/lib/referrals/mutations");
const { recordConsent, withdrawConsent } = await import("@/lib/consent/mutations");
const { assignDetention } = await import("@/lib/detentions/mutations");
const { markNotificationRead, markAllNotificationsRead } = await import("@/lib/notifications/mutations");
const { listNotifications, unreadNotificationCount } = await import("@/lib/notifications/queries");
const { openNotification } = await import("@/lib/notifications/reading");
const { db } = await import("@/lib/db");
const { recordAudit } = await import("@/lib/audit/mutations");
const { recordOutcome } = await import("@/lib/outcomes/mutations");
const { recordOutcomeSchema } = await import("@/lib/outcomes/schema");
const { requestCounsel } = await import("@/lib/counsel/mutations");
const { instantToWallClock } = await import("@/lib/time/facility-clock");

/**
 * Who is told what, on the real database: each event reaches exactly the recipients it should (the other side of the
 * change, never its author, never anyone without access), in the change's own transaction.
 */
let prisma: PrismaClient;
const emails = {
  cloToronto: "clo.toronto@liaison.example",
  clo2Toronto: "clo2.toronto@liaison.example",
  supervisorToronto: "supervisor.toronto@liaison.example",
  rainbow: "caseworker.rainbow@liaison.example",
  harbour: "caseworker.harbour@liaison.example",
  counsel: "counsel.clinic@liaison.example",
};
const actors = {} as Record<keyof typeof emails, Actor>;
const created = { referrals: [] as string[], consents: [] as string[] };

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  for (const [key, email] of Object.entries(emails)) actors[key as keyof typeof emails] = await actorFor(prisma, email);
});

afterAll(async () => {
  await prisma.referral.deleteMany({ where: { id: { in: created.referrals } } });
  await prisma.consent.deleteMany({ where: { id: { in: created.consents } } });
  await prisma.$disconnect();
});

const localNow = () => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(Date.now() - 60_000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
};

/** The recipients of the latest audit event of this action on this entity. */
async function toldAbout(action: string, entityId: string): Promise<{ recipients: string[]; rows: { kind: string; reference: string | null; path: string }[] }> {
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { action, entityId }, orderBy: { id: "desc" }, select: { id: true } });
  const rows = await prisma.notification.findMany({ where: { key: `audit:${event.id}` }, select: { recipientId: true, kind: true, reference: true, path: true } });
  return { recipients: rows.map((row) => row.recipientId).sort(), rows };
}

async function organizationCaseworkers(organizationId: string): Promise<string[]> {
  const users = await prisma.user.findMany({ where: { organizationId, role: "NGO_CASEWORKER", active: true }, select: { id: true } });
  return users.map((user) => user.id).sort();
}

async function torontoCase() {
  return prisma.detention.findFirstOrThrow({
    where: { reference: { startsWith: "TOR-" }, status: "DETAINED", assignedCloId: { not: null } },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, assignedCloId: true, version: true },
  });
}

async function sendToRainbow() {
  const detention = await torontoCase();
  const provider = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true, organizationId: true } });
  const consent = await recordConsent(actors.cloToronto, {
    detentionId: detention.id,
    recipientOrgId: provider.organizationId,
    purpose: "Housing on release",
    fields: ["IDENTITY", "NEEDS"],
    method: "WRITTEN",
    interpreterLanguage: "",
    givenAt: localNow(),
  } as never);
  if (!consent.ok) throw new Error(`consent refused: ${consent.reason}`);
  created.consents.push(consent.consentId);
  const compose = await getComposeView(actors.cloToronto, detention.id, { providerId: provider.id, consentId: consent.consentId });
  const sent = await sendReferral(actors.cloToronto, { detentionId: detention.id, providerId: provider.id, consentId: consent.consentId, fields: compose!.chosenFields, previewDigest: compose!.digest!, message: null });
  if (!sent.ok) throw new Error(`send refused: ${sent.reason}`);
  created.referrals.push(sent.referralId);
  return { detention, provider, consentId: consent.consentId, referralId: sent.referralId };
}

describe("who is told what", () => {
  it("a referral sent tells the receiving organisation's caseworkers, and no one else, without a case reference", async () => {
    const { provider, referralId } = await sendToRainbow();
    const told = await toldAbout("referral.send", referralId);
    const caseworkers = await organizationCaseworkers(provider.organizationId);
    expect(caseworkers).toContain(actors.rainbow.userId);
    expect(told.recipients).toEqual(caseworkers);
    expect(told.rows.every((row) => row.kind === "REFERRAL_RECEIVED" && row.reference === null && row.path === `/referrals/${referralId}`)).toBe(true);
  });

  it("an answer tells the CLO who sent it and the case's assigned CLO, never the provider", async () => {
    const { detention, referralId } = await sendToRainbow();
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } });
    const answered = await answerReferral(actors.rainbow, { referralId, version: referral.version, status: "ACCEPTED", declineReason: undefined, declineDetails: undefined, message: "" } as never);
    expect(answered.ok).toBe(true);
    const told = await toldAbout("referral.answer", referralId);
    expect(told.recipients).toEqual([...new Set([actors.cloToronto.userId, detention.assignedCloId!])].sort());
    expect(told.rows[0]).toMatchObject({ kind: "REFERRAL_ANSWERED", reference: detention.reference });
  });

  it("a message tells the other side of the referral only", async () => {
    const { provider, referralId } = await sendToRainbow();
    expect((await postReferralMessage(actors.cloToronto, { referralId, body: "Can you call the office?" })).ok).toBe(true);
    expect((await toldAbout("referral.message", referralId)).recipients).toEqual(await organizationCaseworkers(provider.organizationId));
    expect((await postReferralMessage(actors.rainbow, { referralId, body: "Yes, tomorrow." })).ok).toBe(true);
    const fromProvider = await toldAbout("referral.message", referralId);
    expect(fromProvider.recipients).not.toContain(actors.rainbow.userId);
    expect(fromProvider.recipients).toContain(actors.cloToronto.userId);
  });

  it("a consent withdrawn tells the organisation that was sent a referral, and only then", async () => {
    const { detention, provider, consentId } = await sendToRainbow();
    expect((await withdrawConsent(actors.cloToronto, { consentId, detentionId: detention.id })).ok).toBe(true);
    const told = await toldAbout("consent.withdraw", consentId);
    expect(told.recipients).toEqual(await organizationCaseworkers(provider.organizationId));
    expect(told.rows[0]).toMatchObject({ kind: "CONSENT_WITHDRAWN", reference: null, path: "/referrals" });

    // A consent to an organisation that was never sent a referral about this case: it does not know the person, so
    // it is not told (a notification would reveal that this person is detained).
    const unreferred = await prisma.serviceProvider.findFirstOrThrow({
      where: { referrals: { none: { detentionId: detention.id } }, organization: { users: { some: { role: "NGO_CASEWORKER", active: true } } } },
      select: { organizationId: true },
    });
    const unused = await recordConsent(actors.cloToronto, { detentionId: detention.id, recipientOrgId: unreferred.organizationId, purpose: "Housing", fields: ["IDENTITY"], method: "WRITTEN", interpreterLanguage: "", givenAt: localNow() } as never);
    if (!unused.ok) throw new Error("consent refused");
    created.consents.push(unused.consentId);
    expect((await withdrawConsent(actors.cloToronto, { consentId: unused.consentId, detentionId: detention.id })).ok).toBe(true);
    expect((await toldAbout("consent.withdraw", unused.consentId)).recipients).toEqual([]);
  });

  it("an assignment tells the CLO it was given to, not the supervisor who made it", async () => {
    const detention = await torontoCase();
    const target = detention.assignedCloId === actors.cloToronto.userId ? actors.clo2Toronto : actors.cloToronto;
    expect((await assignDetention(actors.supervisorToronto, { detentionId: detention.id, version: detention.version, cloId: target.userId })).ok).toBe(true);
    const told = await toldAbout("detention.assign", detention.id);
    expect(told.recipients).toEqual([target.userId]);
    expect(told.rows[0]).toMatchObject({ kind: "CASE_ASSIGNED", reference: detention.reference, path: `/cases/${detention.id}` });
  });

  it("a change that rolls back tells nobody", async () => {
    const detention = await torontoCase();
    const since = new Date();
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, actors.supervisorToronto, { action: "detention.assign", entityType: "Detention", entityId: detention.id, detentionId: detention.id });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    // The assigned CLO would have been told: nothing was written for them (or anyone) about this case since.
    expect(await prisma.notification.count({ where: { detentionId: detention.id, kind: "CASE_ASSIGNED", createdAt: { gte: since } } })).toBe(0);
  });
});

describe("the end of a detention and counsel's requests", () => {
  it("a release tells counsel of record (with the reference) and the caseworkers of a provider still working on a referral (without it)", async () => {
    const { detention, provider } = await sendToRainbow();
    const counsel = await prisma.detention.findUniqueOrThrow({ where: { id: detention.id }, select: { version: true, detainee: { select: { counselId: true } } } });
    const at = instantToWallClock(new Date(Date.now() - 60_000), "America/Toronto");
    const input = recordOutcomeSchema.parse({ detentionId: detention.id, detentionVersion: String(counsel.version), kind: "RELEASE", releaseType: "ID_ORDER_WITHOUT_CONDITIONS", date: at.date, time: at.time });
    const result = await recordOutcome(actors.cloToronto, input);
    expect(result.ok).toBe(true);
    const outcome = await prisma.detentionOutcome.findFirstOrThrow({ where: { detentionId: detention.id, supersededAt: null }, select: { id: true } });
    const told = await toldAbout("detention.outcome.record", outcome.id);
    // Every provider with a referral about this person still open and consent in force (Rainbow, and any the demo sent).
    const openReferrals = await prisma.referral.findMany({
      where: { detentionId: detention.id, status: { in: ["SENT", "UNDER_REVIEW", "ACCEPTED", "WAITLISTED"] }, OR: [{ consentId: null }, { consent: { withdrawnAt: null } }] },
      select: { provider: { select: { organizationId: true } } },
    });
    const organizations = [...new Set(openReferrals.map((referral) => referral.provider.organizationId))];
    expect(organizations).toContain(provider.organizationId);
    const caseworkers = (await Promise.all(organizations.map(organizationCaseworkers))).flat();
    expect(told.recipients).toEqual([...new Set([...caseworkers, ...(counsel.detainee.counselId ? [counsel.detainee.counselId] : [])])].sort());
    for (const row of told.rows) expect(row.kind).toBe("PERSON_RELEASED");
    const rainbowPath = (await prisma.notification.findFirstOrThrow({ where: { kind: "PERSON_RELEASED", detentionId: detention.id, recipientId: actors.rainbow.userId }, select: { path: true } })).path;
    expect(rainbowPath).toMatch(/^\/referrals\//);
    const byRecipient = await prisma.notification.findMany({ where: { key: { startsWith: "audit:" }, detentionId: detention.id, kind: "PERSON_RELEASED" }, select: { recipientId: true, reference: true, path: true } });
    for (const row of byRecipient) {
      if (caseworkers.includes(row.recipientId)) expect(row).toMatchObject({ reference: null, path: expect.stringMatching(/^\/referrals\/[0-9a-f-]{36}$/) });
      else expect(row).toMatchObject({ reference: detention.reference, path: "/clients" });
    }
  });

  it("counsel's request that matches a person tells the case's CLO; one that matches no one tells nobody", async () => {
    const target = await prisma.detention.findFirstOrThrow({
      where: { reference: { startsWith: "TOR-" }, status: "DETAINED", assignedCloId: { not: null }, detainee: { counselId: null, counselRecords: { none: { status: { in: ["ACTIVE", "REQUESTED"] } } } } },
      select: { id: true, reference: true, assignedCloId: true, detainee: { select: { familyName: true } } },
    });
    const counsel = await actorFor(prisma, "counsel.marchand@liaison.example");
    expect(await requestCounsel(counsel, { reference: target.reference, familyName: target.detainee.familyName })).toEqual({ ok: true });
    const request = await prisma.counselOfRecord.findFirstOrThrow({ where: { requestDetentionId: target.id, counselId: counsel.userId, status: "REQUESTED" }, select: { id: true } });
    const told = await toldAbout("counsel.request", request.id);
    expect(told.recipients).toEqual([target.assignedCloId]);
    expect(told.rows[0]).toMatchObject({ kind: "COUNSEL_REQUESTED", reference: target.reference });

    const before = await prisma.notification.count({ where: { kind: "COUNSEL_REQUESTED" } });
    expect(await requestCounsel(counsel, { reference: "TOR-99-9999", familyName: "Nobody" })).toEqual({ ok: true });
    expect(await prisma.notification.count({ where: { kind: "COUNSEL_REQUESTED" } })).toBe(before);
  });
});

describe("the notification centre", () => {
  it("lists only the reader's own, counts unread, and marks one or all read", async () => {
    const { referralId } = await sendToRainbow();
    const mine = await listNotifications(actors.rainbow, 1);
    expect(mine.unread).toBeGreaterThan(0);
    const first = mine.rows[0]!;
    // Someone else's notification is not found, and stays unread.
    expect(await openNotification(actors.cloToronto, first.id)).toBeNull();
    expect(await markNotificationRead(actors.cloToronto, { notificationId: first.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeNull();

    const unreadBefore = await unreadNotificationCount(actors.rainbow);
    // Following it goes to the referral and reads it.
    expect(await openNotification(actors.rainbow, first.id)).toBe(`/referrals/${referralId}`);
    expect(await unreadNotificationCount(actors.rainbow)).toBe(unreadBefore - 1);
    expect(await markNotificationRead(actors.rainbow, { notificationId: first.id })).toEqual({ ok: true, count: 0 });
    const second = (await listNotifications(actors.rainbow, 1)).rows.find((row) => !row.read);
    expect(second).toBeDefined();
    expect(await markNotificationRead(actors.rainbow, { notificationId: second!.id })).toEqual({ ok: true, count: 1 });
    await markAllNotificationsRead(actors.rainbow, {});
    expect(await unreadNotificationCount(actors.rainbow)).toBe(0);
  });
});
