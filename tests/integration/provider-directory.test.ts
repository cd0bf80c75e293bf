import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { listProviders, getProvider, matchProvidersForCase, ownProviderId } = await import("@/lib/providers/queries");
const { updateProvider, createProvider } = await import("@/lib/providers/mutations");
const { providerListParamsSchema, providerProfileSchema } = await import("@/lib/providers/schema");
const { createOutreachContact, markFollowUpDone, updateOutreachContact } = await import("@/lib/outreach/mutations");
const { listOpenFollowUps, listOutreachContacts } = await import("@/lib/outreach/queries");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");
const { createResourceList, addResourceItem } = await import("@/lib/resource-lists/mutations");
const { listResourceLists } = await import("@/lib/resource-lists/queries");

let prisma: PrismaClient;
// Other test files share this run's database: whatever these tests change is put back afterwards.
let rainbowAsSeeded: Awaited<ReturnType<typeof rainbow>>;
const startedAt = new Date();

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  rainbowAsSeeded = await rainbow();
});

afterAll(async () => {
  const { id, organizationId: _organizationId, createdAt: _createdAt, updatedAt: _updatedAt, ...profile } = rainbowAsSeeded;
  await prisma.serviceProvider.update({ where: { id }, data: profile });
  const added = await prisma.organization.findMany({ where: { name: "Island Welcome House" }, select: { id: true } });
  await prisma.serviceProvider.deleteMany({ where: { organizationId: { in: added.map((org) => org.id) } } });
  await prisma.organization.deleteMany({ where: { id: { in: added.map((org) => org.id) } } });
  await prisma.outreachContact.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.resourceList.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.$disconnect();
});

const params = (query: Record<string, string> = {}) => providerListParamsSchema.parse(query);

async function rainbow() {
  return prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } } });
}

/** The form a caseworker would submit, from the provider as stored, with changes. */
function profileOf(provider: Awaited<ReturnType<typeof rainbow>>, changes: Record<string, unknown> = {}) {
  return providerProfileSchema.parse({
    description: provider.description ?? "",
    services: provider.services,
    servesGenders: provider.servesGenders,
    sogieAffirming: provider.sogieAffirming ? "on" : undefined,
    familiesWithChildren: provider.familiesWithChildren ? "on" : undefined,
    minors: provider.minors ? "on" : undefined,
    mentalHealthSupport: provider.mentalHealthSupport ? "on" : undefined,
    substanceUseSupport: provider.substanceUseSupport ? "on" : undefined,
    riskLevelsAccepted: provider.riskLevelsAccepted,
    languages: provider.languages.join(", "),
    region: provider.region,
    spacesTotal: String(provider.spacesTotal),
    spacesOpen: String(provider.spacesOpen),
    contactName: provider.contactName ?? "",
    contactEmail: provider.contactEmail ?? "",
    contactPhone: provider.contactPhone ?? "",
    ...changes,
  });
}

describe("the provider directory", () => {
  it("lists every provider, contracted and community, to every signed-in role", async () => {
    const every = await prisma.serviceProvider.count({ where: { listed: true, organization: { active: true } } });
    expect(every).toBeGreaterThanOrEqual(12);
    expect(await prisma.serviceProvider.count({ where: { kind: "CCMS_CONTRACTED" } })).toBeGreaterThan(0);
    for (const email of ["clo.toronto@liaison.example", "caseworker.harbour@liaison.example", "counsel.clinic@liaison.example", "admin@liaison.example"]) {
      const actor = await actorFor(prisma, email);
      expect((await listProviders(actor, params())).total).toBe(every);
    }
  });

  it("filters by who a provider serves, language, region and open spaces, in SQL", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const sogie = await listProviders(clo, params({ sogieAffirming: "1" }));
    expect(sogie.rows.map((row) => row.name).sort()).toEqual(["Maison d'accueil francophone", "Rainbow Newcomer Network"]);
    const french = await listProviders(clo, params({ language: "French", region: "Quebec" }));
    expect(french.rows.every((row) => row.languages.includes("French") && row.region === "Quebec")).toBe(true);
    expect(french.total).toBe(3);
    const open = await listProviders(clo, params({ open: "1" }));
    expect(open.rows.every((row) => row.spacesOpen > 0)).toBe(true);
    expect(open.total).toBe(11);
    const search = await listProviders(clo, params({ q: "lgbtq" }));
    expect(search.rows.map((row) => row.name)).toEqual(["Rainbow Newcomer Network"]);
    const families = await listProviders(clo, params({ familiesWithChildren: "1", gender: "FEMALE", service: "HOUSING" }));
    expect(families.rows.map((row) => row.name).sort()).toEqual(["Family Welcome Centre", "Harbour House Women's Shelter", "Montreal Refugee Housing Collective"]);
  });

  it("ignores a malformed filter instead of failing", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const every = await prisma.serviceProvider.count({ where: { listed: true, organization: { active: true } } });
    expect((await listProviders(clo, params({ gender: "DROP TABLE", page: "-3" }))).total).toBe(every);
  });
});

