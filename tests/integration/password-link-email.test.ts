import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { actorFor } from "@/tests/support/actors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A password link e-mailed through a real SMTP server started here: the link to the configured origin with the token
 * in the fragment, in the person's language, and nothing else about them (no name, no role, no organisation).
 */
const ORIGIN = "https://liaison.test.example";
const REFUSED_ADDRESS = "refused.link@links-mail.example";
const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === REFUSED_ADDRESS) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
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
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
process.env.MAIL_FROM = "Liaison <no-reply@liaison.test.example>";
process.env.NEXTAUTH_URL = `${ORIGIN}/`;
process.env.DATABASE_URL = inject("databaseUrl");
const { createUser } = await import("@/lib/users/mutations");
const { issuePasswordLink } = await import("@/lib/password-links/mutations");
const { mailPasswordLink } = await import("@/lib/password-links/email");

let prisma: PrismaClient;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  await seedDemo(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("a password link by e-mail", () => {
  it("carries the link and its lifetime, in the person's language, and no name, role or organisation", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const organization = await prisma.organization.findFirstOrThrow({ where: { kind: "SERVICE_PROVIDER" } });
    const name = "Mailed Newcomer Caseworker";
    const created = await createUser(admin, { name, email: "mailed.newcomer@links-mail.example", role: "NGO_CASEWORKER", organizationId: organization.id });
    if (!created.ok) throw new Error("not created");
    expect(await mailPasswordLink(created.recipient, created.link)).toBe("SENT");
    const mail = received.at(-1)!;
    expect(mail.subject).toBe("Choose your Liaison password");
    expect(mail.text).toContain(`${ORIGIN}/set-password#${created.link.token}`);
    expect(mail.text).toContain("72 hours");
    for (const personal of [name, "Mailed", "Newcomer", organization.name, "caseworker"]) {
      expect(`${mail.subject} ${mail.text} ${String(mail.html)}`.toLowerCase()).not.toContain(personal.toLowerCase());
    }

    // A French-speaking user's reset link is in French.
    const french = await prisma.user.findUniqueOrThrow({ where: { email: "caseworker.maison@liaison.example" }, select: { id: true, name: true } });
    await prisma.user.update({ where: { id: french.id }, data: { locale: "fr" } });
    const reset = await issuePasswordLink(admin, { userId: french.id });
    if (!reset.ok) throw new Error("not issued");
    expect(await mailPasswordLink(reset.recipient, reset.link)).toBe("SENT");
    const frenchMail = received.at(-1)!;
    expect(frenchMail.subject).toBe("Choisissez votre mot de passe Liaison");
    expect(frenchMail.text).toContain(`${ORIGIN}/set-password#${reset.link.token}`);
    expect(frenchMail.text).toContain("24 heures");
    expect(frenchMail.text).not.toContain(french.name);
  });

  it("says the e-mail failed when the server refuses it, so the administrator passes the link on", async () => {
    const admin = await actorFor(prisma, "admin@liaison.example");
    const organization = await prisma.organization.findFirstOrThrow({ where: { kind: "SERVICE_PROVIDER" } });
    const created = await createUser(admin, { name: "Refused Mailbox", email: REFUSED_ADDRESS, role: "NGO_CASEWORKER", organizationId: organization.id });
    if (!created.ok) throw new Error("not created");
    expect(await mailPasswordLink(created.recipient, created.link)).toBe("FAILED");
  });
});
