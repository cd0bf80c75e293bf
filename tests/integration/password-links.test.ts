import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { createUser, setUserActive } = await import("@/lib/users/mutations");
const { issuePasswordLink, setPasswordWithLink } = await import("@/lib/password-links/mutations");
const { resolveSession } = await import("@/lib/auth/session-store");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { listUsers, getManagedUser } = await import("@/lib/users/queries");

let prisma: PrismaClient;
let admin: Actor;
let caseworkerOrganization: string;
const demoPassword = "Liaison-demo-2026";
let serial = 0;
const email = (label: string) => `${label}.${(serial += 1)}@links.example`;
// Each test signs in and fails from its own address, so throttling from one does not spill into another.
const address = () => `203.0.113.${(serial += 1)}`;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  admin = await actorFor(prisma, "admin@liaison.example");
  caseworkerOrganization = (await prisma.organization.findFirstOrThrow({ where: { kind: "SERVICE_PROVIDER" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

async function newCaseworker(label: string) {
  const address = email(label);
  const created = await createUser(admin, { name: "Linked Caseworker", email: address, role: "NGO_CASEWORKER", organizationId: caseworkerOrganization });
  if (!created.ok) throw new Error(`not created: ${created.reason}`);
  return { ...created, email: address };
}

describe("a new account's password link", () => {
  it("creates the account without a password: it cannot sign in, and sign-in says no more than for a wrong password", async () => {
    const created = await newCaseworker("no.password");
    expect(created.link.purpose).toBe("NEW_ACCOUNT");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { passwordHash: true, active: true } })).toEqual({ passwordHash: null, active: true });
    const from = address();
    expect(await signInWithPassword({ email: created.email, password: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ email: "nobody@links.example", password: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID" });
    // 72 hours, and only the hash is stored.
    const link = await prisma.passwordLink.findFirstOrThrow({ where: { userId: created.userId } });
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(72 * 3_600_000);
    expect(link.tokenHash).not.toContain(created.link.token);
    expect(link.createdById).toBe(admin.userId);
  });

  it("sets the password once: the person signs in with it, and the same link is refused afterwards", async () => {
    const created = await newCaseworker("once");
    const from = address();
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: true });
    expect((await signInWithPassword({ email: created.email, password: "Heron-Willow-Ferry-4417" }, { address: from })).ok).toBe(true);
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Otter-Lantern-Quay-9081" }, { address: from })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect((await signInWithPassword({ email: created.email, password: "Heron-Willow-Ferry-4417" }, { address: from })).ok).toBe(true);
    expect((await getManagedUser(admin, created.userId))?.hasPassword).toBe(true);
  });

  it("refuses a password the policy refuses, without using up the link", async () => {
    const created = await newCaseworker("policy");
    const from = address();
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "aaaaaaaaaaaaaaaa" }, { address: from })).toEqual({ ok: false, reason: "POLICY", problem: "REPETITIVE" });
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: `${created.email}-1` }, { address: from })).toEqual({ ok: false, reason: "POLICY", problem: "CONTAINS_CONTEXT" });
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: true });
  });

  it("refuses an expired link, an unknown one and a malformed one alike", async () => {
    const created = await newCaseworker("expired");
    const from = address();
    const later = new Date(Date.now() + 72 * 3_600_000 + 1000);
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from, now: later })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect(await setPasswordWithLink({ token: "A".repeat(43), newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect(await setPasswordWithLink({ token: "not-a-token", newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
  });

  it("throttles an address that keeps presenting bad links, like sign-in", async () => {
    const from = address();
    for (let i = 0; i < 5; i += 1) {
      expect(await setPasswordWithLink({ token: `${"B".repeat(42)}${i}`, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID_LINK" });
    }
    // Even a good link now waits, from that address only.
    const created = await newCaseworker("throttled");
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: address() })).toEqual({ ok: true });
  });
});

describe("a reset link", () => {
  it("lasts 24 hours, revokes the user's earlier unused link, and ends every session once used", async () => {
    const userEmail = "caseworker.harbour@liaison.example";
    const user = await prisma.user.findUniqueOrThrow({ where: { email: userEmail }, select: { id: true } });
    const from = address();
    const one = await signInWithPassword({ email: userEmail, password: demoPassword }, { address: from });
    const two = await signInWithPassword({ email: userEmail, password: demoPassword }, { address: address() });
    if (!one.ok || !two.ok) throw new Error("sign-in failed");

    const first = await issuePasswordLink(admin, { userId: user.id });
    const second = await issuePasswordLink(admin, { userId: user.id });
    if (!first.ok || !second.ok) throw new Error("not issued");
    expect(second.link.purpose).toBe("RESET");
    expect(second.link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(second.link.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Issuing changes nothing yet: the old password and the sessions stand until the link is used.
    expect(await resolveSession(one.sessionId)).not.toBeNull();

    expect(await setPasswordWithLink({ token: first.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect(await setPasswordWithLink({ token: second.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: from })).toEqual({ ok: true });
    expect(await resolveSession(one.sessionId)).toBeNull();
    expect(await resolveSession(two.sessionId)).toBeNull();
    expect(await signInWithPassword({ email: userEmail, password: demoPassword }, { address: from })).toEqual({ ok: false, reason: "INVALID" });
    expect((await signInWithPassword({ email: userEmail, password: "Heron-Willow-Ferry-4417" }, { address: from })).ok).toBe(true);

    // Audited, by id: neither token (nor its hash) is in any event.
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: { in: ["user.password_link_issued", "auth.password_set"] } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, metadata: true } });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["user.password_link_issued", admin.userId],
      ["user.password_link_issued", admin.userId],
      ["auth.password_set", user.id],
    ]);
    expect(events[2]!.metadata).toMatchObject({ purpose: "RESET", sessionsEnded: 2 });
    const hashes = (await prisma.passwordLink.findMany({ where: { userId: user.id }, select: { tokenHash: true } })).map((link) => link.tokenHash);
    const everything = JSON.stringify(await prisma.auditEvent.findMany({ where: { entityId: user.id } }), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    for (const secret of [first.link.token, second.link.token, ...hashes]) expect(everything).not.toContain(secret);
  });

  it("is refused to anyone but an administrator, and for one's own account, writing nothing", async () => {
    const target = await prisma.user.findUniqueOrThrow({ where: { email: "clo2.toronto@liaison.example" }, select: { id: true } });
    const before = { links: await prisma.passwordLink.count(), events: await prisma.auditEvent.count() };
    for (const who of ["supervisor.toronto@liaison.example", "counsel.clinic@liaison.example", "caseworker.rainbow@liaison.example"]) {
      expect(await issuePasswordLink(await actorFor(prisma, who), { userId: target.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await issuePasswordLink(admin, { userId: admin.userId })).toEqual({ ok: false, reason: "CANNOT_CHANGE_SELF" });
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    expect(await createUser(supervisor, { name: "Not Made", email: email("refused"), role: "NGO_CASEWORKER", organizationId: caseworkerOrganization })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect({ links: await prisma.passwordLink.count(), events: await prisma.auditEvent.count() }).toEqual(before);
  });

  it("stops working when the account is deactivated", async () => {
    const created = await newCaseworker("deactivated");
    const version = (await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, select: { version: true } })).version;
    expect(await setUserActive(admin, { userId: created.userId, version, active: false })).toMatchObject({ ok: true });
    expect(await setPasswordWithLink({ token: created.link.token, newPassword: "Heron-Willow-Ferry-4417" }, { address: address() })).toEqual({ ok: false, reason: "INVALID_LINK" });
  });
});

describe("the users list", () => {
  it("finds users by part of the name or address, ignoring case and accents, and filters by role, organisation and status", async () => {
    const created = await createUser(admin, { name: "Éloïse Bérubé-Tremblay", email: email("eloise"), role: "NGO_CASEWORKER", organizationId: caseworkerOrganization });
    if (!created.ok) throw new Error("not created");
    const ids = async (filters: Parameters<typeof listUsers>[2]) => (await listUsers(admin, 1, filters)).rows.map((row) => row.id);
    expect(await ids({ q: "eloise berube" })).toEqual([created.userId]);
    expect(await ids({ q: "BÉRUBÉ" })).toEqual([created.userId]);
    expect(await ids({ q: "tremb" })).toContain(created.userId);
    expect(await ids({ q: "eloise.", role: "NGO_CASEWORKER" })).toContain(created.userId);
    expect(await ids({ q: "eloise", role: "CLO" })).toEqual([]);
    expect(await ids({ q: "eloise", organizationId: caseworkerOrganization, status: "active" })).toEqual([created.userId]);
    expect(await ids({ q: "eloise", status: "inactive" })).toEqual([]);
    // LIKE's wildcards are literal characters in a search.
    expect(await ids({ q: "%" })).toEqual([]);
    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    expect((await listUsers(supervisor, 1, { q: "eloise" })).rows).toEqual([]);
  });
});