describe("searching the directory by name", () => {
  // Fictional organisations with accents in their names: one listed, one recorded for an outside referral (unlisted),
  // and an NGO that is not in the directory at all. Removed afterwards (the files share this run's database).
  const created: { organizationIds: string[]; listed: string; unlisted: string; unlistedOrg: string; ngoWithout: string } = { organizationIds: [], listed: "", unlisted: "", unlistedOrg: "", ngoWithout: "" };

  beforeAll(async () => {
    const organization = (name: string, kind: "SERVICE_PROVIDER" | "OTHER_NGO") => prisma.organization.create({ data: { kind, name, region: "Quebec" }, select: { id: true } });
    const listedOrg = await organization("Réseau d'entraide Bélanger", "SERVICE_PROVIDER");
    const unlistedOrg = await organization("Programme Bélanger hors Liaison", "SERVICE_PROVIDER");
    const ngo = await organization("Comité d'accueil Saint-Zéphirin", "OTHER_NGO");
    created.organizationIds = [listedOrg.id, unlistedOrg.id, ngo.id];
    created.unlistedOrg = unlistedOrg.id;
    created.ngoWithout = ngo.id;
    const profile = { kind: "COMMUNITY" as const, services: ["HOUSING" as const, "SETTLEMENT" as const], servesGenders: ["FEMALE" as const, "MALE" as const], riskLevelsAccepted: ["LOW" as const], languages: ["French", "Spanish"], region: "Quebec", spacesTotal: 6, spacesOpen: 2 };
    created.listed = (await prisma.serviceProvider.create({ data: { ...profile, organizationId: listedOrg.id }, select: { id: true } })).id;
    created.unlisted = (await prisma.serviceProvider.create({ data: { ...profile, organizationId: unlistedOrg.id, listed: false }, select: { id: true } })).id;
  });

  afterAll(async () => {
    await prisma.serviceProvider.deleteMany({ where: { id: { in: [created.listed, created.unlisted] } } });
    await prisma.organization.deleteMany({ where: { id: { in: created.organizationIds } } });
  });

  const names = async (query: Record<string, string>) => (await listProviders(await actorFor(prisma, "clo.toronto@liaison.example"), params(query))).rows.map((row) => row.name);

  it("finds a provider by part of its name, with or without its accents, in any case", async () => {
    for (const q of ["Bélanger", "belanger", "BELANG", "réseau", "RESEAU D'ENTRAIDE", "entraide bel", "bel entraide"]) {
      expect(await names({ q }), q).toEqual(["Réseau d'entraide Bélanger"]);
    }
    // The description is searched the same way: "Hébergement" written without its accent.
    expect(await names({ q: "hebergement francais" })).toEqual(["Maison d'accueil francophone"]);
  });

  it("never returns an unlisted provider, by name or otherwise, nor opens its page", async () => {
    expect(await names({ q: "hors liaison" })).toEqual([]);
    expect(await names({ q: "programme belanger" })).toEqual([]);
    const quebecSpanish = await names({ region: "Quebec", language: "Spanish" });
    expect(quebecSpanish).toContain("Réseau d'entraide Bélanger");
    expect(quebecSpanish).not.toContain("Programme Bélanger hors Liaison");
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    expect(await getProvider(clo, created.unlisted)).toBeNull();
    expect((await listProviders(clo, params({ q: "belanger" }))).total).toBe(1);
  });

  it("combines the search with every filter: each one narrows", async () => {
    expect(await names({ q: "belanger", service: "HOUSING", region: "Quebec", language: "French", open: "1", kind: "COMMUNITY", gender: "FEMALE", risk: "LOW" })).toEqual(["Réseau d'entraide Bélanger"]);
    expect(await names({ q: "belanger", service: "MEDICAL" })).toEqual([]);
    expect(await names({ q: "belanger", region: "Pacific" })).toEqual([]);
    expect(await names({ q: "belanger", language: "Wolof" })).toEqual([]);
    expect(await names({ q: "belanger", risk: "HIGH" })).toEqual([]);
    expect(await names({ q: "belanger", familiesWithChildren: "1" })).toEqual([]);
    expect(await names({ service: "HOUSING", language: "French", region: "Quebec" })).toEqual(["Maison d'accueil francophone", "Montreal Refugee Housing Collective", "Réseau d'entraide Bélanger", "Supervision communautaire du Fleuve"]);
  });

  it("takes LIKE's wildcards in a search literally", async () => {
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ q: "_" })).toEqual([]);
    expect(await names({ q: "b_langer" })).toEqual([]);
  });

  it("sends a caseworker's \"My organization\" to their own organisation only", async () => {
    const rainbowCaseworker = await actorFor(prisma, "caseworker.rainbow@liaison.example");
    const harbourCaseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
    const harbour = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Harbour House Women's Shelter" } }, select: { id: true } });
    expect(await ownProviderId(rainbowCaseworker)).toBe((await rainbow()).id);
    expect(await ownProviderId(harbourCaseworker)).toBe(harbour.id);
    // Only caseworkers have one, whatever organisation the others belong to.
    for (const email of ["clo.toronto@liaison.example", "supervisor.toronto@liaison.example", "counsel.clinic@liaison.example", "admin@liaison.example"]) {
      expect(await ownProviderId(await actorFor(prisma, email)), email).toBeNull();
    }
    // An NGO with no provider, and one whose only provider is unlisted: nothing to open.
    const caseworkerOf = (organizationId: string, organizationName: string): Actor => ({ ...harbourCaseworker, organizationId, organizationName, organizationKind: "OTHER_NGO" });
    expect(await ownProviderId(caseworkerOf(created.ngoWithout, "Comité d'accueil Saint-Zéphirin"))).toBeNull();
    expect(await ownProviderId(caseworkerOf(created.unlistedOrg, "Programme Bélanger hors Liaison"))).toBeNull();
  });
});

