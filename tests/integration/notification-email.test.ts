import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { caseDatabase } from "./case-database";
import { actorFor } from "@/tests/support/actors";

/**
 * Notification e-mail against a real SMTP server started here (smtp-server), each message parsed with mailparser:
 * the recipient's language, a text and an HTML part, absolute links to the configured origin, and no person's name,
 * date of birth or UCI in any message; preferences (off writes nothing, a digest waits for its hour); escalations
 * cannot be switched off; an e-mail is sent once with two deliverers running at once; retries end in FAILED and are
 * logged as a code only; notifications are deleted after 90 days.
 */
const ORIGIN = "https://liaison.test.example";
const REFUSED_ADDRESS = "refused.mailbox@liaison.example";
const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === REFUSED_ADDRESS) return callback(Object.assign(new Error(`Mailbox ${REFUSED_ADDRESS} unavailable`), { responseCode: 550 }));
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream).then(
      (mail) => {
        received.push(mail);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;
// Read lazily by lib/env on first use: set before any module reads it (the demo seed below writes notifications).
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.MAIL_FROM = "Liaison <no-reply@liaison.test.example>";
process.env.NEXTAUTH_URL = `${ORIGIN}/`;

const now = new Date();
const database = await caseDatabase(now);
const prisma = database.prisma;
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { deliverPendingEmails, sendDueDigests, EMAIL_MAX_ATTEMPTS } = await import("@/lib/notifications/email/mutations");
const { saveNotificationPreferences } = await import("@/lib/notifications/preferences/mutations");
const { routeByPreferences } = await import("@/lib/notifications/preferences/mutations");
const { deleteExpiredNotifications } = await import("@/lib/notifications/mutations");
const { assignDetention } = await import("@/lib/detentions/mutations");
const { recordConsent } = await import("@/lib/consent/mutations");
const { getComposeView } = await import("@/lib/referrals/compose-queries");
const { sendReferral } = await import("@/lib/referrals/mutations");
const { registerEmailKick } = await import("@/lib/jobs/kick");
const { startJobRunner } = await import("@/lib/jobs/runner");
const { jobRunnerHealth } = await import("@/lib/jobs/queries");
const { localClock } = await import("@/lib/notifications/preferences-rules");

afterAll(async () => {
  registerEmailKick(null);
  await db().$disconnect();
  await database.drop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const bodyOf = (mail: ParsedMail) => `${mail.subject ?? ""}\n${mail.text ?? ""}\n${typeof mail.html === "string" ? mail.html : ""}`;
const recipientOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "";
const linkOf = (id: string) => `${ORIGIN}/notifications/${id}/open`;
const mailsLinking = (id: string) => received.filter((mail) => bodyOf(mail).includes(linkOf(id)));

async function emailOf(email: string) {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
}

/** A detained case of an office not assigned to this user, with its version. */
async function caseToAssign(referencePrefix: string, notAssignedTo: string) {
  return prisma.detention.findFirstOrThrow({
    where: { reference: { startsWith: referencePrefix }, status: "DETAINED", OR: [{ assignedCloId: null }, { assignedCloId: { not: notAssignedTo } }] },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, version: true },
  });
}

async function assignTo(supervisorEmail: string, referencePrefix: string, cloEmail: string) {
  const clo = await emailOf(cloEmail);
  const detention = await caseToAssign(referencePrefix, clo.id);
  const result = await assignDetention(await actorFor(prisma, supervisorEmail), { detentionId: detention.id, version: detention.version, cloId: clo.id });
  expect(result.ok).toBe(true);
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "detention.assign", detentionId: detention.id }, orderBy: { id: "desc" }, select: { id: true } });
  const rows = await prisma.notification.findMany({ where: { key: `audit:${event.id}`, recipientId: clo.id }, select: { id: true, emailState: true } });
  return { detention, clo, rows };
}

function torontoLocalNow() {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(Date.now() - 60_000));
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

