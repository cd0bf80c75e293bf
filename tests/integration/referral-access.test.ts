import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// The data layer reads DATABASE_URL lazily (lib/env): point it at this run's database before the first query.
process.env.DATABASE_URL = inject("databaseUrl");
const { getReferral } = await import("@/lib/referrals/queries");
const { getComposeView } = await import("@/lib/referrals/compose-queries");
const { listReferralInbox, listMyReferrals } = await import("@/lib/referrals/inbox-queries");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { markReferralMessagesRead, recordReferralOpened } = await import("@/lib/referrals/reading");
const { sendReferral, answerReferral, withdrawReferral, postReferralMessage, startReferralReview } = await import("@/lib/referrals/mutations");
const { recordConsent, withdrawConsent } = await import("@/lib/consent/mutations");
const { getCaseConsents } = await import("@/lib/consent/queries");
const { answerReferralSchema } = await import("@/lib/referrals/schema");

let prisma: PrismaClient;
const emails = {
  cloToronto: "clo.toronto@liaison.example",
  clo2Toronto: "clo2.toronto@liaison.example",
  supervisorToronto: "supervisor.toronto@liaison.example",
  cloMontreal: "clo.montreal@liaison.example",
  rainbow: "caseworker.rainbow@liaison.example",
  harbour: "caseworker.harbour@liaison.example",
  counsel: "counsel.clinic@liaison.example",
  admin: "admin@liaison.example",
};
const actors = {} as Record<keyof typeof emails, Actor>;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  for (const [key, email] of Object.entries(emails)) actors[key as keyof typeof emails] = await actorFor(prisma, email);
});

// Other test files share this run's database: the referrals and consents made here are removed afterwards.
const created = { referrals: [] as string[], consents: [] as string[] };

afterAll(async () => {
  await prisma.referral.deleteMany({ where: { id: { in: created.referrals } } });
  await prisma.consent.deleteMany({ where: { id: { in: created.consents } } });
  await prisma.$disconnect();
});

/** A Toronto detention with an assessment that holds a risk opinion, still detained. */
async function torontoCase() {
  const detention = await prisma.detention.findFirstOrThrow({
    where: { reference: { startsWith: "TOR-" }, status: "DETAINED", assessment: { riskOpinion: { not: null } } },
    orderBy: { reference: "asc" },
    select: { id: true, detaineeId: true },
  });
  return detention;
}

async function rainbowProvider() {
  return prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true, organizationId: true } });
}

const localNow = () => {
  // A minute ago, as a datetime-local value in Toronto's zone.
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(Date.now() - 60_000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
};

/**
 * What the referral page does for a reader (app/(app)/referrals/[id]/page.tsx): the read, then, by name, the audit
 * of the provider's packet read and the read receipts. False when the reader may not see the referral.
 */
async function openReferral(actor: Actor, referralId: string): Promise<boolean> {
  const view = await getReferral(actor, referralId);
  if (!view) return false;
  await recordReferralOpened(actor, view.id);
  await markReferralMessagesRead(actor, view.id);
  return true;
}

type ConsentFieldName = "IDENTITY" | "CONTACT_AND_LANGUAGE" | "NEEDS" | "VULNERABILITIES" | "RISK_OPINION" | "REVIEW_DATES";

/** Records a consent for Rainbow covering the fields (by default every field but review dates) and sends a default packet; returns the ids. */
async function sendToRainbow(options: { detention?: { id: string; detaineeId: string }; fields?: ConsentFieldName[] } = {}) {
  const detention = options.detention ?? (await torontoCase());
  const provider = await rainbowProvider();
  const consent = await recordConsent(actors.cloToronto, {
    detentionId: detention.id,
    recipientOrgId: provider.organizationId,
    purpose: "Housing and peer support on release",
    fields: options.fields ?? ["IDENTITY", "CONTACT_AND_LANGUAGE", "NEEDS", "VULNERABILITIES", "RISK_OPINION"],
    method: "VERBAL_WITH_INTERPRETER",
    interpreterLanguage: "Spanish",
    givenAt: localNow(),
  });
  if (!consent.ok) throw new Error(`consent refused: ${consent.reason}`);
  created.consents.push(consent.consentId);
  const compose = await getComposeView(actors.cloToronto, detention.id, { providerId: provider.id, consentId: consent.consentId });
  const sent = await sendReferral(actors.cloToronto, {
    detentionId: detention.id,
    providerId: provider.id,
    consentId: consent.consentId,
    fields: compose!.chosenFields,
    previewDigest: compose!.digest!,
    message: "The person would like a call in Spanish.",
  });
  if (!sent.ok) throw new Error(`send refused: ${sent.reason}`);
  created.referrals.push(sent.referralId);
  return { detention, provider, consentId: consent.consentId, referralId: sent.referralId, compose: compose! };
}

async function auditActions(entityId: string) {
  const events = await prisma.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true, metadata: true } });
  return events.map((event) => event.action);
}

