import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

// A database of this file's own (see ownDatabase), set before the data layer's first query.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { addCounselNote } = await import("@/lib/counsel/mutations");
const { listMyClients, listReadableNotes } = await import("@/lib/counsel/queries");
const { listReviewDashboard } = await import("@/lib/reviews/queries");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { reviewDashboardParamsSchema } = await import("@/lib/reviews/schema");
const { noteReadScope } = await import("@/lib/authz/notes");
const { createFeed } = await import("@/lib/calendar/mutations");
const { GET } = await import("@/app/api/calendar/[token]/route");

const PRIVILEGED = "Privileged: client instructs us to seek release to her cousin's address in Hamilton.";
let prisma: PrismaClient;
let counsel: Actor;
let otherCounsel: Actor;
let clo: Actor;
let supervisor: Actor;
let detentionId: string;

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  const fixtures = reviewFixtures(prisma);
  const place = await fixtures.office("notes");
  ({ clo, supervisor } = place);
  const law = await fixtures.lawOffice("notes");
  counsel = law.counsel;
  ({ counsel: otherCounsel } = await fixtures.lawOffice("notes-other"));
  const detention = await fixtures.detention(place, { detainedAt: new Date(Date.now() - 10 * 3_600_000), counselId: counsel.userId });
  detentionId = detention.id;
  await prisma.note.create({ data: { detentionId, authorId: clo.userId, authorOrgId: clo.organizationId, visibility: "CASE_TEAM", body: "Interpreter booked for Tuesday." } });
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database.drop();
});

describe("counsel's privileged notes", () => {
  it("are written OWN_ORGANISATION by counsel's organisation, and audited without their text", async () => {
    const result = await addCounselNote(counsel, { detentionId, body: PRIVILEGED });
    expect(result.ok).toBe(true);
    const note = await prisma.note.findFirstOrThrow({ where: { body: PRIVILEGED } });
    expect(note).toMatchObject({ visibility: "OWN_ORGANISATION", authorOrgId: counsel.organizationId, authorId: counsel.userId, detentionId });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "note.create", entityId: note.id } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("Hamilton");
  });

  it("cannot be written on someone else's client", async () => {
    expect(await addCounselNote(otherCounsel, { detentionId, body: "Not my client." })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("are invisible to every CBSA query path: the notes list, the where-builder, the review chain, the dashboard and the calendar feed", async () => {
    for (const cbsa of [clo, supervisor]) {
      const listed = await listReadableNotes(cbsa, [detentionId]);
      expect(listed.map((note) => note.body)).toEqual(["Interpreter booked for Tuesday."]);
      const raw = await prisma.note.findMany({ where: noteReadScope(cbsa), select: { body: true } });
      expect(raw.map((note) => note.body)).not.toContain(PRIVILEGED);
      // The case file holds the review chain and the notes the reader may read: the whole of it, for the CBSA side.
      const caseFile = await getCaseFile(cbsa, detentionId);
      expect(caseFile).not.toBeNull();
      expect(JSON.stringify(caseFile)).not.toContain("Hamilton");
      expect(JSON.stringify(await listReviewDashboard(cbsa, reviewDashboardParamsSchema.parse({})))).not.toContain("Hamilton");
      const feed = await createFeed(cbsa, { includeFullNames: true });
      if (!feed.ok || !feed.token) throw new Error("feed not created");
      const body = await (await GET(new Request("http://localhost/"), { params: Promise.resolve({ token: feed.token }) })).text();
      expect(body).toContain(detentionId);
      expect(body).not.toContain("Hamilton");
    }
  });

  it("stay hidden from CBSA even if one is wrongly flagged CASE_TEAM", async () => {
    await prisma.note.create({ data: { detentionId, authorId: counsel.userId, authorOrgId: counsel.organizationId, visibility: "CASE_TEAM", body: "Misflagged privileged advice." } });
    for (const cbsa of [clo, supervisor]) {
      expect((await listReadableNotes(cbsa, [detentionId])).map((note) => note.body)).not.toContain("Misflagged privileged advice.");
    }
  });

  it("are readable by their author's organisation, not by another law office", async () => {
    const mine = await listReadableNotes(counsel, [detentionId], { ownOrganisationOnly: true });
    expect(mine.map((note) => note.body)).toContain(PRIVILEGED);
    expect(mine.every((note) => note.body !== "Interpreter booked for Tuesday.")).toBe(true);
    expect(await listReadableNotes(otherCounsel, [detentionId])).toEqual([]);
  });

  it("sit beside the client's next review and release-plan readiness on counsel's home", async () => {
    const page = await listMyClients(counsel, 1);
    expect(page.rows.map((row) => row.detentionId)).toEqual([detentionId]);
    expect(page.rows[0]!.nextReview?.kind).toBe("FORTY_EIGHT_HOUR");
    expect((await listMyClients(otherCounsel, 1)).total).toBe(0);
    expect((await listMyClients(clo, 1)).total).toBe(0);
  });
});
