import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import { ownDatabase, reviewFixtures } from "@/tests/integration/review-fixtures";
import { docxBytes, exeBytes, htmlBytes, pdfBytes, pngBytes, svgWithScript } from "@/tests/support/document-files";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import type { UploadDocumentInput } from "@/lib/documents/schema";

// A database of this file's own (audit events cannot be deleted); the data layer reads DATABASE_URL lazily.
const database = await ownDatabase();
process.env.DATABASE_URL = database.url;
const { uploadDocument, downloadDocument, removeDocument } = await import("@/lib/documents/mutations");
const { visibleCaseDocuments, referralDocuments, documentFormOptions, documentFormOptionsForCaseFile } = await import("@/lib/documents/queries");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { MAX_DOCUMENT_BYTES } = await import("@/lib/documents/rules");

let prisma: PrismaClient;
const people = {} as Record<"clo" | "supervisor" | "cloOtherOffice" | "counsel" | "counselColleague" | "counselOther" | "caseworker" | "caseworkerOther" | "admin", Actor>;
let caseId = "";
let otherClientCaseId = "";
let detaineeId = "";
let referralId = "";
let providerOrg = { id: "", name: "" };
let otherProviderOrg = { id: "", name: "" };
const docs = {} as Record<"cloPrivate" | "cloShared" | "counselPrivate" | "counselShared" | "otherClient", string>;

function actorOf(user: { id: string; name: string; role: Actor["role"] }, organization: { id: string; kind: Actor["organizationKind"]; name: string }): Actor {
  return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: organization.id, organizationKind: organization.kind, organizationName: organization.name };
}

