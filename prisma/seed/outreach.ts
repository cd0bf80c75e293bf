import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localToday } from "@/lib/time/facility-clock";

/**
 * The demo's outreach (fictional): each office's CLOs are the point of contact for the community organisations of
 * their region, and the log shows it: contacts over the last months, each with what was said, some with a next step
 * (one done, one due this week, one overdue). Written once: an office that already has outreach is left as it is.
 */
const DAY = 24 * 60 * 60 * 1000;

type DemoContact = { office: string; clo: string; provider: string; daysAgo: number; topic: string; outcome: string; nextStep?: { text: string; inDays: number; done?: boolean } };

const CONTACTS: DemoContact[] = [
  { office: "CBSA Greater Toronto Area Region", clo: "clo.toronto@liaison.example", provider: "Rainbow Newcomer Network", daysAgo: 40, topic: "Peer support for LGBTQ+ people on release", outcome: "Takes referrals by e-mail; answers within two days.", nextStep: { text: "Share the referral packet format", inDays: -30, done: true } },
  { office: "CBSA Greater Toronto Area Region", clo: "clo.toronto@liaison.example", provider: "Harbour House Women's Shelter", daysAgo: 12, topic: "Beds for women leaving detention", outcome: "Two beds most weeks; needs 24 hours' notice.", nextStep: { text: "Confirm the weekend intake contact", inDays: -2 } },
  { office: "CBSA Greater Toronto Area Region", clo: "clo2.toronto@liaison.example", provider: "Scarborough Settlement Hub", daysAgo: 5, topic: "Settlement help and reporting support", outcome: "Can accompany people to reporting appointments.", nextStep: { text: "Visit the hub with the supervisor", inDays: 4 } },
  { office: "CBSA Quebec Region", clo: "clo.montreal@liaison.example", provider: "Maison d'accueil francophone", daysAgo: 20, topic: "Hébergement à la sortie", outcome: "Trois places ce mois-ci; entrevue par téléphone." },
  { office: "CBSA Pacific Region", clo: "clo.vancouver@liaison.example", provider: "Coast Newcomer Family Services", daysAgo: 9, topic: "Families with children on release", outcome: "Family rooms available; asks for the children's ages in advance.", nextStep: { text: "Send the family intake checklist", inDays: 1 } },
];

export async function seedOutreach(prisma: PrismaClient, now: Date): Promise<void> {
  for (const contact of CONTACTS) {
    const office = await prisma.organization.findFirst({ where: { kind: "CBSA_OFFICE", name: contact.office }, select: { id: true, timeZone: true } });
    const clo = await prisma.user.findUnique({ where: { email: contact.clo }, select: { id: true } });
    const provider = await prisma.serviceProvider.findFirst({ where: { organization: { name: contact.provider } }, select: { id: true } });
    if (!office || !clo || !provider) continue;
    if ((await prisma.outreachContact.count({ where: { officeId: office.id, providerId: provider.id, cloId: clo.id } })) > 0) continue;
    // Dates are days on the office's calendar, stored at midnight UTC like every date without a time.
    const day = (offset: number) => new Date(`${localToday(office.timeZone, new Date(now.getTime() + offset * DAY))}T00:00:00Z`);
    await prisma.outreachContact.create({
      data: {
        officeId: office.id,
        cloId: clo.id,
        providerId: provider.id,
        organizationName: contact.provider,
        contactedOn: day(-contact.daysAgo),
        topic: contact.topic,
        outcome: contact.outcome,
        nextStep: contact.nextStep?.text ?? null,
        nextStepDueOn: contact.nextStep ? day(contact.nextStep.inDays) : null,
        nextStepDoneAt: contact.nextStep?.done ? new Date(now.getTime() + (contact.nextStep.inDays - 1) * DAY) : null,
      },
    });
  }
}