describe("sending a referral within the person's consent", () => {
  it("composes by default every consented field except the risk opinion, and stores exactly the previewed packet", async () => {
    const { referralId, compose, consentId } = await sendToRainbow();
    expect(compose.chosenFields).toEqual(["IDENTITY", "CONTACT_AND_LANGUAGE", "VULNERABILITIES", "NEEDS"]);
    expect(compose.packet!.riskOpinion).toBeUndefined();
    const stored = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, packet: true, packetFields: true, sentAt: true } });
    expect(stored.status).toBe("SENT");
    expect(stored.sentAt).not.toBeNull();
    expect(stored.packet).toEqual(JSON.parse(JSON.stringify(compose.packet)));
    expect(Object.keys(stored.packet as object).sort()).toEqual(["contactAndLanguage", "identity", "needs", "vulnerabilities"]);
    expect(await auditActions(referralId)).toEqual(["referral.send"]);
    expect(await auditActions(consentId)).toEqual(["consent.record"]);
  });

  it("refuses a field the consent does not cover", async () => {
    const { detention, provider, consentId, compose } = await sendToRainbow();
    const result = await sendReferral(actors.cloToronto, { detentionId: detention.id, providerId: provider.id, consentId, fields: ["IDENTITY", "HEALTH_DETAILS"], previewDigest: compose.digest!, message: null });
    expect(result).toEqual({ ok: false, reason: "FIELDS_OUTSIDE_CONSENT" });
  });

  it("refuses a packet that is not the one the CLO previewed", async () => {
    const { detention, provider, consentId, compose } = await sendToRainbow();
    const result = await sendReferral(actors.cloToronto, { detentionId: detention.id, providerId: provider.id, consentId, fields: ["IDENTITY"], previewDigest: compose.digest!, message: null });
    expect(result).toEqual({ ok: false, reason: "PACKET_CHANGED" });
  });

  it("refuses a consent given to another organisation", async () => {
    const { detention, consentId, compose } = await sendToRainbow();
    const harbour = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Harbour House Women's Shelter" } }, select: { id: true } });
    const result = await sendReferral(actors.cloToronto, { detentionId: detention.id, providerId: harbour.id, consentId, fields: compose.chosenFields, previewDigest: compose.digest!, message: null });
    expect(result).toEqual({ ok: false, reason: "CONSENT_NOT_IN_FORCE" });
  });

  it("lets no one outside the Toronto office send on a Toronto case", async () => {
    const { detention, provider, consentId, compose } = await sendToRainbow();
    for (const actor of [actors.cloMontreal, actors.rainbow, actors.counsel, actors.admin]) {
      const result = await sendReferral(actor, { detentionId: detention.id, providerId: provider.id, consentId, fields: compose.chosenFields, previewDigest: compose.digest!, message: null });
      expect(result).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
  });
});