async function userIn(role: Actor["role"], organization: { id: string; kind: Actor["organizationKind"]; name: string }, name: string): Promise<Actor> {
  const user = await prisma.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@it.liaison.example`, name, role, organizationId: organization.id, passwordHash: "not-a-real-hash" },
    select: { id: true, name: true, role: true },
  });
  return actorOf(user, organization);
}

async function provider(label: string) {
  const organization = await prisma.organization.create({ data: { kind: "SERVICE_PROVIDER", name: `IT provider ${label} ${randomUUID().slice(0, 6)}`, region: "Test region" }, select: { id: true, kind: true, name: true } });
  const serviceProvider = await prisma.serviceProvider.create({ data: { organizationId: organization.id, kind: "COMMUNITY", region: "Test region", services: [], servesGenders: [], riskLevelsAccepted: [], languages: ["English"] }, select: { id: true } });
  return { organization, serviceProvider, caseworker: await userIn("NGO_CASEWORKER", organization, `Caseworker ${label}`) };
}

function input(detentionId: string, overrides: Partial<UploadDocumentInput> = {}): UploadDocumentInput {
  return { detentionId, sharing: "CASE_TEAM", providers: [], planItem: null, fileName: "letter.pdf", sizeBytes: 1, ...overrides };
}

async function upload(actor: Actor, detentionId: string, bytes: Uint8Array, overrides: Partial<UploadDocumentInput> = {}): Promise<string> {
  const result = await uploadDocument(actor, input(detentionId, { sizeBytes: bytes.byteLength, ...overrides }), bytes);
  if (!result.ok) throw new Error(`upload refused: ${result.reason}`);
  return result.documentId;
}

/** Everything an upload or removal could have written: documents, shares, bytes and audit events. */
async function counts() {
  const [documents, shares, contents, events] = await Promise.all([prisma.document.count(), prisma.documentShare.count(), prisma.documentContent.count(), prisma.auditEvent.count()]);
  return { documents, shares, contents, events };
}

beforeAll(async () => {
  prisma = createPrismaClient(database.url);
  const fixtures = reviewFixtures(prisma);
  const office = await fixtures.office("documents");
  const otherOffice = await fixtures.office("elsewhere", "America/Vancouver");
  const law = await fixtures.lawOffice("documents");
  const otherLaw = await fixtures.lawOffice("other");
  const adminOrg = await prisma.organization.create({ data: { kind: "OTHER_NGO", name: `IT admins ${randomUUID().slice(0, 6)}`, region: "Test region" }, select: { id: true, kind: true, name: true } });
  const providerA = await provider("recipient");
  const providerB = await provider("other");
  Object.assign(people, {
    clo: office.clo,
    supervisor: office.supervisor,
    cloOtherOffice: otherOffice.clo,
    counsel: law.counsel,
    counselColleague: await userIn("COUNSEL", law.organization, "Colleague"),
    counselOther: otherLaw.counsel,
    caseworker: providerA.caseworker,
    caseworkerOther: providerB.caseworker,
    admin: await userIn("ADMIN", adminOrg, "Admin"),
  });
  providerOrg = providerA.organization;
  otherProviderOrg = providerB.organization;
  const detention = await fixtures.detention(office, { detainedAt: new Date(Date.now() - 3 * 86_400_000), counselId: law.counsel.userId });
  caseId = detention.id;
  otherClientCaseId = (await fixtures.detention(office, { detainedAt: new Date(Date.now() - 2 * 86_400_000) })).id;
  detaineeId = (await prisma.detention.findUniqueOrThrow({ where: { id: caseId }, select: { detaineeId: true } })).detaineeId;
  // The person consented to share the release plan with provider A, and was referred to it; provider B got a referral under a consent without the plan.
  const consent = await prisma.consent.create({
    data: { detaineeId, recipientOrgId: providerA.organization.id, purpose: "Housing", fields: ["IDENTITY", "RELEASE_PLAN"], method: "WRITTEN", givenAt: new Date(), recordedById: office.clo.userId },
    select: { id: true },
  });
  referralId = (
    await prisma.referral.create({
      data: { detentionId: caseId, providerId: providerA.serviceProvider.id, consentId: consent.id, status: "SENT", packetFields: ["IDENTITY"], packet: {}, createdById: office.clo.userId, sentAt: new Date() },
      select: { id: true },
    })
  ).id;
  const consentB = await prisma.consent.create({
    data: { detaineeId, recipientOrgId: providerB.organization.id, purpose: "Supervision", fields: ["IDENTITY"], method: "WRITTEN", givenAt: new Date(), recordedById: office.clo.userId },
    select: { id: true },
  });
  await prisma.referral.create({
    data: { detentionId: caseId, providerId: providerB.serviceProvider.id, consentId: consentB.id, status: "SENT", packetFields: ["IDENTITY"], packet: {}, createdById: office.clo.userId, sentAt: new Date() },
  });

  docs.cloPrivate = await upload(people.clo, caseId, pdfBytes("office only"), { sharing: "OWN_ORGANISATION", fileName: "office.pdf" });
  docs.cloShared = await upload(people.clo, caseId, pngBytes(), { providers: [providerA.organization.id], fileName: "acceptance.png", planItem: { referralId } });
  docs.counselPrivate = await upload(people.counsel, caseId, pdfBytes("privileged"), { sharing: "OWN_ORGANISATION", fileName: "privileged.pdf" });
  docs.counselShared = await upload(people.counsel, caseId, docxBytes(), { fileName: "bondsperson proof.docx" });
  docs.otherClient = await upload(people.clo, otherClientCaseId, pdfBytes("another person"), { fileName: "other.pdf" });
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

async function visibleTo(actor: Actor, detentionId = caseId): Promise<string[]> {
  return (await visibleCaseDocuments(actor, detentionId)).map((document) => document.id).sort();
}

async function downloadable(actor: Actor, ids: string[]): Promise<string[]> {
  const allowed: string[] = [];
  for (const id of ids) if ((await downloadDocument(actor, id)).ok) allowed.push(id);
  return allowed.sort();
}

describe("who sees which document on a case (every role × own and other organisation × consent)", () => {
  const all = () => Object.values(docs);
  const expected = (...names: (keyof typeof docs)[]) => names.map((name) => docs[name]).sort();

  it.each([
    ["the case's CLO: the office's documents and the case team's", "clo", ["cloPrivate", "cloShared", "counselShared"]],
    ["a supervisor of the office: the same", "supervisor", ["cloPrivate", "cloShared", "counselShared"]],
    ["a CLO of another office: nothing", "cloOtherOffice", []],
    ["counsel of record: their own and the case team's, never the office's own", "counsel", ["cloShared", "counselPrivate", "counselShared"]],
    ["a colleague of counsel who is not of record: nothing", "counselColleague", []],
    ["counsel of another law office: nothing", "counselOther", []],
    ["the provider it was shared with, consent in force: only that document", "caseworker", ["cloShared"]],
    ["a provider it was not shared with (a referral, but no consent to the plan): nothing", "caseworkerOther", []],
    ["an admin: nothing", "admin", []],
  ] as const)("%s", async (_label, who, names) => {
    const actor = people[who];
    expect(await visibleTo(actor)).toEqual(expected(...names));
    // The download answers exactly as the list does; the other client's document is never reachable through this case.
    expect(await downloadable(actor, all())).toEqual(expected(...names, ...(actor.role === "CLO" || actor.role === "SUPERVISOR" ? (who === "cloOtherOffice" ? [] : (["otherClient"] as const)) : [])));
  });

  it("never shows counsel's private document to CBSA, nor the providers a document was shared with to counsel", async () => {
    const forClo = await visibleCaseDocuments(people.clo, caseId);
    expect(forClo.find((document) => document.id === docs.cloShared)?.sharedWithProviders).toEqual([providerOrg.name]);
    expect(forClo.find((document) => document.id === docs.cloShared)?.planItem).toEqual({ kind: "REFERRAL", providerName: providerOrg.name });
    const forCounsel = await visibleCaseDocuments(people.counsel, caseId);
    expect(forCounsel.find((document) => document.id === docs.cloShared)?.sharedWithProviders).toEqual([]);
    // Counsel does not see the case's referrals: the document's plan item does not name one.
    expect(forCounsel.find((document) => document.id === docs.cloShared)?.planItem).toBeNull();
    expect(forCounsel.find((document) => document.id === docs.counselShared)).toMatchObject({ fileName: "bondsperson proof.docx", ownOrganisation: true, sharing: "CASE_TEAM" });
  });

  it("shows a provider its documents on the referral page, and nothing once the consent is withdrawn", async () => {
    expect((await referralDocuments(people.caseworker, referralId)).map((document) => document.id)).toEqual([docs.cloShared]);
    expect(await referralDocuments(people.caseworkerOther, referralId)).toEqual([]);
    const consent = await prisma.consent.findFirstOrThrow({ where: { detaineeId, recipientOrgId: providerOrg.id }, select: { id: true } });
    await prisma.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date(), withdrawnById: people.clo.userId } });
    try {
      expect(await visibleTo(people.caseworker)).toEqual([]);
      expect(await referralDocuments(people.caseworker, referralId)).toEqual([]);
      expect((await downloadDocument(people.caseworker, docs.cloShared)).ok).toBe(false);
      // The case team still sees it.
      expect(await visibleTo(people.clo)).toContain(docs.cloShared);
    } finally {
      await prisma.consent.update({ where: { id: consent.id }, data: { withdrawnAt: null, withdrawnById: null } });
    }
  });

  it("stops counsel's access when they are no longer counsel of record", async () => {
    await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId: null } });
    try {
      expect(await visibleTo(people.counsel)).toEqual([]);
      expect((await downloadDocument(people.counsel, docs.counselPrivate)).ok).toBe(false);
    } finally {
      await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId: people.counsel.userId } });
    }
  });
});

describe("uploading", () => {
  it.each([
    ["a renamed executable", exeBytes(), "proof of status.pdf"],
    ["an SVG with a script", svgWithScript(), "photo.png"],
    ["an HTML file named .pdf", htmlBytes(), "letter.pdf"],
  ])("refuses %s, and writes nothing", async (_label, bytes, fileName) => {
    const before = await counts();
    expect(await uploadDocument(people.clo, input(caseId, { fileName, sizeBytes: bytes.byteLength }), bytes)).toEqual({ ok: false, reason: "TYPE_NOT_ALLOWED" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over 20 MB, and writes nothing", async () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    bytes.set(pdfBytes());
    const before = await counts();
    expect(await uploadDocument(people.clo, input(caseId, { sizeBytes: bytes.byteLength }), bytes)).toEqual({ ok: false, reason: "TOO_LARGE" });
    expect(await counts()).toEqual(before);
  });

  it("answers not found on a case the uploader may not open, whatever the file", async () => {
    const before = await counts();
    for (const actor of [people.cloOtherOffice, people.counselOther, people.caseworker, people.admin]) {
      expect(await uploadDocument(actor, input(caseId), pdfBytes("x"))).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await uploadDocument(actor, input(caseId), exeBytes())).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await counts()).toEqual(before);
  });

  it("stores the detected type, the size, the SHA-256 and a safe name, and audits it without personal data", async () => {
    const bytes = pdfBytes("stored as uploaded");
    const id = await upload(people.counsel, caseId, bytes, { fileName: "../../Lettre d’appui\u202E.exe", planItem: { mitigationGround: "UNLIKELY_TO_APPEAR" } });
    const row = await prisma.document.findUniqueOrThrow({ where: { id }, select: { fileName: true, contentType: true, sizeBytes: true, sha256: true, storageKey: true, mitigationGround: true, authorOrgId: true } });
    expect(row).toMatchObject({ fileName: "Lettre d’appui.pdf", contentType: "application/pdf", sizeBytes: bytes.byteLength, mitigationGround: "UNLIKELY_TO_APPEAR", authorOrgId: people.counsel.organizationId });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from((await prisma.documentContent.findUniqueOrThrow({ where: { key: row.storageKey } })).bytes)).toEqual(Buffer.from(bytes));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.upload", entityId: id } });
    expect(event).toMatchObject({ actorId: people.counsel.userId, detentionId: caseId });
    expect(JSON.stringify(event.metadata)).not.toContain("Lettre");
  });

  it("refuses the same file twice from one organisation on one case, even sent at the same moment", async () => {
    const bytes = pdfBytes(`double submit ${randomUUID()}`);
    const before = await counts();
    const results = await Promise.all([uploadDocument(people.clo, input(caseId, { sizeBytes: bytes.byteLength }), bytes), uploadDocument(people.clo, input(caseId, { sizeBytes: bytes.byteLength }), bytes)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "DUPLICATE" }]);
    const after = await counts();
    expect({ documents: after.documents - before.documents, contents: after.contents - before.contents }).toEqual({ documents: 1, contents: 1 });
  });

  it("shares with a provider only within a referral and the person's consent covering the plan, and only by the office", async () => {
    const before = await counts();
    expect(await uploadDocument(people.clo, input(caseId, { providers: [otherProviderOrg.id] }), pdfBytes("to B"))).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await uploadDocument(people.counsel, input(caseId, { providers: [providerOrg.id] }), pdfBytes("from counsel"))).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await uploadDocument(people.clo, input(otherClientCaseId, { providers: [providerOrg.id] }), pdfBytes("other client"))).toEqual({ ok: false, reason: "PROVIDER_NOT_ALLOWED" });
    expect(await counts()).toEqual(before);
    expect((await documentFormOptions(people.clo, caseId))?.providers).toEqual([{ organizationId: providerOrg.id, name: providerOrg.name }]);
    expect((await documentFormOptions(people.counsel, caseId))?.providers).toEqual([]);
    expect((await documentFormOptions(people.counsel, caseId))?.referrals).toEqual([]);
    expect(await documentFormOptions(people.caseworker, caseId)).toBeNull();
  });

  it("offers the same options on the case page, from the case file it read, as from a read of its own", async () => {
    // With a plan to attach to: its measures and two guarantors, in the order they were proposed.
    const plan = await prisma.releasePlan.upsert({ where: { detentionId: caseId }, create: { detentionId: caseId, measures: ["VOICE_REPORTING", "CCMS"] }, update: {}, select: { id: true } });
    for (const name of ["Guarantor B", "Guarantor A"]) await prisma.bondsperson.create({ data: { planId: plan.id, name, relationship: "friend", proposedById: people.clo.userId } });
    for (const actor of [people.clo, people.supervisor, people.counsel]) {
      const caseFile = await getCaseFile(actor, caseId);
      expect(caseFile).not.toBeNull();
      const options = await documentFormOptions(actor, caseId);
      expect(options?.bondspersons.map((bondsperson) => bondsperson.name)).toEqual(["Guarantor B", "Guarantor A"]);
      expect(await documentFormOptionsForCaseFile(actor, caseFile!)).toEqual(options);
    }
  });

  it("attaches only to a plan item of the same case", async () => {
    const otherReferral = await prisma.referral.findFirstOrThrow({ where: { detentionId: caseId, id: { not: referralId } }, select: { id: true } });
    expect(await uploadDocument(people.clo, input(otherClientCaseId, { planItem: { referralId: otherReferral.id } }), pdfBytes("wrong case"))).toEqual({ ok: false, reason: "PLAN_ITEM" });
    expect(await uploadDocument(people.clo, input(caseId, { planItem: { bondspersonId: randomUUID() } }), pdfBytes("no such guarantor"))).toEqual({ ok: false, reason: "PLAN_ITEM" });
    expect(await uploadDocument(people.clo, input(caseId, { planItem: { mitigationGround: "DANGER_TO_PUBLIC" } }), pdfBytes("not a ground of this case"))).toEqual({ ok: false, reason: "PLAN_ITEM" });
    // Counsel does not see referrals: attaching to one is refused.
    expect(await uploadDocument(people.counsel, input(caseId, { planItem: { referralId } }), pdfBytes("counsel on a referral"))).toEqual({ ok: false, reason: "PLAN_ITEM" });
  });
});

describe("downloading", () => {
  it("returns the bytes and type, and audits the download in the same transaction", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "document.download", entityId: docs.counselShared } });
    const result = await downloadDocument(people.clo, docs.counselShared);
    expect(result).toMatchObject({ ok: true, fileName: "bondsperson proof.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    if (result.ok) expect(Buffer.from(result.bytes)).toEqual(Buffer.from(docxBytes()));
    const events = await prisma.auditEvent.findMany({ where: { action: "document.download", entityId: docs.counselShared }, orderBy: { id: "desc" } });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ actorId: people.clo.userId, detentionId: caseId, entityType: "Document" });
  });

  it("writes no audit event for a refused download", async () => {
    const before = await counts();
    expect(await downloadDocument(people.cloOtherOffice, docs.cloShared)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await downloadDocument(people.clo, docs.counselPrivate)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await downloadDocument(people.clo, randomUUID())).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("refuses to serve bytes that no longer match their SHA-256, and audits nothing", async () => {
    const id = await upload(people.clo, caseId, pdfBytes("tampered later"), { sharing: "OWN_ORGANISATION" });
    const { storageKey } = await prisma.document.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
    await prisma.documentContent.update({ where: { key: storageKey }, data: { bytes: new Uint8Array(pdfBytes("something else")) } });
    const before = await counts();
    await expect(downloadDocument(people.clo, id)).rejects.toThrow(/DOCUMENT_INTEGRITY/);
    expect(await counts()).toEqual(before);
  });
});

describe("removing", () => {
  it("is for the author's organisation only; it deletes the row and the bytes and is audited", async () => {
    const id = await upload(people.counsel, caseId, pdfBytes(`to remove ${randomUUID()}`));
    const { storageKey } = await prisma.document.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
    const before = await counts();
    for (const actor of [people.clo, people.supervisor, people.counselOther, people.caseworker, people.admin]) {
      expect(await removeDocument(actor, { detentionId: caseId, documentId: id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    }
    expect(await counts()).toEqual(before);
    expect(await removeDocument(people.counsel, { detentionId: caseId, documentId: id })).toEqual({ ok: true });
    expect(await prisma.document.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.documentContent.findUnique({ where: { key: storageKey } })).toBeNull();
    expect(await prisma.auditEvent.findFirst({ where: { action: "document.remove", entityId: id } })).toMatchObject({ actorId: people.counsel.userId, detentionId: caseId });
    // Removed twice (a double click): the second finds nothing.
    expect(await removeDocument(people.counsel, { detentionId: caseId, documentId: id })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
