import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase } from "@/tests/integration/case-database";
import type { Actor } from "@/lib/authz";

// A database of its own: this file adds people, detentions, consents and referrals.
const database = await caseDatabase(new Date());
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { getTeamThread, getTeamThreadForReferral } = await import("@/lib/team/queries");
const { postTeamMessage } = await import("@/lib/team/mutations");

const emails = {
  clo: "clo.toronto@liaison.example",
  assignedClo: "clo2.toronto@liaison.example",
  supervisor: "supervisor.toronto@liaison.example",
  otherOfficeClo: "clo.montreal@liaison.example",
  counsel: "counsel.clinic@liaison.example",
  otherCounsel: "counsel.marchand@liaison.example",
  harbour: "caseworker.harbour@liaison.example",
  rainbow: "caseworker.rainbow@liaison.example",
  admin: "admin@liaison.example",
} as const;
type Who = keyof typeof emails;
const actors = {} as Record<Who, Actor>;
const HARBOUR = "Harbour House Women's Shelter";
const RAINBOW = "Rainbow Newcomer Network";

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

beforeAll(async () => {
  for (const [key, email] of Object.entries(emails)) actors[key as Who] = await actorFor(prisma, email);
});

async function providerOf(name: string) {
  return prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name } }, select: { id: true, organizationId: true } });
}

/**
 * A Toronto case of a new fictional person, assigned to clo2 (so the author clo.toronto is not its CLO), counsel of
 * record counsel.clinic, with a referral to each provider named: its status and whether its consent is in force.
 */
async function teamCase(referrals: { provider: string; status?: "DRAFT" | "SENT" | "ACCEPTED" | "DECLINED" | "WITHDRAWN"; consentWithdrawn?: boolean }[] = []) {
  const office = await prisma.organization.findFirstOrThrow({ where: { name: "CBSA Greater Toronto Area Region" }, select: { id: true, facilities: { select: { id: true }, take: 1 } } });
  const suffix = randomUUID().slice(0, 8);
  const detainee = await prisma.detainee.create({
    data: { givenName: "Test", familyName: `Team ${suffix}`, dateOfBirth: new Date("1990-01-01"), gender: "FEMALE", languages: ["Spanish"], citizenship: "XXX", counselId: actors.counsel.userId },
    select: { id: true },
  });
  const detention = await prisma.detention.create({
    data: { reference: `TOR-TM-${suffix}`, detaineeId: detainee.id, officeId: office.id, facilityId: office.facilities[0]!.id, detainedAt: new Date(Date.now() - 30 * 3_600_000), grounds: ["UNLIKELY_TO_APPEAR"], assignedCloId: actors.assignedClo.userId },
    select: { id: true, reference: true },
  });
  const referralIds: Record<string, string> = {};
  for (const referral of referrals) {
    const provider = await providerOf(referral.provider);
    const consent = await prisma.consent.create({
      data: { detaineeId: detainee.id, recipientOrgId: provider.organizationId, purpose: "Housing referral", fields: ["IDENTITY"], method: "WRITTEN", givenAt: new Date(), recordedById: actors.clo.userId, withdrawnAt: referral.consentWithdrawn ? new Date() : null },
      select: { id: true },
    });
    const status = referral.status ?? "SENT";
    const created = await prisma.referral.create({
      data: { detentionId: detention.id, providerId: provider.id, consentId: consent.id, status, packetFields: ["IDENTITY"], packet: {}, createdById: actors.clo.userId, sentAt: status === "DRAFT" ? null : new Date() },
      select: { id: true },
    });
    referralIds[referral.provider] = created.id;
  }
  return { detentionId: detention.id, reference: detention.reference, detaineeId: detainee.id, referralIds };
}

const post = (actor: Actor, input: { detentionId?: string; referralId?: string; body: string; counsel?: boolean; providers?: readonly string[]; token?: string }) =>
  postTeamMessage(actor, { counsel: false, token: randomUUID(), ...input, providers: [...(input.providers ?? [])] });

/** The bodies of the thread as `who` reads it: on the case page for the office and counsel, on their referral for a provider; null when refused. */
async function threadAs(who: Who, target: { detentionId: string; referralIds: Record<string, string> }): Promise<string[] | null> {
  const actor = actors[who];
  if (who === "harbour" || who === "rainbow") {
    const referralId = target.referralIds[who === "harbour" ? HARBOUR : RAINBOW];
    if (!referralId) return null;
    const thread = await getTeamThreadForReferral(actor, referralId);
    return thread ? thread.messages.map((message) => message.body) : null;
  }
  const thread = await getTeamThread(actor, target.detentionId);
  return thread ? thread.messages.map((message) => message.body) : null;
}

