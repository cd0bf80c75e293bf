import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { createUser, updateUser, setUserActive, approveRoleGrant, declineRoleGrant, changeOwnPassword } = await import("@/lib/users/mutations");
const { resolveSession } = await import("@/lib/auth/session-store");
const { listPendingGrants } = await import("@/lib/users/queries");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { setPasswordWithLink } = await import("@/lib/password-links/mutations");

let prisma: PrismaClient;
let admin: Actor;
let admin2: Actor;
let toronto: string;
let vancouver: string;
let legal: string;
const password = "Lantern-Quay-Orchard-7291";

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  admin = await actorFor(prisma, "admin@liaison.example");
  admin2 = await actorFor(prisma, "admin2@liaison.example");
  toronto = (await prisma.organization.findFirstOrThrow({ where: { name: "CBSA Greater Toronto Area Region" } })).id;
  vancouver = (await prisma.organization.findFirstOrThrow({ where: { name: "CBSA Pacific Region" } })).id;
  legal = (await prisma.organization.findFirstOrThrow({ where: { kind: "LEGAL" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const versionOf = async (userId: string) => (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { version: true } })).version;
const pendingFor = (userId: string) => prisma.roleGrant.findFirstOrThrow({ where: { userId, status: "PENDING" }, select: { id: true, version: true } });
/** A change of role or organisation only: the form sends the name and address as they are. */
async function updateUserRole(actor: Actor, input: { userId: string; version: number; role: "CLO" | "SUPERVISOR" | "NGO_CASEWORKER" | "COUNSEL" | "ADMIN"; organizationId: string }) {
  const identity = await prisma.user.findUnique({ where: { id: input.userId }, select: { name: true, email: true } });
  return updateUser(actor, { ...input, name: identity?.name ?? "Unknown Person", email: identity?.email ?? "unknown@grants.example" });
}
let serial = 0;
const email = (label: string) => `${label}.${(serial += 1)}@grants.example`;

describe("no one grants themselves power", () => {
  it("refuses an admin changing their own role or organisation, or (de)activating themselves", async () => {
    const version = await versionOf(admin2.userId);
    expect(await updateUserRole(admin2, { userId: admin2.userId, version, role: "SUPERVISOR", organizationId: toronto })).toEqual({ ok: false, reason: "CANNOT_CHANGE_SELF" });
    expect(await setUserActive(admin2, { userId: admin2.userId, version, active: false })).toEqual({ ok: false, reason: "CANNOT_CHANGE_SELF" });
    expect(await setUserActive(admin2, { userId: admin2.userId, version, active: true })).toEqual({ ok: false, reason: "CANNOT_CHANGE_SELF" });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin2.userId }, select: { role: true, version: true, active: true } });
    expect(after).toEqual({ role: "ADMIN", version, active: true });
    expect(await prisma.roleGrant.count({ where: { userId: admin2.userId } })).toBe(0);
  });

  it("refuses every user mutation to anyone who is not an admin, writing nothing", async () => {
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const target = await prisma.user.findUniqueOrThrow({ where: { email: "clo2.toronto@liaison.example" }, select: { id: true, version: true } });
    const before = await prisma.auditEvent.count();
    expect(await createUser(supervisor, { name: "Not Made", email: email("refused"), role: "NGO_CASEWORKER", organizationId: legal })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await updateUserRole(supervisor, { userId: target.id, version: target.version, role: "SUPERVISOR", organizationId: toronto })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await setUserActive(supervisor, { userId: target.id, version: target.version, active: false })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("creates a CLO inactive until a second administrator approves; the one who asked cannot", async () => {
    const address = email("new.clo");
    const created = await createUser(admin, { name: "New Officer", email: address, role: "CLO", organizationId: toronto });
    expect(created).toMatchObject({ ok: true, pendingApproval: true });
    if (!created.ok) throw new Error("not created");
    // The person sets their own password through the link; until approved they still cannot sign in at all.
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: password }, { address: "192.0.2.10" })).toEqual({ ok: true });
    expect(await signInWithPassword({ email: address, password }, { address: "192.0.2.10" })).toEqual({ ok: false, reason: "INVALID" });

    const grant = await pendingFor(created.userId);
    expect(await approveRoleGrant(admin, { grantId: grant.id, version: grant.version })).toEqual({ ok: false, reason: "CANNOT_APPROVE_OWN_REQUEST" });
    expect((await listPendingGrants(admin2)).find((pending) => pending.id === grant.id)).toMatchObject({ role: "CLO", activates: true, requestedByViewer: false });
    expect((await listPendingGrants(admin)).find((pending) => pending.id === grant.id)).toMatchObject({ requestedByViewer: true });

    expect(await approveRoleGrant(admin2, { grantId: grant.id, version: grant.version })).toMatchObject({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { active: true, role: true } })).toEqual({ active: true, role: "CLO" });
    expect((await signInWithPassword({ email: address, password }, { address: "192.0.2.10" })).ok).toBe(true);
    // Distinct audit actions for the request and the approval, naming who asked.
    const events = await prisma.auditEvent.findMany({ where: { entityId: created.userId, action: { startsWith: "user.grant" } }, select: { action: true, actorId: true }, orderBy: { id: "asc" } });
    expect(events).toEqual([
      { action: "user.grant_requested", actorId: admin.userId },
      { action: "user.grant_approved", actorId: admin2.userId },
    ]);
  });

  it("keeps a caseworker's role until a promotion to supervisor is approved, and a declined one changes nothing", async () => {
    const created = await createUser(admin, { name: "Legal Caseworker", email: email("caseworker"), role: "NGO_CASEWORKER", organizationId: (await prisma.organization.findFirstOrThrow({ where: { kind: "SERVICE_PROVIDER" } })).id });
    expect(created).toMatchObject({ ok: true, pendingApproval: false });
    if (!created.ok) throw new Error("not created");
    const asked = await updateUserRole(admin, { userId: created.userId, version: await versionOf(created.userId), role: "SUPERVISOR", organizationId: toronto });
    expect(asked).toMatchObject({ ok: true, pendingApproval: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { role: true } })).role).toBe("NGO_CASEWORKER");

    const grant = await pendingFor(created.userId);
    expect(await declineRoleGrant(admin2, { grantId: grant.id, version: grant.version })).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { role: true } })).role).toBe("NGO_CASEWORKER");
    expect(await prisma.auditEvent.count({ where: { entityId: created.userId, action: "user.grant_declined", actorId: admin2.userId } })).toBe(1);
    // A declined grant cannot be approved afterwards.
    expect(await approveRoleGrant(admin2, { grantId: grant.id, version: grant.version + 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("treats a move to another office's caseload and a reactivation as new access; deactivation is immediate", async () => {
    const clo = await prisma.user.findUniqueOrThrow({ where: { email: "clo2.toronto@liaison.example" }, select: { id: true, version: true } });
    expect(await updateUserRole(admin, { userId: clo.id, version: clo.version, role: "CLO", organizationId: vancouver })).toMatchObject({ ok: true, pendingApproval: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: clo.id }, select: { organizationId: true } })).organizationId).toBe(toronto);

    // Deactivation applies at once and ends the pending grant: no later approval can bring the account back.
    const grant = await pendingFor(clo.id);
    expect(await setUserActive(admin, { userId: clo.id, version: await versionOf(clo.id), active: false })).toMatchObject({ ok: true, pendingApproval: false });
    expect(await prisma.roleGrant.findUniqueOrThrow({ where: { id: grant.id }, select: { status: true } })).toEqual({ status: "SUPERSEDED" });
    expect(await approveRoleGrant(admin2, { grantId: grant.id, version: grant.version })).toEqual({ ok: false, reason: "NOT_FOUND" });

    expect(await setUserActive(admin, { userId: clo.id, version: await versionOf(clo.id), active: true })).toMatchObject({ ok: true, pendingApproval: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: clo.id }, select: { active: true } })).active).toBe(false);
    const reactivation = await pendingFor(clo.id);
    expect(await approveRoleGrant(admin2, { grantId: reactivation.id, version: reactivation.version })).toMatchObject({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: clo.id }, select: { active: true, organizationId: true } })).toEqual({ active: true, organizationId: toronto });
  });

  it("never lets an admin approve a grant about their own account, nor one made stale by a later change", async () => {
    const aboutSelf = await prisma.roleGrant.create({
      data: { userId: admin2.userId, role: "SUPERVISOR", organizationId: toronto, activates: false, userVersion: await versionOf(admin2.userId), requestedById: admin.userId },
    });
    expect(await approveRoleGrant(admin2, { grantId: aboutSelf.id, version: 1 })).toEqual({ ok: false, reason: "CANNOT_APPROVE_ABOUT_SELF" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin2.userId }, select: { role: true } })).role).toBe("ADMIN");
    await declineRoleGrant(admin, { grantId: aboutSelf.id, version: 1 });

    const created = await createUser(admin, { name: "Stale Grant", email: email("stale"), role: "COUNSEL", organizationId: legal });
    if (!created.ok) throw new Error("not created");
    const grant = await pendingFor(created.userId);
    // Another admin changes the account after the request (its role, immediately, since it is inactive).
    expect(await updateUserRole(admin2, { userId: created.userId, version: await versionOf(created.userId), role: "ADMIN", organizationId: legal })).toMatchObject({ ok: true });
    expect(await approveRoleGrant(admin2, { grantId: grant.id, version: grant.version })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { active: true, role: true } })).toEqual({ active: false, role: "ADMIN" });
  });

  it("gives admins no case file, while the demo has cases", async () => {
    const { detentionScope } = await import("@/lib/authz");
    expect(await prisma.detention.count()).toBeGreaterThan(0);
    expect(await prisma.detention.count({ where: detentionScope(admin) })).toBe(0);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, applies the policy, and signs the user out everywhere else", async () => {
    const address = "caseworker.northgate@liaison.example";
    const demo = "Liaison-demo-2026";
    const here = await signInWithPassword({ email: address, password: demo }, { address: "192.0.2.30" });
    const elsewhere = await signInWithPassword({ email: address, password: demo }, { address: "198.51.100.30" });
    if (!here.ok || !elsewhere.ok) throw new Error("sign-in failed");
    const actor = { ...(await actorFor(prisma, address)), sessionId: here.sessionId };
    const before = await prisma.auditEvent.count({ where: { action: "auth.password_change" } });

    expect(await changeOwnPassword(actor, { currentPassword: "not-my-password", newPassword: "Heron-Willow-Ferry-4417" })).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    expect(await changeOwnPassword(actor, { currentPassword: demo, newPassword: "aaaaaaaaaaaa" })).toEqual({ ok: false, reason: "POLICY", problem: "REPETITIVE" });
    expect(await changeOwnPassword(actor, { currentPassword: demo, newPassword: "caseworker.northgate-1" })).toEqual({ ok: false, reason: "POLICY", problem: "CONTAINS_CONTEXT" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.password_change" } })).toBe(before);

    expect(await changeOwnPassword(actor, { currentPassword: demo, newPassword: "Heron-Willow-Ferry-4417" })).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect(await resolveSession(here.sessionId)).not.toBeNull();
    expect(await resolveSession(elsewhere.sessionId)).toBeNull();
    expect(await signInWithPassword({ email: address, password: demo }, { address: "192.0.2.31" })).toEqual({ ok: false, reason: "INVALID" });
    expect((await signInWithPassword({ email: address, password: "Heron-Willow-Ferry-4417" }, { address: "192.0.2.31" })).ok).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "auth.password_change", actorId: actor.userId, entityId: actor.userId } })).toBe(1);
  });

  it("throttles guesses of the current password from an open session", async () => {
    const address = "caseworker.maison@liaison.example";
    const session = await signInWithPassword({ email: address, password: "Liaison-demo-2026" }, { address: "192.0.2.40" });
    if (!session.ok) throw new Error("sign-in failed");
    const actor = { ...(await actorFor(prisma, address)), sessionId: session.sessionId };
    for (let i = 0; i < 5; i += 1) {
      expect(await changeOwnPassword(actor, { currentPassword: `guess-${i}`, newPassword: "Heron-Willow-Ferry-4417" })).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    }
    // Even the right one now waits.
    expect(await changeOwnPassword(actor, { currentPassword: "Liaison-demo-2026", newPassword: "Heron-Willow-Ferry-4417" })).toEqual({ ok: false, reason: "THROTTLED" });
  });
});
