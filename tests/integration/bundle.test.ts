import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import { newTorontoDetention } from "@/tests/integration/plan-fixtures";
import { PHRASES, richCase } from "@/tests/integration/bundle-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { pdfBytes } from "@/tests/support/document-files";

process.env.DATABASE_URL = inject("databaseUrl");
const { generateHearingBundle } = await import("@/lib/bundle/generate");
const { uploadDocument } = await import("@/lib/documents/mutations");

let prisma: PrismaClient;
let people: Record<"clo" | "supervisor" | "otherClo" | "counsel" | "otherCounsel" | "caseworker" | "admin", Actor>;
let scratch: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
  const emails = {
    clo: "clo.toronto@liaison.example",
    supervisor: "supervisor.toronto@liaison.example",
    otherClo: "clo.vancouver@liaison.example",
    counsel: "counsel.clinic@liaison.example",
    otherCounsel: "counsel.marchand@liaison.example",
    caseworker: "caseworker.harbour@liaison.example",
    admin: "admin@liaison.example",
  };
  people = Object.fromEntries(await Promise.all(Object.entries(emails).map(async ([key, email]) => [key, await actorFor(prisma, email)]))) as typeof people;
  scratch = mkdtempSync(path.join(tmpdir(), "liaison-bundle-"));
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await prisma.$disconnect();
});

/** The PDF's text as Debian's pdftotext (poppler-utils) reads it: what a reader, a search or a screen reader gets. */
function pdfText(pdf: Uint8Array, name: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, pdf);
  // Lines wrapped on the page are joined again: the assertions are about what is said, not where lines break.
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

const bundleEvents = (detentionId: string) => prisma.auditEvent.findMany({ where: { detentionId, action: "plan.bundle" }, select: { actorId: true, metadata: true } });

describe("the hearing bundle", () => {
  it("carries the plan to the Division in English: each ground's concern and mitigation, the bondsperson's vetting, the accepted program", async () => {
    const { detentionId, reference, acceptedProvider, declinedProvider } = await richCase(prisma, people);
    const result = await generateHearingBundle(people.clo, { detentionId, lang: "en" });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(Buffer.from(result.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(result.fileName).toBe(`hearing-bundle-${reference}-v3-en.pdf`);
    const text = pdfText(result.pdf, "en.pdf");
    expect(text).toContain("Release plan for the Immigration Division");
    expect(text).toContain(`Case reference: ${reference}`);
    expect(text).toContain("Unlikely to appear");
    expect(text).toContain(PHRASES.concern);
    expect(text).toContain(PHRASES.mitigation);
    expect(text).toContain(PHRASES.bondsperson);
    expect(text).toContain("Vetted and confirmed by the case team");
    expect(text).toContain(acceptedProvider);
    expect(text).toMatch(/Plan version 3, generated .+ E[SD]T/);
    expect(text).toMatch(/Page 1 of 1/);
    // Never the office's own file, nor what the providers were sent or said.
    for (const secret of [PHRASES.riskOpinion, PHRASES.flagDetails, PHRASES.caseNote, PHRASES.counselNote, PHRASES.packetNote, PHRASES.message, PHRASES.declineDetails]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/trafficking|mental health|risk/i);
    expect(text).not.toContain(declinedProvider);
    expect(await bundleEvents(detentionId)).toEqual([{ actorId: people.clo.userId, metadata: { planVersion: 3, language: "en" } }]);
  });

  it("is written in French when French is chosen, with the same facts", async () => {
    const { detentionId, reference } = await richCase(prisma, people);
    const result = await generateHearingBundle(people.supervisor, { detentionId, lang: "fr" });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.fileName).toBe(`hearing-bundle-${reference}-v3-fr.pdf`);
    const text = pdfText(result.pdf, "fr.pdf");
    expect(text).toContain("Plan de mise en liberté pour la Section de l'immigration");
    expect(text).toContain("Cautions et leur vérification (RIPR art. 47)");
    expect(text).toContain(PHRASES.mitigation);
    expect(text).toContain(PHRASES.bondsperson);
    expect(text).toMatch(/Version 3 du plan, produite le/);
    for (const secret of [PHRASES.riskOpinion, PHRASES.flagDetails, PHRASES.caseNote, PHRASES.counselNote]) expect(text).not.toContain(secret);
  });

  it("may be generated by the office's CLOs and supervisors and by counsel of record, and by no one else", async () => {
    const { detentionId } = await richCase(prisma, people);
    for (const allowed of [people.clo, people.supervisor, people.counsel]) expect((await generateHearingBundle(allowed, { detentionId, lang: "en" })).ok).toBe(true);
    for (const refused of [people.otherClo, people.otherCounsel, people.caseworker, people.admin, null]) expect(await generateHearingBundle(refused, { detentionId, lang: "en" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    // One event per bundle made; a refusal records nothing.
    expect((await bundleEvents(detentionId)).map((event) => event.actorId).sort()).toEqual([people.clo.userId, people.supervisor.userId, people.counsel.userId].sort());
  });

  it("is not found for a case without a plan, and asks for a language it writes", async () => {
    const detentionId = await newTorontoDetention(prisma, ["DANGER_TO_PUBLIC"]);
    expect(await generateHearingBundle(people.clo, { detentionId, lang: "en" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await generateHearingBundle(people.clo, { detentionId: "not-an-id", lang: "en" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    const { detentionId: planned } = await richCase(prisma, people);
    expect(await generateHearingBundle(people.clo, { detentionId: planned, lang: "de" })).toEqual({ ok: false, reason: "INVALID", field: "lang" });
    expect(await generateHearingBundle(people.clo, { detentionId: planned, lang: null })).toEqual({ ok: false, reason: "INVALID", field: "lang" });
    expect(await bundleEvents(planned)).toEqual([]);
  });

  it("indexes the documents shared with the case team, and never a document kept to its author's organisation", async () => {
    const { detentionId } = await richCase(prisma, people);
    const add = async (actor: Actor, fileName: string, sharing: "CASE_TEAM" | "OWN_ORGANISATION", text: string) => {
      const bytes = pdfBytes(text);
      const result = await uploadDocument(actor, { detentionId, sharing, providers: [], planItem: null, fileName, sizeBytes: bytes.byteLength }, bytes);
      if (!result.ok) throw new Error(`upload refused: ${result.reason}`);
    };
    await add(people.counsel, "Proof of status of the bondsperson.pdf", "CASE_TEAM", "proof");
    await add(people.clo, "Office working copy.pdf", "OWN_ORGANISATION", "working copy");
    await add(people.counsel, "Counsel draft submissions.pdf", "OWN_ORGANISATION", "draft");
    for (const actor of [people.clo, people.counsel]) {
      const result = await generateHearingBundle(actor, { detentionId, lang: "en" });
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      const text = pdfText(result.pdf, `index-${actor.userId}.pdf`);
      expect(text).toContain("Index of documents");
      expect(text).toMatch(/1\. Proof of status of the bondsperson\.pdf \(PDF\), /);
      expect(text).not.toContain("Office working copy");
      expect(text).not.toContain("Counsel draft submissions");
    }
  });
});