describe("who reads which team message", () => {
  let world: Awaited<ReturnType<typeof teamCase>>;
  const body = (label: string) => `${label} (${world.reference})`;

  beforeAll(async () => {
    world = await teamCase([{ provider: HARBOUR }, { provider: RAINBOW, status: "ACCEPTED" }]);
    const harbour = await providerOf(HARBOUR);
    const rainbow = await providerOf(RAINBOW);
    // Oldest first: each message a step later.
    for (const [author, label, audience] of [
      ["clo", "To counsel and Harbour", { counsel: true, providers: [harbour.organizationId] }],
      ["clo", "To the office alone", {}],
      ["counsel", "Counsel to Rainbow", { providers: [rainbow.organizationId] }],
      ["harbour", "Harbour to the office", {}],
    ] as const) {
      const target = author === "harbour" ? { referralId: world.referralIds[HARBOUR] } : { detentionId: world.detentionId };
      const result = await post(actors[author], { ...target, body: body(label), ...audience });
      expect(result, label).toMatchObject({ ok: true, duplicate: false });
    }
  });

  const ALL = ["To counsel and Harbour", "To the office alone", "Counsel to Rainbow", "Harbour to the office"];
  it.each([
    { who: "clo", sees: ALL, why: "the office responsible reads every message" },
    { who: "supervisor", sees: ALL, why: "a supervisor of the office too" },
    { who: "assignedClo", sees: ALL, why: "and the case's own CLO" },
    { who: "otherOfficeClo", sees: null, why: "another office: no such case" },
    { who: "counsel", sees: ["To counsel and Harbour", "Counsel to Rainbow"], why: "counsel of record: what it was named in and its own, not the office's own message nor a provider's to the office" },
    { who: "otherCounsel", sees: null, why: "another lawyer: no such case" },
    { who: "harbour", sees: ["To counsel and Harbour", "Harbour to the office"], why: "a provider named in one message, and its own" },
    { who: "rainbow", sees: ["Counsel to Rainbow"], why: "a provider named only by counsel" },
    { who: "admin", sees: null, why: "admins see no case content" },
  ] as { who: Who; sees: string[] | null; why: string }[])("$who: $why", async ({ who, sees }) => {
    expect(await threadAs(who, world)).toEqual(sees ? sees.map(body) : null);
  });

  it("a provider is never told which other providers read a message, the office and counsel are", async () => {
    const harbour = await providerOf(HARBOUR);
    const rainbow = await providerOf(RAINBOW);
    const both = await post(actors.clo, { detentionId: world.detentionId, body: body("To both providers"), providers: [harbour.organizationId, rainbow.organizationId], counsel: true });
    expect(both.ok).toBe(true);
    const seenBy = async (who: Who) => (await (who === "harbour" ? getTeamThreadForReferral(actors.harbour, world.referralIds[HARBOUR]!) : getTeamThread(actors[who], world.detentionId)))!.messages.find((message) => message.body === body("To both providers"))!.visibleTo;
    expect((await seenBy("harbour")).organizations).toEqual([HARBOUR]);
    expect(await seenBy("harbour")).toMatchObject({ counsel: null, counselAsRole: true });
    expect([...(await seenBy("clo")).organizations].sort()).toEqual([HARBOUR, RAINBOW].sort());
    expect([...(await seenBy("counsel")).organizations].sort()).toEqual([HARBOUR, RAINBOW].sort());
  });

  it("the form offers each author only what they may choose", async () => {
    const clo = (await getTeamThread(actors.clo, world.detentionId))!.composer;
    expect(clo.counsel).not.toBeNull();
    expect(clo.providers.map((provider) => provider.name).sort()).toEqual([HARBOUR, RAINBOW].sort());
    const counsel = (await getTeamThread(actors.counsel, world.detentionId))!.composer;
    expect(counsel.counsel).toBeNull();
    expect(counsel.providers.map((provider) => provider.name).sort()).toEqual([HARBOUR, RAINBOW].sort());
    // Counsel wrote to Rainbow, not to Harbour: only Rainbow may answer counsel.
    expect((await getTeamThreadForReferral(actors.harbour, world.referralIds[HARBOUR]!))!.composer).toMatchObject({ counsel: null, providers: [] });
    expect((await getTeamThreadForReferral(actors.rainbow, world.referralIds[RAINBOW]!))!.composer.counsel).not.toBeNull();
  });
});

