import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import { PHRASES, richCase } from "@/tests/integration/bundle-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { listCounselReferrals } = await import("@/lib/referrals/counsel-queries");
const { proposeOption, MAX_OPEN_PROPOSALS } = await import("@/lib/options/mutations");
const { proposeOptionSchema } = await import("@/lib/options/schema");

let prisma: PrismaClient;
let people: Record<"clo" | "supervisor" | "counsel" | "otherCounsel" | "caseworker", Actor>;
let supervisorIds: string[];

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  people = {
    clo: await actorFor(prisma, "clo.toronto@liaison.example"),
    supervisor: await actorFor(prisma, "supervisor.toronto@liaison.example"),
    counsel: await actorFor(prisma, "counsel.clinic@liaison.example"),
    otherCounsel: await actorFor(prisma, "counsel.marchand@liaison.example"),
    caseworker: await actorFor(prisma, "caseworker.harbour@liaison.example"),
  };
  supervisorIds = (await prisma.user.findMany({ where: { organizationId: people.clo.organizationId, role: "SUPERVISOR", active: true }, select: { id: true } })).map((user) => user.id).sort();
});

afterAll(async () => {
  await prisma.$disconnect();
});

const proposal = (detentionId: string, overrides: Record<string, string> = {}) =>
  proposeOptionSchema.parse({ detentionId, source: "OUTSIDE", providerId: "", programName: "Maison Fictive day program", contact: "Intake desk, 555-0100", why: "She attended it before detention.", ...overrides });