async function sendReferralToRainbow() {
  const clo = await actorFor(prisma, "clo.toronto@liaison.example");
  const detention = await prisma.detention.findFirstOrThrow({ where: { reference: { startsWith: "TOR-" }, status: "DETAINED", assignedCloId: { not: null } }, orderBy: { reference: "asc" }, select: { id: true } });
  const provider = await prisma.serviceProvider.findFirstOrThrow({ where: { organization: { name: "Rainbow Newcomer Network" } }, select: { id: true, organizationId: true } });
  const consent = await recordConsent(clo, {
    detentionId: detention.id,
    recipientOrgId: provider.organizationId,
    purpose: "Housing on release",
    fields: ["IDENTITY", "NEEDS"],
    method: "WRITTEN",
    interpreterLanguage: "",
    givenAt: torontoLocalNow(),
  } as never);
  if (!consent.ok) throw new Error(`consent refused: ${consent.reason}`);
  const compose = await getComposeView(clo, detention.id, { providerId: provider.id, consentId: consent.consentId });
  const sent = await sendReferral(clo, { detentionId: detention.id, providerId: provider.id, consentId: consent.consentId, fields: compose!.chosenFields, previewDigest: compose!.digest!, message: null });
  if (!sent.ok) throw new Error(`send refused: ${sent.reason}`);
  return sent.referralId;
}

/** Fictional data a message must never carry: every person's name, date of birth (as written in either language) and UCI, and every user's name. */
async function personalData(): Promise<string[]> {
  const people = await prisma.detainee.findMany({ select: { givenName: true, familyName: true, dateOfBirth: true, clientId: true } });
  const users = await prisma.user.findMany({ select: { name: true } });
  const written = (date: Date, locale: string) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" }).format(date);
  return [
    ...people.flatMap((person) => [
      `${person.givenName} ${person.familyName}`,
      person.familyName,
      person.dateOfBirth.toISOString().slice(0, 10),
      written(person.dateOfBirth, "en-CA"),
      written(person.dateOfBirth, "fr-CA"),
      ...(person.clientId ? [person.clientId] : []),
    ]),
    ...users.map((user) => user.name),
  ];
}

