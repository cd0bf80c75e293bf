/**
 * The trafficking screen (docs/domain.md, Trafficking screening): recorded only after the disclosure of risks is
 * confirmed, setting the trafficking flag in the same transaction; seen by exactly the flag's audience; never in any
 * export; and behind the specialised-support suggestion in matching, for that audience only. On the real database.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { caseDatabase, insertDetention } from "@/tests/integration/case-database";
import { richCase } from "@/tests/integration/bundle-fixtures";
import { traffickingScreenInput } from "@/tests/support/trafficking-screen";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { Actor } from "@/lib/authz";
import type { TraffickingIndicator } from "@/lib/generated/prisma/enums";
import { TRAFFICKING_INDICATORS } from "@/lib/trafficking/rules";
import { CONSENT_FIELDS, buildPacket } from "@/lib/referrals/packet";
import { REPORT_GROUPINGS, REPORT_TABLES } from "@/lib/reports/schema";
import type { RecordTraffickingScreenInput } from "@/lib/trafficking/schema";

const now = new Date();
const HOUR = 3_600_000;
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { getCaseFile } = await import("@/lib/case-file/queries");
const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");
const { traffickingScreensForCase } = await import("@/lib/trafficking/queries");
const { matchProvidersForCase } = await import("@/lib/providers/queries");
const { loadPacketSource } = await import("@/lib/referrals/packet-queries");
const { exportReportCsv } = await import("@/lib/reports/export");
const { exportAuditCsv } = await import("@/lib/audit/export");
const { exportTargetsCsv } = await import("@/lib/targets/export");
const { createFeed } = await import("@/lib/calendar/mutations");
const { GET: calendarFeed } = await import("@/app/api/calendar/[token]/route");
const { loadHearingBundle } = await import("@/lib/bundle/queries");
const { generateHearingBundle } = await import("@/lib/bundle/generate");

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const TORONTO = "CBSA Greater Toronto Area Region";
const assigned = await actorFor(prisma, "clo.toronto@liaison.example");
const otherClo = await actorFor(prisma, "clo2.toronto@liaison.example");
const supervisor = await actorFor(prisma, "supervisor.toronto@liaison.example");
const counsel = await actorFor(prisma, "counsel.clinic@liaison.example");
const otherCounsel = await actorFor(prisma, "counsel.marchand@liaison.example");
const caseworker = await actorFor(prisma, "caseworker.harbour@liaison.example");
const admin = await actorFor(prisma, "admin@liaison.example");

async function freshCase() {
  const detainedAt = new Date(now.getTime() - 20 * HOUR);
  return insertDetention(prisma, { officeName: TORONTO, detainedAt, nextReviewDueBy: new Date(detainedAt.getTime() + 48 * HOUR), assignedCloId: assigned.userId });
}

const screen = traffickingScreenInput;

const traffickingFlag = (detentionId: string) => prisma.screeningFlag.findFirst({ where: { screening: { detentionId }, flag: "TRAFFICKING_INDICATORS" }, select: { consentRecordedAt: true } });

describe("recording a trafficking screen", () => {
  it("records nothing without the confirmation that the person was told the risks of disclosure and agrees", async () => {
    const { id } = await freshCase();
    const unconfirmed = { ...screen(id), disclosureConfirmed: false } as unknown as RecordTraffickingScreenInput;
    const audits = await prisma.auditEvent.count();
    expect(await recordTraffickingScreen(assigned, unconfirmed, now)).toEqual({ ok: false, reason: "DISCLOSURE_REQUIRED" });
    expect(await prisma.traffickingScreen.count({ where: { detentionId: id } })).toBe(0);
    expect(await traffickingFlag(id)).toBeNull();
    expect(await prisma.auditEvent.count()).toBe(audits);
  });

  it.each([
    ["INDICATORS_OF_TRAFFICKING", ["CONTROL_DOCUMENTS_HELD"], true],
    ["EXPLOITATION", ["DEBT_WAGES_WITHHELD"], true],
    ["NO_INDICATORS_IDENTIFIED", [], false],
  ] as const)("an outcome of %s sets the trafficking flag (%s) in the same transaction, audited with ids only", async (outcome, indicators, setsFlag) => {
    const { id } = await freshCase();
    const result = await recordTraffickingScreen(assigned, screen(id, { outcome, indicators: [...indicators], interpreterLanguage: "Tagalog" }), now);
    if (!result.ok) throw new Error(result.reason);
    const stored = await prisma.traffickingScreen.findUniqueOrThrow({ where: { id: result.screenId } });
    expect(stored).toMatchObject({ outcome, indicators, disclosureMethod: "IN_PERSON", interpreterLanguage: "Tagalog", recordedById: assigned.userId });
    expect(stored.disclosureConfirmedAt.getTime()).toBe(now.getTime());
    const flag = await traffickingFlag(id);
    if (setsFlag) expect(flag?.consentRecordedAt?.getTime()).toBe(now.getTime());
    else expect(flag).toBeNull();
    // The early assessment follows the flag (computed on read).
    expect((await getCaseFile(assigned, id))!.assessmentDeadline.basis === "VULNERABILITY_48_HOURS").toBe(setsFlag);
    const events = await prisma.auditEvent.findMany({ where: { detentionId: id, action: "trafficking.screen.record" }, select: { entityType: true, entityId: true, metadata: true } });
    expect(events).toEqual([{ entityType: "TraffickingScreen", entityId: result.screenId, metadata: null }]);
  });

  it("a later screen with no indicators leaves the flag: not disclosing is not evidence of no exploitation", async () => {
    const { id } = await freshCase();
    expect((await recordTraffickingScreen(assigned, screen(id), now)).ok).toBe(true);
    expect((await recordTraffickingScreen(assigned, screen(id, { outcome: "NO_INDICATORS_IDENTIFIED", indicators: [], controlNotes: null }), new Date(now.getTime() + HOUR))).ok).toBe(true);
    expect(await traffickingFlag(id)).not.toBeNull();
    const seen = await traffickingScreensForCase(assigned, id);
    expect(seen!.screens.map((entry) => entry.outcome)).toEqual(["NO_INDICATORS_IDENTIFIED", "INDICATORS_OF_TRAFFICKING"]);
  });

  it("is recorded by the assigned CLO and supervisors only: not another CLO of the office, counsel, a caseworker or an admin", async () => {
    const { id, detaineeId } = await freshCase();
    await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId: counsel.userId } });
    for (const refused of [otherClo, counsel, otherCounsel, caseworker, admin]) expect(await recordTraffickingScreen(refused, screen(id), now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await prisma.traffickingScreen.count({ where: { detentionId: id } })).toBe(0);
    expect((await recordTraffickingScreen(supervisor, screen(id), now)).ok).toBe(true);
  });
});

describe("who sees a trafficking screen", () => {
  it("exactly those who see the trafficking flag: the assigned CLO, supervisors and counsel of record", async () => {
    const { id, detaineeId } = await freshCase();
    await prisma.detainee.update({ where: { id: detaineeId }, data: { counselId: counsel.userId } });
    expect((await recordTraffickingScreen(assigned, screen(id), now)).ok).toBe(true);
    const people: [string, Actor, boolean][] = [
      ["assigned CLO", assigned, true],
      ["other CLO of the office", otherClo, false],
      ["supervisor", supervisor, true],
      ["counsel of record", counsel, true],
      ["other counsel", otherCounsel, false],
      ["caseworker", caseworker, false],
      ["admin", admin, false],
    ];
    for (const [who, actor, sees] of people) {
      const flagSeen = ((await getCaseFile(actor, id))?.screening?.flags ?? []).some((entry) => entry.flag === "TRAFFICKING_INDICATORS");
      const screens = await traffickingScreensForCase(actor, id);
      expect(flagSeen, `${who} sees the flag`).toBe(sees);
      expect(screens !== null, `${who} sees the screen`).toBe(sees);
      if (sees) expect(screens!.screens.map((entry) => entry.controlNotes), who).toEqual(["Employer keeps the passport"]);
    }
    // The screen follows the assignment, as the flag does.
    await prisma.detention.update({ where: { id }, data: { assignedCloId: otherClo.userId } });
    expect(await traffickingScreensForCase(otherClo, id)).not.toBeNull();
    expect(await traffickingScreensForCase(assigned, id)).toBeNull();
  });
});

describe("matching for a person with indicators", () => {
  it("suggests the specialised provider, and says why, only to a viewer who sees the flag", async () => {
    const { id } = await freshCase();
    const reasonFor = async (actor: Actor) => {
      const matches = await matchProvidersForCase(actor, id);
      const specialised = matches!.matches.find((match) => match.row.services.includes("ANTI_TRAFFICKING"))!;
      return { rank: matches!.matches.indexOf(specialised), reasons: specialised.reasons.filter((reason) => reason.key === "support") };
    };
    const before = { assigned: await reasonFor(assigned), otherClo: await reasonFor(otherClo) };
    expect(before.assigned.reasons).toEqual([]);
    expect((await recordTraffickingScreen(assigned, screen(id, { outcome: "EXPLOITATION" }), now)).ok).toBe(true);
    const after = { assigned: await reasonFor(assigned), supervisor: await reasonFor(supervisor), otherClo: await reasonFor(otherClo) };
    expect(after.assigned.reasons).toEqual([{ key: "support", support: "antiTrafficking", fits: true }]);
    expect(after.supervisor.reasons).toEqual([{ key: "support", support: "antiTrafficking", fits: true }]);
    expect(after.assigned.rank).toBeLessThan(before.assigned.rank);
    // Another CLO of the office reads exactly what they read before: no reason, no change of rank.
    expect(after.otherClo).toEqual(before.otherClo);
    expect(messagesFor("en").providerMatching).toMatchObject({ reasons: { support: { antiTrafficking: "specialised support for people with indicators of trafficking" } } });
  });
});

describe("a trafficking screen never leaves the case file", () => {
  it("appears in no provider packet, CSV export, calendar feed, hearing bundle, notification or e-mail", async () => {
    const { detentionId, reference } = await richCase(prisma, { clo: assigned, counsel });
    await prisma.detention.update({ where: { id: detentionId }, data: { assignedCloId: assigned.userId } });
    const notes = {
      recruitmentNotes: "TSNOTE-recruitment agent in Manila",
      controlNotes: "TSNOTE-control passport with the boss",
      debtNotes: "TSNOTE-debt of 9000 to the agency",
      conditionsNotes: "TSNOTE-conditions sleeps in the storeroom",
      threatsNotes: "TSNOTE-threats to the mother at home",
      marriageNotes: "TSNOTE-marriage arranged by the uncle",
    };
    const notifications = await prisma.notification.count();
    const result = await recordTraffickingScreen(supervisor, screen(detentionId, { indicators: [...TRAFFICKING_INDICATORS] as TraffickingIndicator[], interpreterLanguage: "TSINTERPRETER-Ilocano", ...notes }), now);
    expect(result.ok).toBe(true);
    expect(await prisma.notification.count()).toBe(notifications);

    const forbidden = [
      ...Object.values(notes),
      "TSINTERPRETER",
      ...TRAFFICKING_INDICATORS,
      ...(["en", "fr"] as const).flatMap((locale) => {
        const text = messagesFor(locale).traffickingScreen as { indicators: Record<string, string>; outcomes: Record<string, string> };
        return [...Object.values(text.indicators), text.outcomes.INDICATORS_OF_TRAFFICKING!, text.outcomes.EXPLOITATION!];
      }),
    ];
    const exports: [string, string][] = [];

    // The provider packet, with every field the person could consent to.
    const source = await db().$transaction((tx) => loadPacketSource(tx, assigned, detentionId));
    exports.push(["packet", JSON.stringify(buildPacket(source!, [...CONSENT_FIELDS], [...CONSENT_FIELDS]))]);
    const stored = await prisma.referral.findMany({ where: { detentionId }, select: { packet: true } });
    exports.push(["stored packets", JSON.stringify(stored)]);

    // Every report table, by office, by CLO (a report by person) and by month; the audit log; the targets.
    const day = now.toISOString().slice(0, 10);
    const from = new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
    for (const table of REPORT_TABLES) {
      for (const groupBy of REPORT_GROUPINGS) {
        const csv = await exportReportCsv(supervisor, { table, groupBy, from, to: day });
        if (!csv.ok) throw new Error(`report ${table} by ${groupBy} refused`);
        exports.push([`report ${table} by ${groupBy}`, csv.csv]);
      }
    }
    for (const [who, actor] of [["admin", admin], ["supervisor", supervisor]] as const) {
      const csv = await exportAuditCsv(actor, {});
      if (!csv.ok) throw new Error("audit export refused");
      const text = await new Response(csv.stream).text();
      expect(text, "the screen's event is in the audit log").toContain("trafficking.screen.record");
      exports.push([`audit as ${who}`, text]);
    }
    const targets = await exportTargetsCsv(supervisor, {}, "Unassigned");
    if (!targets.ok) throw new Error("targets export refused");
    exports.push(["targets", targets.csv]);

    // The calendar feeds of the CLO and of counsel of record, with full names.
    for (const actor of [assigned, counsel]) {
      const feed = await createFeed(actor, { includeFullNames: true });
      if (!feed.ok || !feed.token) throw new Error("feed not created");
      const response = await calendarFeed(new Request(`http://localhost/api/calendar/${feed.token}.ics`), { params: Promise.resolve({ token: `${feed.token}.ics` }) });
      expect(response.status).toBe(200);
      exports.push([`calendar of ${actor.name}`, await response.text()]);
    }

    // The hearing bundle: everything it is made of, in both languages, and the PDF itself.
    for (const lang of ["en", "fr"] as const) {
      const model = await loadHearingBundle(supervisor, { detentionId, lang }, now);
      expect(model).not.toBeNull();
      exports.push([`bundle model ${lang}`, JSON.stringify(model)]);
      const pdf = await generateHearingBundle(supervisor, { detentionId, lang }, now);
      if (!pdf.ok) throw new Error("bundle refused");
      // The PDF as a reader gets it (Debian's pdftotext), lines joined again.
      const scratch = mkdtempSync(path.join(tmpdir(), "liaison-trafficking-"));
      try {
        writeFileSync(path.join(scratch, "bundle.pdf"), pdf.pdf);
        const text = execFileSync("pdftotext", [path.join(scratch, "bundle.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
        expect(text).toContain(reference);
        exports.push([`bundle pdf ${lang}`, text]);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }

    // Notifications and their e-mails: none was made by the screen; none anywhere carries it.
    const told = await prisma.notification.findMany({ where: { detentionId } });
    exports.push(["notifications", JSON.stringify(told)]);

    expect(exports.find(([name]) => name === "audit as admin")![1]).toContain(reference);
    for (const [name, text] of exports) {
      for (const secret of forbidden) expect(text.includes(secret), `${name} contains "${secret}"`).toBe(false);
    }
  });
});
