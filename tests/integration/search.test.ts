import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";

const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { searchCases } = await import("@/lib/search/queries");
const { parseSearch } = await import("@/lib/search/rules");
const { db } = await import("@/lib/db");

const TORONTO = "CBSA Greater Toronto Area Region";
const PACIFIC = "CBSA Pacific Region";

/** A fictional person detained in an office, named as given, with an optional UCI, reference and flags. */
async function personIn(officeName: string, givenName: string, familyName: string, extra: { clientId?: string; reference?: string; trafficking?: boolean } = {}) {
  const detention = await insertDetention(prisma, {
    officeName,
    detainedAt: new Date(now.getTime() - 30 * HOUR),
    nextReviewDueBy: new Date(now.getTime() + 18 * HOUR),
    flags: extra.trafficking ? ["TRAFFICKING_INDICATORS"] : undefined,
  });
  await prisma.detainee.update({ where: { id: detention.detaineeId }, data: { givenName, familyName, clientId: extra.clientId ?? null } });
  if (extra.reference) await prisma.detention.update({ where: { id: detention.id }, data: { reference: extra.reference } });
  return detention;
}

const ana = await personIn(TORONTO, "Ána", "Quispe Mamani", { clientId: "SRCH-77310", reference: "SRT-26-0091" });
const flagged = await personIn(TORONTO, "Teodoro", "Vélez Ñahui", { trafficking: true, reference: "SRT-26-0092" });
const elsewhere = await personIn(PACIFIC, "Zelmira", "Quispe Huanca", { clientId: "SRCH-99120", reference: "SRV-26-0093" });

const cloToronto = await actorFor(prisma, "clo.toronto@liaison.example");
const supervisorToronto = await actorFor(prisma, "supervisor.toronto@liaison.example");
const cloPacific = await actorFor(prisma, "clo.vancouver@liaison.example");
const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
const admin = await actorFor(prisma, "admin@liaison.example");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

async function ids(actor: typeof cloToronto, query: string): Promise<string[]> {
  const parsed = parseSearch(query);
  if (!parsed) return [];
  return (await searchCases(actor, parsed)).hits.map((hit) => hit.id);
}

describe("search: a person's name", () => {
  it.each([
    ["upper case, no accents", "ANA QUISPE"],
    ["accents typed as stored", "Ána Quispe"],
    ["no accents", "ana quispe"],
    ["either order", "quispe ana"],
    ["part of each word, accented", "Ána Quis"],
    ["part of the second family name", "mamani"],
    ["part of a word inside the name", "uisp"],
    ["the name as a list writes it", "Quispe Mamani, Ana"],
  ])("finds Ana Quispe Mamani: %s (%s)", async (_label, query) => {
    expect(await ids(cloToronto, query)).toContain(ana.id);
  });

  it("no accents typed where the name has them, and upper case", async () => {
    expect(await ids(cloToronto, "velez nahui")).toEqual([flagged.id]);
    expect(await ids(supervisorToronto, "TEODORO vélez")).toEqual([flagged.id]);
  });

  it("every word must match: a word of another name finds nothing", async () => {
    expect(await ids(cloToronto, "ana velez")).toEqual([]);
  });

  it("LIKE wildcards typed are letters, not wildcards", async () => {
    expect(await ids(cloToronto, "%")).toEqual([]);
    expect(await ids(cloToronto, "q_ispe")).toEqual([]);
  });
});

describe("search: a reference or a UCI", () => {
  it("finds a case by its reference in full or by its prefix, in any case", async () => {
    expect(await ids(cloToronto, "SRT-26-0091")).toEqual([ana.id]);
    expect((await ids(cloToronto, "srt-26-009")).sort()).toEqual([ana.id, flagged.id].sort());
  });

  it("a reference is matched from its start only", async () => {
    expect(await ids(cloToronto, "26-0091")).toEqual([]);
  });

  it("finds a person by their UCI typed in full, not by a part of it", async () => {
    expect(await ids(cloToronto, "SRCH-77310")).toEqual([ana.id]);
    expect(await ids(cloToronto, "SRCH-7731")).toEqual([]);
  });
});

describe("search: answers only from the actor's own office", () => {
  it("a CLO of another office gets no result for a name, a reference or a UCI that exists only elsewhere", async () => {
    for (const query of ["zelmira", "Zelmira Quispe", "SRV-26-0093", "SRCH-99120"]) expect(await ids(cloToronto, query)).toEqual([]);
    // The same searches find the case in its own office: the fixture is real.
    for (const query of ["zelmira", "Zelmira Quispe", "SRV-26-0093", "SRCH-99120"]) expect(await ids(cloPacific, query)).toEqual([elsewhere.id]);
  });

  it("a name found in two offices shows each office only its own case, and says nothing of the other (no 'more')", async () => {
    const toronto = await searchCases(cloToronto, parseSearch("quispe")!);
    expect(toronto.hits.map((hit) => hit.id)).toContain(ana.id);
    expect(toronto.hits.map((hit) => hit.id)).not.toContain(elsewhere.id);
    expect(toronto.hits.every((hit) => hit.officeName === TORONTO)).toBe(true);
    expect(toronto.more).toBe(false);
    const pacific = await searchCases(cloPacific, parseSearch("quispe")!);
    expect(pacific.hits.map((hit) => hit.id)).toEqual([elsewhere.id]);
  });

  it("a case with a flag the CLO may not see is listed with exactly the columns of any other: no flag, no sign of one", async () => {
    const [hit] = (await searchCases(cloToronto, parseSearch("teodoro")!)).hits;
    expect(hit).toEqual({ id: flagged.id, reference: "SRT-26-0092", givenName: "Teodoro", familyName: "Vélez Ñahui", status: "DETAINED", officeName: TORONTO, facilityName: expect.any(String) });
    const [plain] = (await searchCases(cloToronto, parseSearch("ana quispe")!)).hits;
    expect(Object.keys(hit!).sort()).toEqual(Object.keys(plain!).sort());
  });

  it("counsel, NGO caseworkers and admins search nothing, even a case of their own (counsel reads theirs from My clients)", async () => {
    for (const actor of [counsel, caseworker, admin]) {
      expect(await searchCases(actor, parseSearch("quispe")!)).toEqual({ hits: [], more: false });
      expect(await searchCases(actor, parseSearch("TOR-")!)).toEqual({ hits: [], more: false });
    }
  });

  it("a record merged into another is never found", async () => {
    await prisma.detainee.update({ where: { id: ana.detaineeId }, data: { mergedIntoId: flagged.detaineeId, mergedAt: new Date() } });
    try {
      expect(await ids(cloToronto, "ana quispe")).toEqual([]);
    } finally {
      await prisma.detainee.update({ where: { id: ana.detaineeId }, data: { mergedIntoId: null, mergedAt: null } });
    }
  });
});

describe("search: the indexes", () => {
  it("the name and reference searches can use their trigram indexes (the planner is made to prefer them)", async () => {
    const plan = async (sql: string) => {
      return prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    };
    expect(await plan(`SELECT id FROM "Detainee" dt WHERE public.f_unaccent(lower(dt."givenName" || ' ' || dt."familyName")) LIKE '%quispe%'`)).toContain("Detainee_search_name");
    expect(await plan(`SELECT id FROM "Detention" d WHERE d.reference ILIKE 'SRT-26-00%'`)).toContain("Detention_search_reference");
  });
});