describe("e-mail at once", () => {
  it("a referral received and a case assigned reach each recipient in their language, with a text and an HTML part and absolute links to the app", async () => {
    const referralId = await sendReferralToRainbow();
    const caseworker = await emailOf("caseworker.rainbow@liaison.example");
    const received_ = await prisma.notification.findFirstOrThrow({ where: { recipientId: caseworker.id, kind: "REFERRAL_RECEIVED", path: `/referrals/${referralId}` }, select: { id: true, emailState: true } });
    expect(received_.emailState).toBe("PENDING");
    const montreal = await assignTo("supervisor.montreal@liaison.example", "MTL-", "clo.montreal@liaison.example");
    expect(montreal.rows).toHaveLength(1);
    expect(montreal.rows[0]!.emailState).toBe("PENDING");

    const counts = await deliverPendingEmails(new Date());
    expect(counts.sent).toBeGreaterThanOrEqual(2);

    const [english] = mailsLinking(received_.id);
    expect(mailsLinking(received_.id)).toHaveLength(1);
    expect(recipientOf(english!)).toBe(caseworker.email);
    expect(english!.subject).toBe("Liaison: A new referral was sent to your organisation.");
    expect(english!.text).toContain(`Open it in Liaison: ${linkOf(received_.id)}`);
    expect(english!.html).toContain(`href="${linkOf(received_.id)}"`);
    expect(english!.html).toContain('<html lang="en">');

    const [french] = mailsLinking(montreal.rows[0]!.id);
    expect(recipientOf(french!)).toBe(montreal.clo.email);
    expect(french!.subject).toBe(`Liaison : ${montreal.detention.reference} vous a été assigné.`);
    expect(french!.text).toContain(`L'ouvrir dans Liaison : ${linkOf(montreal.rows[0]!.id)}`);
    expect(french!.html).toContain('<html lang="fr">');

    for (const mail of [english!, french!]) {
      // Every link is absolute, on the configured origin.
      const links = [...(typeof mail.html === "string" ? mail.html : "").matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${ORIGIN}/`)).toBe(true);
    }
    const rows = await prisma.notification.findMany({ where: { id: { in: [received_.id, montreal.rows[0]!.id] } }, select: { emailState: true, emailedAt: true, emailAttempts: true } });
    expect(rows.every((row) => row.emailState === "SENT" && row.emailedAt !== null && row.emailAttempts === 1)).toBe(true);
  });

  it("nudges the e-mail job right after a notification to e-mail is written", async () => {
    const kick = vi.fn();
    registerEmailKick(kick);
    await assignTo("supervisor.toronto@liaison.example", "TOR-", "clo2.toronto@liaison.example");
    await vi.waitFor(() => expect(kick).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    registerEmailKick(null);
  });
});

describe("the job runner running in this process", () => {
  it("e-mails a change's notification within seconds of its commit, with no one calling the delivery", async () => {
    const boss = await startJobRunner();
    try {
      const { rows } = await assignTo("supervisor.toronto@liaison.example", "TOR-", "clo.toronto@liaison.example");
      const committed = Date.now();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.emailState).toBe("PENDING");
      await vi.waitFor(() => expect(mailsLinking(rows[0]!.id)).toHaveLength(1), { timeout: 15_000, interval: 100 });
      // The nudge waits a second for the commit, then pg-boss runs the delivery: seconds, not the minutely sweep.
      expect(Date.now() - committed).toBeLessThan(15_000);
      expect((await prisma.notification.findUniqueOrThrow({ where: { id: rows[0]!.id }, select: { emailState: true } })).emailState).toBe("SENT");
    } finally {
      registerEmailKick(null);
      await boss.stop({ graceful: false, wait: true });
    }
  });
});

describe("preferences", () => {
  it("off writes no notification at all", async () => {
    const actor = await actorFor(prisma, "clo.toronto@liaison.example");
    expect(await saveNotificationPreferences(actor, { version: 0, digestHour: 7, timeZone: "America/Toronto", channels: { CASE_ASSIGNED: "OFF" } })).toEqual({ ok: true });
    const { rows } = await assignTo("supervisor.toronto@liaison.example", "TOR-", "clo.toronto@liaison.example");
    expect(rows).toHaveLength(0);
  });

  it("a digest kind is not e-mailed at once; one digest goes at the user's local hour, once, even with two workers", async () => {
    const actor = await actorFor(prisma, "clo2.toronto@liaison.example");
    expect(await saveNotificationPreferences(actor, { version: 0, digestHour: 9, timeZone: "America/Vancouver", channels: { CASE_ASSIGNED: "DIGEST" } })).toEqual({ ok: true });
    const first = await assignTo("supervisor.toronto@liaison.example", "TOR-", "clo2.toronto@liaison.example");
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]!.emailState).toBe("DIGEST");
    await deliverPendingEmails(new Date());
    expect(mailsLinking(first.rows[0]!.id)).toHaveLength(0);

    // The first 09:00 in Vancouver more than a day from now (a controllable clock, passed in).
    let at = new Date(Math.ceil((Date.now() + DAY) / HOUR) * HOUR);
    while (localClock(at, "America/Vancouver").hour !== 9) at = new Date(at.getTime() + HOUR);
    const toClo2 = () => received.filter((mail) => recipientOf(mail) === first.clo.email && /daily summary/.test(mail.subject ?? ""));

    await sendDueDigests(new Date(at.getTime() - 60_000));
    expect(toClo2()).toHaveLength(0);
    await Promise.all([sendDueDigests(at), sendDueDigests(at)]);
    expect(toClo2()).toHaveLength(1);
    const digest = toClo2()[0]!;
    expect(digest.text).toContain(linkOf(first.rows[0]!.id));
    expect(digest.text).toContain(first.detention.reference);
    expect(typeof digest.html === "string" && digest.html.includes(`href="${linkOf(first.rows[0]!.id)}"`)).toBe(true);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first.rows[0]!.id }, select: { emailState: true } })).emailState).toBe("DIGESTED");

    // Later the same local day: nothing more, even with something new waiting.
    const second = await assignTo("supervisor.toronto@liaison.example", "TOR-", "clo2.toronto@liaison.example");
    await sendDueDigests(new Date(at.getTime() + 30 * 60_000));
    expect(toClo2()).toHaveLength(1);
    // The next local day at the hour: the new one.
    await sendDueDigests(new Date(at.getTime() + DAY));
    expect(toClo2()).toHaveLength(2);
    expect(toClo2()[1]!.text).toContain(linkOf(second.rows[0]!.id));
    expect(await prisma.notificationDigest.count({ where: { userId: first.clo.id } })).toBe(2);
  });

  it("an escalation cannot be switched off: the server refuses, and an 'off' stored anyway is not obeyed", async () => {
    const actor = await actorFor(prisma, "supervisor.toronto@liaison.example");
    for (const kind of ["REVIEW_OVERDUE", "ASSESSMENT_OVERDUE", "TASK_OVERDUE"] as const) {
      expect(await saveNotificationPreferences(actor, { version: 0, digestHour: 7, timeZone: "America/Toronto", channels: { [kind]: "OFF" } })).toEqual({ ok: false, reason: "ESCALATION_REQUIRED" });
    }
    expect(await prisma.notificationSettings.count({ where: { userId: actor.userId } })).toBe(0);
    await prisma.notificationSettings.create({ data: { userId: actor.userId, channels: { ASSESSMENT_OVERDUE: "OFF", BONDSPERSON_PROPOSED: "OFF" } } });
    const routed = await routeByPreferences(db(), [
      { recipientId: actor.userId, kind: "ASSESSMENT_OVERDUE" as const },
      { recipientId: actor.userId, kind: "BONDSPERSON_PROPOSED" as const },
    ], now);
    expect(routed.map((row) => [row.kind, row.emailState])).toEqual([["ASSESSMENT_OVERDUE", "PENDING"]]);
  });

  it("a stale version is refused and changes nothing", async () => {
    const actor = await actorFor(prisma, "clo.toronto@liaison.example");
    expect(await saveNotificationPreferences(actor, { version: 0, digestHour: 5, timeZone: "America/Toronto", channels: {} })).toEqual({ ok: false, reason: "STALE_VERSION" });
    expect(await saveNotificationPreferences(actor, { version: 1, digestHour: 6, timeZone: "America/Halifax", channels: { CASE_ASSIGNED: "EMAIL" } })).toEqual({ ok: true });
    expect(await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: actor.userId }, select: { version: true, digestHour: true, timeZone: true } })).toEqual({ version: 2, digestHour: 6, timeZone: "America/Halifax" });
  });
});

describe("delivery", () => {
  it("sends each e-mail once with two deliverers running at the same moment", async () => {
    await deliverPendingEmails(new Date());
    const user = await emailOf("clo.vancouver@liaison.example");
    const ids: string[] = [];
    for (let index = 0; index < 45; index += 1) {
      const row = await prisma.notification.create({
        data: { recipientId: user.id, kind: "CASE_ASSIGNED", key: `concurrency:${index}`, reference: `TST-CONC-${index}`, path: "/cases", emailState: "PENDING", emailNextAt: new Date() },
        select: { id: true },
      });
      ids.push(row.id);
    }
    const { smtpMailer } = await import("@/lib/notifications/email/mailer");
    const smtpSend = smtpMailer();
    const slow = { send: async (email: Parameters<typeof smtpSend.send>[0]) => (await new Promise((resolve) => setTimeout(resolve, 5)), smtpSend.send(email)) };
    const [one, two] = await Promise.all([deliverPendingEmails(new Date(), slow), deliverPendingEmails(new Date(), slow)]);
    expect(one.sent + two.sent).toBe(45);
    expect(one.sent).toBeGreaterThan(0);
    expect(two.sent).toBeGreaterThan(0);
    for (const id of ids) expect(mailsLinking(id)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { id: { in: ids }, emailState: "SENT" } })).toBe(45);
  });

  it("a refused address is retried with a growing delay, then marked FAILED, and logged as a code only", async () => {
    const user = await prisma.user.update({ where: { email: "counsel.marchand@liaison.example" }, data: { email: REFUSED_ADDRESS }, select: { id: true } });
    const row = await prisma.notification.create({
      data: { recipientId: user.id, kind: "REVIEW_OVERDUE", key: "refused:1", reference: "TST-REFUSED", path: "/clients", emailState: "PENDING", emailNextAt: now },
      select: { id: true },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let clock = now.getTime();
    try {
      for (let attempt = 1; attempt <= EMAIL_MAX_ATTEMPTS; attempt += 1) {
        const counts = await deliverPendingEmails(new Date(clock));
        const after = await prisma.notification.findUniqueOrThrow({ where: { id: row.id }, select: { emailState: true, emailAttempts: true, emailNextAt: true } });
        expect(after.emailAttempts).toBe(attempt);
        if (attempt < EMAIL_MAX_ATTEMPTS) {
          expect(after.emailState).toBe("PENDING");
          expect(counts.retried).toBe(1);
          // Not tried again before its time.
          expect((await deliverPendingEmails(new Date(clock + 1_000))).retried).toBe(0);
          clock = after.emailNextAt!.getTime();
        } else {
          expect(after.emailState).toBe("FAILED");
          expect(counts.failed).toBe(1);
        }
      }
      const lines = errors.mock.calls.map((call) => call.join(" "));
      expect(lines.length).toBeGreaterThanOrEqual(EMAIL_MAX_ATTEMPTS);
      for (const line of lines) {
        expect(line).toMatch(/^\[mail\] send failed code=SMTP550$/);
        expect(line).not.toContain("@");
      }
    } finally {
      errors.mockRestore();
    }
    expect(mailsLinking(row.id)).toHaveLength(0);
  });

  it("the administrators' view counts the outbox without naming anyone; nobody else gets it", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const health = await jobRunnerHealth(admin);
    expect(health?.mail.configured).toBe(true);
    expect(health?.mail.failed).toBeGreaterThanOrEqual(1);
    expect(health?.mail.digestWaiting).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(health)).not.toContain("@");
    expect(await jobRunnerHealth(await actorFor(prisma, "supervisor.toronto@liaison.example"))).toBeNull();
  });
});

describe("retention", () => {
  it("deletes notifications older than 90 days and keeps newer ones", async () => {
    const user = await emailOf("clo.vancouver@liaison.example");
    const old = await prisma.notification.create({ data: { recipientId: user.id, kind: "CASE_ASSIGNED", key: "retention:old", path: "/", createdAt: new Date(now.getTime() - 91 * DAY) }, select: { id: true } });
    const recent = await prisma.notification.create({ data: { recipientId: user.id, kind: "CASE_ASSIGNED", key: "retention:recent", path: "/", createdAt: new Date(now.getTime() - 89 * DAY) }, select: { id: true } });
    await prisma.notificationDigest.createMany({
      data: [
        { userId: user.id, localDate: "2000-01-01", claimedAt: new Date(now.getTime() - 91 * DAY), sentAt: new Date(now.getTime() - 91 * DAY), count: 1 },
        { userId: user.id, localDate: "2000-01-02", claimedAt: new Date(now.getTime() - 89 * DAY), sentAt: new Date(now.getTime() - 89 * DAY), count: 1 },
      ],
    });
    const deleted = await deleteExpiredNotifications(new Date(now.getTime() - 90 * DAY));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await prisma.notification.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await prisma.notification.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect((await prisma.notificationDigest.findMany({ where: { userId: user.id, localDate: { startsWith: "2000-" } }, select: { localDate: true } })).map((row) => row.localDate)).toEqual(["2000-01-02"]);
  });
});

describe("every message sent by this file", () => {
  it("none carries a person's name, date of birth or UCI, nor anyone's name", async () => {
    await deliverPendingEmails(new Date());
    expect(received.length).toBeGreaterThan(0);
    const forbidden = await personalData();
    expect(forbidden.length).toBeGreaterThan(100);
    for (const mail of received) {
      const body = bodyOf(mail);
      for (const value of forbidden) expect(body.includes(value), `a message holds a seeded value`).toBe(false);
    }
  });
});