describe("who sees a referral and its packet", () => {
  it("shows the provider's caseworker only the packet, and the case team the case", async () => {
    const { referralId } = await sendToRainbow();
    const asProvider = await getReferral(actors.rainbow, referralId);
    expect(asProvider).not.toBeNull();
    expect(asProvider!.caseInfo).toBeNull();
    expect(Object.keys(asProvider!.packet).sort()).toEqual(["contactAndLanguage", "identity", "needs", "vulnerabilities"]);
    expect(JSON.stringify(asProvider)).not.toMatch(/TOR-\d/);
    const asClo = await getReferral(actors.cloToronto, referralId);
    expect(asClo!.caseInfo!.reference).toMatch(/^TOR-/);
    expect(await getReferral(actors.supervisorToronto, referralId)).not.toBeNull();
    expect(await getReferral(actors.clo2Toronto, referralId)).not.toBeNull();
  });

  it.each([
    ["an NGO caseworker of another organisation", "harbour"],
    ["a CLO of another office", "cloMontreal"],
    ["counsel", "counsel"],
    ["an administrator", "admin"],
  ] as const)("finds nothing for %s", async (_label, who) => {
    const { referralId } = await sendToRainbow();
    expect(await getReferral(actors[who], referralId)).toBeNull();
    expect(await openReferral(actors[who], referralId)).toBe(false);
    expect(await postReferralMessage(actors[who], { referralId, body: "Hello" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("never shows a draft to the provider", async () => {
    const draft = await prisma.referral.findFirstOrThrow({ where: { status: "DRAFT" }, select: { id: true, provider: { select: { organizationId: true } } } });
    const caseworker = { ...actors.rainbow, organizationId: draft.provider.organizationId };
    expect(await getReferral(caseworker, draft.id)).toBeNull();
  });

  it("reads a referral without writing anything: status, version, messages and audit are as they were", async () => {
    const { referralId } = await sendToRainbow();
    const before = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true, updatedAt: true } });
    for (const reader of [actors.rainbow, actors.cloToronto]) expect(await getReferral(reader, referralId)).not.toBeNull();
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true, updatedAt: true } })).toEqual(before);
    expect(await prisma.referralMessage.count({ where: { referralId, readAt: null } })).toBe(1);
    expect(await auditActions(referralId)).toEqual(["referral.send"]);
  });

  it("audits the provider's opening and marks the messages read, leaving the referral sent until the caseworker starts the review", async () => {
    const { referralId } = await sendToRainbow();
    expect(await openReferral(actors.rainbow, referralId)).toBe(true);
    expect(await openReferral(actors.rainbow, referralId)).toBe(true);
    // Opening changes no status (it used to move SENT to UNDER_REVIEW: a read that wrote, outside the transition table).
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true } })).toEqual({ status: "SENT", version: 1 });
    expect(await auditActions(referralId)).toEqual(["referral.send", "referral.open_packet", "referral.open_packet"]);
    // The CLO's message is now read by the provider.
    const unread = await prisma.referralMessage.count({ where: { referralId, readAt: null } });
    expect(unread).toBe(0);
    // Starting the review is the caseworker's explicit step, through the transition table, audited.
    expect(await startReferralReview(actors.cloToronto, { referralId, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await startReferralReview(actors.harbour, { referralId, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await startReferralReview(actors.rainbow, { referralId, version: 1 })).toEqual({ ok: true, referralId });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, version: true } })).toEqual({ status: "UNDER_REVIEW", version: 2 });
    expect(await startReferralReview(actors.rainbow, { referralId, version: 1 })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await startReferralReview(actors.rainbow, { referralId, version: 2 })).toEqual({ ok: false, reason: "INVALID_TRANSITION" });
    expect(await auditActions(referralId)).toEqual(["referral.send", "referral.open_packet", "referral.open_packet", "referral.review.start"]);
  });

  it("lists the referral in the provider's inbox and in the sending CLO's referrals, not in another CLO's", async () => {
    const { referralId, detention } = await sendToRainbow();
    const inbox = await listReferralInbox(actors.rainbow, 1);
    const inboxIds = new Set<string>();
    for (let page = 1; page <= inbox.pageCount; page++) for (const row of (await listReferralInbox(actors.rainbow, page)).rows) inboxIds.add(row.id);
    expect(inboxIds.has(referralId)).toBe(true);
    expect(inbox.rows.every((row) => row.reference === null)).toBe(true);
    const mine = await listMyReferrals(actors.cloToronto, 1);
    expect(mine.rows.map((row) => row.id)).toContain(referralId);
    const colleague = await listMyReferrals(actors.clo2Toronto, 1);
    expect(colleague.rows.map((row) => row.id)).not.toContain(referralId);
    const office = await listMyReferrals(actors.supervisorToronto, 1);
    expect(office.rows.map((row) => row.id)).toContain(referralId);
    expect((await getCaseFile(actors.cloToronto, detention.id))!.referrals!.map((row) => row.id)).toContain(referralId);
    expect(await getCaseFile(actors.cloMontreal, detention.id)).toBeNull();
  });

  it("orders the inbox by the next review due only where review dates are shared, then by date sent", async () => {
    const caseworker = actors.harbour;
    const page = await listReferralInbox(caseworker, 1);
    const ids = page.rows.map((row) => row.id);
    const facts = await prisma.referral.findMany({
      where: { id: { in: ids } },
      select: { id: true, sentAt: true, packetFields: true, consent: { select: { fields: true } }, detention: { select: { nextReviewDueBy: true } } },
    });
    const byId = new Map(facts.map((row) => [row.id, row]));
    const shared = (id: string) => byId.get(id)!.packetFields.includes("REVIEW_DATES") && !!byId.get(id)!.consent?.fields.includes("REVIEW_DATES");
    const sharedIds = ids.filter(shared);
    // Every referral with shared review dates comes first, soonest review first; the others after, newest sent first.
    expect(ids.slice(0, sharedIds.length)).toEqual(sharedIds);
    const dues = sharedIds.map((id) => byId.get(id)!.detention.nextReviewDueBy?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const sent = ids.filter((id) => !shared(id)).map((id) => byId.get(id)!.sentAt?.getTime() ?? -Infinity);
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
  });

  it("never lets a review date the provider was not given move a referral in their inbox", async () => {
    // Two people's referrals to Rainbow: one whose consent shares review dates, one whose consent does not.
    const [withDates, withoutDates] = await prisma.detention.findMany({
      where: { reference: { startsWith: "TOR-" }, status: "DETAINED", nextReviewDueBy: { not: null } },
      orderBy: { reference: "desc" },
      take: 2,
      select: { id: true, detaineeId: true, nextReviewDueBy: true },
    });
    const shared = await sendToRainbow({ detention: withDates!, fields: ["IDENTITY", "REVIEW_DATES"] });
    const hidden = await sendToRainbow({ detention: withoutDates!, fields: ["IDENTITY"] });
    const inboxOrder = async () => {
      const first = await listReferralInbox(actors.rainbow, 1);
      const ids: string[] = [];
      for (let page = 1; page <= first.pageCount; page++) ids.push(...(await listReferralInbox(actors.rainbow, page)).rows.map((row) => row.id));
      return ids;
    };
    const rowOf = async (id: string) => (await listReferralInbox(actors.rainbow, 1)).rows.find((row) => row.id === id);
    try {
      // The hidden date far away, then overdue: the inbox is the same list in the same order.
      await prisma.detention.update({ where: { id: withoutDates!.id }, data: { nextReviewDueBy: new Date(Date.now() + 300 * 86_400_000) } });
      const farAway = await inboxOrder();
      await prisma.detention.update({ where: { id: withoutDates!.id }, data: { nextReviewDueBy: new Date(Date.now() - 86_400_000) } });
      const overdue = await inboxOrder();
      expect(overdue).toEqual(farAway);
      // Shared review dates do order: that referral sits with the shared ones, ahead of the one without.
      expect(overdue.indexOf(shared.referralId)).toBeLessThan(overdue.indexOf(hidden.referralId));
      expect((await rowOf(shared.referralId))?.reviewDueBy).not.toBeNull();
      expect((await rowOf(hidden.referralId))?.reviewDueBy ?? null).toBeNull();
    } finally {
      await prisma.detention.update({ where: { id: withoutDates!.id }, data: { nextReviewDueBy: withoutDates!.nextReviewDueBy } });
    }
  });
});