describe("counsel of record in the plan's collaboration", () => {
  it("see their client's referrals as provider, status and dates: never a draft, the packet, the messages or a decline's reason", async () => {
    const { detentionId, acceptedProvider, declinedProvider } = await richCase(prisma, people);
    const caseFile = await getCaseFile(people.counsel, detentionId);
    const referrals = caseFile!.counselCollaboration!.referrals;
    expect(referrals.map((referral) => [referral.providerName, referral.status]).sort()).toEqual([[acceptedProvider, "ACCEPTED"], [declinedProvider, "DECLINED"]].sort());
    for (const referral of referrals) expect(Object.keys(referral).sort()).toEqual(["id", "providerName", "respondedAt", "sentAt", "status"]);
    // Nothing counsel may not see is anywhere in what the case page is given (a case-team note they may: it is theirs too).
    const everything = JSON.stringify(caseFile);
    for (const secret of [PHRASES.packetNote, PHRASES.message, PHRASES.declineDetails, "RISK_PROFILE", PHRASES.riskOpinion]) expect(everything).not.toContain(secret);
    // The directory to propose from.
    expect(caseFile!.counselCollaboration!.providers.map((provider) => provider.name)).toContain(acceptedProvider);
  });

  it("read the plan's readiness, which counts the accepted referral they can now see", async () => {
    const { detentionId } = await richCase(prisma, people);
    const readiness = (await getCaseFile(people.counsel, detentionId))!.plan!.readiness!;
    expect(readiness.items.find((item) => item.key === "ACCEPTED_REFERRAL")).toMatchObject({ met: true });
  });

  it("see no one else's client's referrals; the office keeps its own view and has no counsel slice", async () => {
    const { detentionId } = await richCase(prisma, people);
    expect(await getCaseFile(people.otherCounsel, detentionId)).toBeNull();
    expect(await listCounselReferrals(people.otherCounsel, detentionId)).toEqual([]);
    expect(await listCounselReferrals(people.clo, detentionId)).toBeNull();
    expect(await listCounselReferrals(people.caseworker, detentionId)).toBeNull();
    const office = await getCaseFile(people.clo, detentionId);
    expect(office!.counselCollaboration).toBeNull();
    expect(office!.referrals!.length).toBe(3);
  });

  it("propose an option: a task for the assigned CLO and an audit event that tells that CLO", async () => {
    const { detentionId } = await richCase(prisma, people);
    await prisma.detention.update({ where: { id: detentionId }, data: { assignedCloId: people.clo.userId } });
    const provider = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true } });
    const result = await proposeOption(people.counsel, proposal(detentionId, { source: "DIRECTORY", providerId: provider.id, why: "An affirming community for her." }));
    if (!result.ok) throw new Error(result.reason);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: result.taskId }, select: { ownerId: true, createdById: true, status: true, category: true, description: true } });
    expect(task).toMatchObject({ ownerId: people.clo.userId, createdById: people.counsel.userId, status: "OPEN", category: "OTHER" });
    expect(task.description).toContain("Rainbow Newcomer Network");
    expect(task.description).toContain("An affirming community for her.");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.option.propose", entityId: result.taskId }, select: { id: true, actorId: true, detentionId: true, metadata: true } });
    expect(event).toMatchObject({ actorId: people.counsel.userId, detentionId, metadata: { source: "DIRECTORY", providerId: provider.id } });
    const told = await prisma.notification.findMany({ where: { auditEventId: event.id }, select: { recipientId: true, kind: true, path: true } });
    expect(told).toEqual([{ recipientId: people.clo.userId, kind: "OPTION_PROPOSED", path: `/cases/${detentionId}#case-tasks` }]);
    // The office sees it among the case's tasks.
    expect((await getCaseFile(people.clo, detentionId))!.tasks.map((entry) => entry.id)).toContain(result.taskId);
  });

  it("on an unassigned case: an unowned task for the office, and the office's supervisors are told", async () => {
    const { detentionId } = await richCase(prisma, people);
    const result = await proposeOption(people.counsel, proposal(detentionId));
    if (!result.ok) throw new Error(result.reason);
    const task = await prisma.task.findUniqueOrThrow({ where: { id: result.taskId }, select: { ownerId: true, description: true } });
    expect(task.ownerId).toBeNull();
    expect(task.description).toContain("Maison Fictive day program");
    expect(task.description).toContain("Intake desk, 555-0100");
    const told = await prisma.notification.findMany({ where: { detentionId, kind: "OPTION_PROPOSED" }, select: { recipientId: true } });
    expect(told.map((entry) => entry.recipientId).sort()).toEqual(supervisorIds);
  });

  it("writes the task, its audit event and its notifications in one transaction: when one fails, none is written", async () => {
    const { detentionId } = await richCase(prisma, people);
    await prisma.detention.update({ where: { id: detentionId }, data: { assignedCloId: people.clo.userId } });
    // Make the notification, the last write of the three, fail for this case only.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_notification_for_test() RETURNS trigger AS $$ BEGIN IF NEW."detentionId" = '${detentionId}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_notification_for_test BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION refuse_notification_for_test()`);
    try {
      await expect(proposeOption(people.counsel, proposal(detentionId))).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_notification_for_test ON "Notification"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_notification_for_test()`);
    }
    expect(await prisma.task.count({ where: { detentionId, createdById: people.counsel.userId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { detentionId, action: "plan.option.propose" } })).toBe(0);
  });

  it("is refused as not found for anyone but counsel of record, and for a provider not in the directory, with nothing written", async () => {
    const { detentionId } = await richCase(prisma, people);
    for (const refused of [people.otherCounsel, people.clo, people.supervisor, people.caseworker]) expect(await proposeOption(refused, proposal(detentionId))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await proposeOption(people.counsel, proposal(detentionId, { source: "DIRECTORY", providerId: "00000000-0000-7000-8000-000000000000" }))).toEqual({ ok: false, reason: "PROVIDER_NOT_FOUND" });
    expect(await prisma.task.count({ where: { detentionId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { detentionId, action: "plan.option.propose" } })).toBe(0);
  });

  it("keeps at most a set number of proposals waiting on a case", async () => {
    const { detentionId } = await richCase(prisma, people);
    for (let index = 0; index < MAX_OPEN_PROPOSALS; index++) expect((await proposeOption(people.counsel, proposal(detentionId))).ok).toBe(true);
    expect(await proposeOption(people.counsel, proposal(detentionId))).toEqual({ ok: false, reason: "TOO_MANY_OPEN" });
    // Once the CLO closes one, counsel may propose again.
    const one = await prisma.task.findFirstOrThrow({ where: { detentionId }, select: { id: true } });
    await prisma.task.update({ where: { id: one.id }, data: { status: "DONE" } });
    expect((await proposeOption(people.counsel, proposal(detentionId))).ok).toBe(true);
  });
});

describe("what a proposal must say", () => {
  const detentionId = "00000000-0000-7000-8000-000000000001";
  it.each<[string, Record<string, string>, string[]]>([
    ["a provider of the directory needs the provider", { source: "DIRECTORY", providerId: "" }, ["providerId"]],
    ["a program outside needs its name and a contact", { programName: "", contact: "" }, ["programName", "contact"]],
    ["every proposal says why", { why: "   " }, ["why"]],
    ["a control character is refused by name", { programName: "Bell\u0007program" }, ["programName"]],
    ["the source is one of the two", { source: "ELSEWHERE" }, ["source"]],
  ])("%s", (_name, overrides, fields) => {
    const parsed = proposeOptionSchema.safeParse({ detentionId, source: "OUTSIDE", providerId: "", programName: "Program", contact: "555-0100", why: "Because.", ...overrides });
    expect(parsed.success).toBe(false);
    expect([...new Set(parsed.error!.issues.map((issue) => String(issue.path[0])))].sort()).toEqual(fields.sort());
  });

  it("keeps only what the chosen source needs", () => {
    const parsed = proposeOptionSchema.parse({ detentionId, source: "DIRECTORY", providerId: "00000000-0000-7000-8000-000000000002", programName: "Stale", contact: "Stale", why: "Because." });
    expect(parsed).toEqual({ detentionId, source: "DIRECTORY", providerId: "00000000-0000-7000-8000-000000000002", programName: null, contact: null, why: "Because." });
  });
});