describe("access ends the moment its ground does", () => {
  it("withdrawn consent hides the whole thread from that provider at once, and it can no longer write", async () => {
    const world = await teamCase([{ provider: HARBOUR }]);
    const harbour = await providerOf(HARBOUR);
    expect((await post(actors.clo, { detentionId: world.detentionId, body: "Before withdrawal", providers: [harbour.organizationId] })).ok).toBe(true);
    expect(await threadAs("harbour", world)).toEqual(["Before withdrawal"]);
    await prisma.consent.updateMany({ where: { detaineeId: world.detaineeId }, data: { withdrawnAt: new Date(), withdrawnById: actors.clo.userId } });
    expect(await threadAs("harbour", world)).toBeNull();
    expect(await post(actors.harbour, { referralId: world.referralIds[HARBOUR], body: "After withdrawal" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    // Naming the case directly changes nothing.
    expect(await post(actors.harbour, { detentionId: world.detentionId, body: "After withdrawal" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.caseMessage.count({ where: { detentionId: world.detentionId, body: "After withdrawal" } })).toBe(0);
  });

  it.each(["DECLINED", "WITHDRAWN"] as const)("a %s referral takes its provider off the team", async (status) => {
    const world = await teamCase([{ provider: RAINBOW, status: "ACCEPTED" }]);
    const rainbow = await providerOf(RAINBOW);
    expect((await post(actors.clo, { detentionId: world.detentionId, body: "Welcome", providers: [rainbow.organizationId] })).ok).toBe(true);
    expect(await threadAs("rainbow", world)).toEqual(["Welcome"]);
    await prisma.referral.update({ where: { id: world.referralIds[RAINBOW] }, data: { status } });
    expect(await threadAs("rainbow", world)).toBeNull();
  });

  it("counsel no longer of record reads nothing of the thread", async () => {
    const world = await teamCase();
    expect((await post(actors.clo, { detentionId: world.detentionId, body: "For counsel", counsel: true })).ok).toBe(true);
    expect(await threadAs("counsel", world)).toEqual(["For counsel"]);
    await prisma.detainee.update({ where: { id: world.detaineeId }, data: { counselId: null } });
    expect(await threadAs("counsel", world)).toBeNull();
    expect(await post(actors.counsel, { detentionId: world.detentionId, body: "Still here?" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("only the case team writes", () => {
  it.each(["otherOfficeClo", "otherCounsel", "admin", "rainbow"] as const)("%s, not on this case's team, is refused and writes nothing", async (who) => {
    const world = await teamCase([{ provider: HARBOUR }]);
    // Rainbow has no referral here; it cannot reach the case through Harbour's referral either.
    expect(await post(actors[who], { detentionId: world.detentionId, body: "Not mine" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await post(actors[who], { referralId: world.referralIds[HARBOUR], body: "Not mine" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.caseMessage.count({ where: { detentionId: world.detentionId } })).toBe(0);
  });
});

describe("an audience outside what the author may choose is refused and writes nothing", () => {
  async function counts(detentionId: string) {
    return {
      messages: await prisma.caseMessage.count({ where: { detentionId } }),
      audit: await prisma.auditEvent.count({ where: { detentionId, action: "team.message" } }),
      notifications: await prisma.notification.count({ where: { detentionId } }),
    };
  }

  it.each([
    { name: "a provider with no referral on the case", referrals: [{ provider: RAINBOW }], chosen: HARBOUR },
    { name: "a provider whose referral is still a draft", referrals: [{ provider: HARBOUR, status: "DRAFT" as const }], chosen: HARBOUR },
    { name: "a provider whose referral was declined", referrals: [{ provider: HARBOUR, status: "DECLINED" as const }], chosen: HARBOUR },
    { name: "a provider whose consent was withdrawn", referrals: [{ provider: HARBOUR, consentWithdrawn: true }], chosen: HARBOUR },
  ])("the office choosing $name", async ({ referrals, chosen }) => {
    const world = await teamCase(referrals);
    const provider = await providerOf(chosen);
    const before = await counts(world.detentionId);
    expect(await post(actors.clo, { detentionId: world.detentionId, body: "Refused", providers: [provider.organizationId] })).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await counts(world.detentionId)).toEqual(before);
  });

  it("counsel choosing a provider without consent in force", async () => {
    const world = await teamCase([{ provider: HARBOUR, consentWithdrawn: true }]);
    const before = await counts(world.detentionId);
    expect(await post(actors.counsel, { detentionId: world.detentionId, body: "Refused", providers: [(await providerOf(HARBOUR)).organizationId] })).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await counts(world.detentionId)).toEqual(before);
  });

  it("a provider choosing counsel before counsel wrote to it, or another provider at any time", async () => {
    const world = await teamCase([{ provider: HARBOUR }, { provider: RAINBOW }]);
    const before = await counts(world.detentionId);
    const referralId = world.referralIds[HARBOUR];
    expect(await post(actors.harbour, { referralId, body: "Refused", counsel: true })).toEqual({ ok: false, reason: "COUNSEL_NOT_ALLOWED" });
    expect(await post(actors.harbour, { referralId, body: "Refused", providers: [(await providerOf(RAINBOW)).organizationId] })).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await counts(world.detentionId)).toEqual(before);
    // Once counsel writes to Harbour, Harbour may answer counsel.
    expect((await post(actors.counsel, { detentionId: world.detentionId, body: "Counsel to Harbour", providers: [(await providerOf(HARBOUR)).organizationId] })).ok).toBe(true);
    expect((await post(actors.harbour, { referralId, body: "Harbour to counsel", counsel: true })).ok).toBe(true);
    expect(await threadAs("counsel", world)).toEqual(["Counsel to Harbour", "Harbour to counsel"]);
  });

  it("counsel choosing counsel (itself) is refused: it reads its own messages as their author", async () => {
    const world = await teamCase();
    expect(await post(actors.counsel, { detentionId: world.detentionId, body: "Refused", counsel: true })).toEqual({ ok: false, reason: "COUNSEL_NOT_ALLOWED" });
  });
});

describe("the same form sent twice posts once", () => {
  it("a repeated token finds the first message, one after the other or at the same instant", async () => {
    const world = await teamCase();
    const token = randomUUID();
    const first = await post(actors.clo, { detentionId: world.detentionId, body: "Once", token });
    const again = await post(actors.clo, { detentionId: world.detentionId, body: "Once", token });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true, messageId: first.ok ? first.messageId : "" });
    const raced = randomUUID();
    const both = await Promise.all([0, 1].map(() => post(actors.clo, { detentionId: world.detentionId, body: "Raced", token: raced })));
    expect(both.every((result) => result.ok)).toBe(true);
    expect(await prisma.caseMessage.count({ where: { detentionId: world.detentionId, body: { in: ["Once", "Raced"] } } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { detentionId: world.detentionId, action: "team.message" } })).toBe(2);
  });

  it("one user's token on another case is not theirs to reuse", async () => {
    const first = await teamCase();
    const second = await teamCase();
    const token = randomUUID();
    expect((await post(actors.clo, { detentionId: first.detentionId, body: "First", token })).ok).toBe(true);
    expect(await post(actors.clo, { detentionId: second.detentionId, body: "Second", token })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("who is told of a team message", () => {
  async function toldOf(messageId: string) {
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "team.message", entityId: messageId }, select: { id: true } });
    const rows = await prisma.notification.findMany({ where: { auditEventId: event.id }, select: { recipientId: true, kind: true, reference: true, path: true } });
    return rows.sort((a, b) => a.recipientId.localeCompare(b.recipientId));
  }
  async function caseworkersOf(name: string) {
    return (await prisma.user.findMany({ where: { organization: { name }, role: "NGO_CASEWORKER", active: true }, select: { id: true } })).map((user) => user.id);
  }

  it("exactly the audience's users with access, never the author; a provider gets its referral, not the case reference", async () => {
    const world = await teamCase([{ provider: HARBOUR }, { provider: RAINBOW }]);
    const harbour = await providerOf(HARBOUR);
    const result = await post(actors.clo, { detentionId: world.detentionId, body: "To counsel and Harbour", counsel: true, providers: [harbour.organizationId] });
    if (!result.ok) throw new Error(result.reason);
    const told = await toldOf(result.messageId);
    const casePath = `/cases/${world.detentionId}#case-team`;
    const harbourCaseworkers = await caseworkersOf(HARBOUR);
    expect(harbourCaseworkers.length).toBeGreaterThan(0);
    expect(told).toEqual(
      [
        { recipientId: actors.assignedClo.userId, kind: "TEAM_MESSAGE", reference: world.reference, path: casePath },
        { recipientId: actors.counsel.userId, kind: "TEAM_MESSAGE", reference: world.reference, path: casePath },
        ...harbourCaseworkers.map((id) => ({ recipientId: id, kind: "TEAM_MESSAGE", reference: null, path: `/referrals/${world.referralIds[HARBOUR]}#case-team` })),
      ].sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
    );
    // Rainbow, on the team but not named, is told nothing; nor is the author.
    for (const id of [...(await caseworkersOf(RAINBOW)), actors.clo.userId]) expect(told.map((row) => row.recipientId)).not.toContain(id);
  });

  it("a message to the office alone tells only the office's CLO; a provider's tells the office", async () => {
    const world = await teamCase([{ provider: HARBOUR }]);
    const own = await post(actors.clo, { detentionId: world.detentionId, body: "Office only" });
    if (!own.ok) throw new Error(own.reason);
    expect((await toldOf(own.messageId)).map((row) => row.recipientId)).toEqual([actors.assignedClo.userId]);
    const fromHarbour = await post(actors.harbour, { referralId: world.referralIds[HARBOUR], body: "From Harbour" });
    if (!fromHarbour.ok) throw new Error(fromHarbour.reason);
    expect((await toldOf(fromHarbour.messageId)).map((row) => row.recipientId)).toEqual([actors.assignedClo.userId]);
  });
});