describe("keeping a provider's profile current", () => {
  it("lets the provider's own caseworker update its spaces, stamping when capacity changed", async () => {
    const caseworker = await actorFor(prisma, "caseworker.rainbow@liaison.example");
    const before = await rainbow();
    const result = await updateProvider(caseworker, { providerId: before.id, version: before.version, kind: "CCMS_CONTRACTED", profile: profileOf(before, { spacesOpen: "1" }) });
    expect(result.ok).toBe(true);
    const after = await rainbow();
    expect(after.spacesOpen).toBe(1);
    expect(after.version).toBe(before.version + 1);
    expect(after.capacityUpdatedAt.getTime()).toBeGreaterThan(before.capacityUpdatedAt.getTime());
    // A caseworker cannot declare a CBSA contract.
    expect(after.kind).toBe("COMMUNITY");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "provider.update", entityId: before.id }, orderBy: { id: "desc" } });
    expect(event.metadata).toEqual({ changed: ["spacesOpen"] });
    expect((await getProvider(caseworker, before.id))!.editAccess).toBe("OWN_PROFILE");
  });

  it("leaves capacityUpdatedAt alone when only the description changes", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const before = await rainbow();
    expect((await updateProvider(clo, { providerId: before.id, version: before.version, profile: profileOf(before, { description: "Peer support for LGBTQ+ newcomers." }) })).ok).toBe(true);
    const after = await rainbow();
    expect(after.capacityUpdatedAt).toEqual(before.capacityUpdatedAt);
    expect(after.description).toBe("Peer support for LGBTQ+ newcomers.");
  });

  it("refuses another organisation's caseworker and counsel as not found", async () => {
    const before = await rainbow();
    for (const email of ["caseworker.harbour@liaison.example", "counsel.clinic@liaison.example"]) {
      const actor = await actorFor(prisma, email);
      expect(await updateProvider(actor, { providerId: before.id, version: before.version, profile: profileOf(before, { spacesOpen: "0" }) })).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect((await getProvider(actor, before.id))!.editAccess).toBeNull();
    }
    expect((await rainbow()).spacesOpen).toBe(before.spacesOpen);
  });

  it("refuses the second of two concurrent edits made from the same version", async () => {
    const caseworker = await actorFor(prisma, "caseworker.rainbow@liaison.example");
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const before = await rainbow();
    const results = await Promise.all([
      updateProvider(caseworker, { providerId: before.id, version: before.version, profile: profileOf(before, { spacesOpen: "2" }) }),
      updateProvider(clo, { providerId: before.id, version: before.version, profile: profileOf(before, { spacesOpen: "3" }) }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
  });

  it("lets an admin add a provider with its own organisation, and refuses a duplicate name", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const profile = profileOf(await rainbow(), { spacesOpen: "0", spacesTotal: "4", region: "Pacific" });
    const created = await createProvider(admin, { name: "Island Welcome House", kind: "COMMUNITY", profile });
    expect(created.ok).toBe(true);
    expect(await createProvider(admin, { name: "Island Welcome House", kind: "COMMUNITY", profile })).toEqual({ ok: false, reason: "NAME_TAKEN" });
    const caseworker = await actorFor(prisma, "caseworker.rainbow@liaison.example");
    expect(await createProvider(caseworker, { name: "Another", kind: "COMMUNITY", profile })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("finding a provider for a case", () => {
  it("proposes every provider, for the case's office only, with reasons in words", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const detention = await prisma.detention.findFirstOrThrow({ where: { reference: { startsWith: "TOR-" } }, select: { id: true } });
    const result = await matchProvidersForCase(clo, detention.id);
    expect(result!.matches.length).toBe(await prisma.serviceProvider.count({ where: { listed: true } }));
    expect(result!.matches.every((match) => match.reasons.length > 0)).toBe(true);
    const scores = result!.matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const montreal = await actorFor(prisma, "clo.montreal@liaison.example");
    expect(await matchProvidersForCase(montreal, detention.id)).toBeNull();
    expect(await matchProvidersForCase(await actorFor(prisma, "caseworker.rainbow@liaison.example"), detention.id)).toBeNull();
  });
});

describe("outreach and resource lists", () => {
  it("are shared within the office and invisible to other offices", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const colleague = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const montreal = await actorFor(prisma, "clo.montreal@liaison.example");
    const provider = await rainbow();
    const first = await createOutreachContact(clo, { providerId: provider.id, organizationName: null, contactedOn: "2026-06-02", topic: "Intake criteria", outcome: "Takes referrals by phone", nextStep: null, nextStepDueOn: null });
    const second = await createOutreachContact(clo, { organizationName: "Toronto Mosque Welcome Committee", contactedOn: "2026-06-03", topic: "Housing host families", outcome: null, nextStep: null, nextStepDueOn: null });
    if (!first.ok || !second.ok) throw new Error("contact refused");
    // The demo data has outreach of its own: these two are looked for among the office's log.
    const created = [first.id, second.id];
    const seen = await listOutreachContacts(colleague, 1);
    expect(seen.rows.filter((row) => created.includes(row.id)).map((row) => row.organizationName)).toEqual(["Toronto Mosque Welcome Committee", "Rainbow Newcomer Network"]);
    const montrealLog = await everyOutreachRow(montreal);
    expect(montrealLog.filter((row) => created.includes(row.id))).toEqual([]);
    expect(await prisma.outreachContact.count({ where: { id: { in: montrealLog.map((row) => row.id) }, office: { name: { not: "CBSA Quebec Region" } } } })).toBe(0);

    const list = await createResourceList(clo, { name: "LGBTQ+ people", description: null, topic: "GENERAL", sharing: "OFFICE", sharedOfficeIds: [] });
    if (!list.ok) throw new Error("list refused");
    expect((await addResourceItem(clo, { listId: list.id, version: 1, providerId: provider.id, name: null, notes: "Peer support" })).ok).toBe(true);
    expect(await addResourceItem(montreal, { listId: list.id, version: 2, name: "Elsewhere", notes: null })).toEqual({ ok: false, reason: "NOT_FOUND" });
    const lists = await listResourceLists(colleague);
    expect(lists.find((entry) => entry.id === list.id)!.items.map((item) => item.name)).toEqual(["Rainbow Newcomer Network"]);
    expect((await listResourceLists(montreal)).map((entry) => entry.id)).not.toContain(list.id);
    const caseworker = await actorFor(prisma, "caseworker.rainbow@liaison.example");
    expect(await createResourceList(caseworker, { name: "x", description: null, topic: "GENERAL", sharing: "OFFICE", sharedOfficeIds: [] })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.auditEvent.count({ where: { action: { in: ["outreach.create", "resource_list.create", "resource_list.add_item"] } } })).toBe(4);
  });
});

/** Every row of an office's outreach log, page by page. */
async function everyOutreachRow(actor: Actor) {
  const rows = [];
  for (let page = 1; ; page += 1) {
    const result = await listOutreachContacts(actor, page);
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

describe("outreach follow-ups", () => {
  it("a contact is corrected at its version, its next step done once, by the office only, and counted in the reports", async () => {
    const clo = await actorFor(prisma, "clo.toronto@liaison.example");
    const colleague = await actorFor(prisma, "clo2.toronto@liaison.example");
    const vancouver = await actorFor(prisma, "clo.vancouver@liaison.example");
    const recorded = await createOutreachContact(clo, { organizationName: "Lakeshore Tenants' Association", contactedOn: "2026-07-02", topic: "Short-term rooms", outcome: null, nextStep: "Send the intake form", nextStepDueOn: "2026-07-09" });
    if (!recorded.ok) throw new Error("contact refused");
    const input = { contactId: recorded.id, version: 1, organizationName: "Lakeshore Tenants' Association", contactedOn: "2026-07-02", topic: "Short-term rooms for families", outcome: "Two rooms in August", nextStep: "Send the intake form", nextStepDueOn: "2026-07-09" };
    expect(await updateOutreachContact(vancouver, input)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await updateOutreachContact(colleague, input)).toEqual({ ok: true, id: recorded.id });
    // The first CLO's form was built at version 1: refused, not overwritten.
    expect(await updateOutreachContact(clo, { ...input, topic: "Stale" })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect((await listOpenFollowUps(clo)).some((row) => row.id === recorded.id)).toBe(true);
    expect(await markFollowUpDone(vancouver, { contactId: recorded.id, version: 2 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await markFollowUpDone(clo, { contactId: recorded.id, version: 2 })).toEqual({ ok: true, id: recorded.id });
    expect(await markFollowUpDone(clo, { contactId: recorded.id, version: 3 })).toEqual({ ok: false, reason: "NO_NEXT_STEP" });
    expect((await listOpenFollowUps(clo)).some((row) => row.id === recorded.id)).toBe(false);
    const row = await prisma.outreachContact.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(row).toMatchObject({ topic: "Short-term rooms for families", outcome: "Two rooms in August", version: 3 });
    expect(row.nextStepDoneAt).not.toBeNull();
    // A new next step opens again.
    expect(await updateOutreachContact(clo, { ...input, version: 3, nextStep: "Visit in August", nextStepDueOn: "2026-08-05" })).toEqual({ ok: true, id: recorded.id });
    expect((await prisma.outreachContact.findUniqueOrThrow({ where: { id: recorded.id } })).nextStepDoneAt).toBeNull();
    const audits = await prisma.auditEvent.findMany({ where: { entityId: recorded.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audits.map((audit) => audit.action)).toEqual(["outreach.create", "outreach.update", "outreach.followUp", "outreach.update"]);

    const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    const report = await loadReport(supervisor, reportFilterSchema.parse({ from: "2026-07-01", to: "2026-07-31", groupBy: "clo" }));
    expect(report?.outreach.find((entry) => entry.label === "Dana Whitfield")).toEqual({ key: clo.userId, label: "Dana Whitfield", contacts: 1, followUpsPlanned: 1, followUpsDone: 0 });
  });
});