describe("consent withdrawal", () => {
  it("makes the provider's next packet read fail at once, and is audited", async () => {
    const { referralId, consentId, detention } = await sendToRainbow();
    expect(await getReferral(actors.rainbow, referralId)).not.toBeNull();
    const withdrawn = await withdrawConsent(actors.cloToronto, { consentId, detentionId: detention.id });
    expect(withdrawn.ok).toBe(true);
    expect(await openReferral(actors.rainbow, referralId)).toBe(false);
    expect(await getReferral(actors.rainbow, referralId)).toBeNull();
    const inbox = await listReferralInbox(actors.rainbow, 1);
    expect(inbox.rows.map((row) => row.id)).not.toContain(referralId);
    expect(await answerReferral(actors.rainbow, { referralId, version: 1, status: "ACCEPTED", declineDetails: null, message: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    // The case team still sees its referral, marked as without consent.
    const asClo = await getReferral(actors.cloToronto, referralId);
    expect(asClo!.caseInfo!.consentWithdrawnAt).not.toBeNull();
    expect(await auditActions(consentId)).toEqual(["consent.record", "consent.withdraw"]);
    // Messaging closes on both sides: the provider finds no referral, the case team is told why.
    const messagesBefore = await prisma.referralMessage.count({ where: { referralId } });
    expect(await postReferralMessage(actors.rainbow, { referralId, body: "Are you still there?" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await postReferralMessage(actors.cloToronto, { referralId, body: "A note for the provider" })).toEqual({ ok: false, reason: "MESSAGES_CLOSED" });
    expect(await prisma.referralMessage.count({ where: { referralId } })).toBe(messagesBefore);
  });

  it("cannot be withdrawn by a CLO of another office, nor twice", async () => {
    const { consentId, detention } = await sendToRainbow();
    expect(await withdrawConsent(actors.cloMontreal, { consentId, detentionId: detention.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await withdrawConsent(actors.cloToronto, { consentId, detentionId: detention.id })).ok).toBe(true);
    expect(await withdrawConsent(actors.cloToronto, { consentId, detentionId: detention.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("is listed on the case with how and when it was given", async () => {
    const { consentId, detention } = await sendToRainbow();
    const consents = await getCaseConsents(actors.cloToronto, detention.id);
    const consent = consents!.consents.find((row) => row.id === consentId)!;
    expect(consent).toMatchObject({ recipientName: "Rainbow Newcomer Network", method: "VERBAL_WITH_INTERPRETER", interpreterLanguage: "Spanish", withdrawnAt: null });
    expect(await getCaseConsents(actors.cloMontreal, detention.id)).toBeNull();
    expect(await getCaseConsents(actors.rainbow, detention.id)).toBeNull();
  });

  it("refuses a consent said to be given in the future", async () => {
    const detention = await torontoCase();
    const provider = await rainbowProvider();
    const result = await recordConsent(actors.cloToronto, { detentionId: detention.id, recipientOrgId: provider.organizationId, purpose: "x", fields: ["IDENTITY"], method: "WRITTEN", interpreterLanguage: null, givenAt: "2999-01-01T10:00" });
    expect(result).toEqual({ ok: false, reason: "GIVEN_AT_INVALID" });
  });
});

describe("answering a referral", () => {
  it("accepts once: of two concurrent answers at the same version, the second is refused", async () => {
    const { referralId } = await sendToRainbow();
    await openReferral(actors.rainbow, referralId);
    const { version } = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } });
    const results = await Promise.all([
      answerReferral(actors.rainbow, { referralId, version, status: "ACCEPTED", declineDetails: null, message: "Welcome" }),
      answerReferral(actors.rainbow, { referralId, version, status: "DECLINED", declineReason: "NO_CAPACITY", declineDetails: null, message: null }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    const after = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true, status: true } });
    expect(after.version).toBe(version + 1);
    expect(await auditActions(referralId)).toContain("referral.answer");
  });

  it("records a decline with its reason, and refuses the CLO's attempt to answer for the provider", async () => {
    const { referralId } = await sendToRainbow();
    expect(await answerReferral(actors.cloToronto, { referralId, version: 1, status: "ACCEPTED", declineDetails: null, message: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    const declined = await answerReferral(actors.rainbow, { referralId, version: 1, status: "DECLINED", declineReason: "OUTSIDE_MANDATE", declineDetails: null, message: null });
    expect(declined.ok).toBe(true);
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true, declineReason: true, respondedAt: true } });
    expect(row.status).toBe("DECLINED");
    expect(row.declineReason).toBe("OUTSIDE_MANDATE");
    expect(row.respondedAt).not.toBeNull();
    // Declined is final.
    expect(await answerReferral(actors.rainbow, { referralId, version: 2, status: "ACCEPTED", declineDetails: null, message: null })).toEqual({ ok: false, reason: "INVALID_TRANSITION" });
  });

  it("requires a reason to decline, and details when the reason is other", () => {
    const base = { referralId: "0190a0a0-0000-7000-8000-000000000001", version: "1", status: "DECLINED" };
    expect(answerReferralSchema.safeParse(base).success).toBe(false);
    expect(answerReferralSchema.safeParse({ ...base, declineReason: "OTHER" }).success).toBe(false);
    expect(answerReferralSchema.safeParse({ ...base, declineReason: "OTHER", declineDetails: "Program closing" }).success).toBe(true);
    expect(answerReferralSchema.safeParse({ ...base, declineReason: "NO_CAPACITY" }).success).toBe(true);
  });

  it("lets the CLO withdraw an open referral, audited, and not a closed one", async () => {
    const { referralId } = await sendToRainbow();
    expect(await withdrawReferral(actors.rainbow, { referralId, version: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await withdrawReferral(actors.cloToronto, { referralId, version: 1 })).ok).toBe(true);
    expect(await withdrawReferral(actors.cloToronto, { referralId, version: 2 })).toEqual({ ok: false, reason: "INVALID_TRANSITION" });
    expect(await auditActions(referralId)).toEqual(["referral.send", "referral.withdraw"]);
  });

  it("carries messages both ways, each side's unread count falling when the other opens the referral", async () => {
    const { referralId } = await sendToRainbow();
    await openReferral(actors.rainbow, referralId);
    expect((await postReferralMessage(actors.rainbow, { referralId, body: "We can call on Thursday." })).ok).toBe(true);
    const mine = await listMyReferrals(actors.cloToronto, 1);
    expect(mine.rows.find((row) => row.id === referralId)!.unread).toBe(1);
    await openReferral(actors.cloToronto, referralId);
    const after = await listMyReferrals(actors.cloToronto, 1);
    expect(after.rows.find((row) => row.id === referralId)!.unread).toBe(0);
    const view = await getReferral(actors.rainbow, referralId);
    expect(view!.messages.map((message) => [message.fromProvider, message.body])).toEqual([
      [false, "The person would like a call in Spanish."],
      [true, "We can call on Thursday."],
    ]);
  });
});

describe("the demo data's referrals", () => {
  it("carry every section their packet lists as shared, as the app builds it", async () => {
    const { readPacket } = await import("@/lib/referrals/packet");
    const sectionOf = {
      IDENTITY: "identity",
      CONTACT_AND_LANGUAGE: "contactAndLanguage",
      DETENTION_FACTS: "detentionFacts",
      REVIEW_DATES: "reviewDates",
      VULNERABILITIES: "vulnerabilities",
      HEALTH_DETAILS: "healthDetails",
      NEEDS: "needs",
      RELEASE_PLAN: "releasePlan",
      RISK_OPINION: "riskOpinion",
    } as const;
    // Every referral sent, the demo's and this file's: the app's own are built by buildPacket too. Other files share
    // this run's database, and some make a referral row by hand with no packet at all (`{}`) to test something else
    // (documents, the team thread): not a packet the app built, so not this test's subject.
    const referrals = (await prisma.referral.findMany({ where: { status: { not: "DRAFT" } }, select: { packetFields: true, packet: true } })).filter(
      (referral) => !(referral.packet && typeof referral.packet === "object" && Object.keys(referral.packet).length === 0),
    );
    expect(referrals.length).toBeGreaterThan(10);
    for (const referral of referrals) {
      const packet = readPacket(referral.packet);
      for (const field of referral.packetFields) expect(packet[sectionOf[field]], `${field} listed as shared`).toBeDefined();
    }
  });
});
