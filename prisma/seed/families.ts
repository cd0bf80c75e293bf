import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Demo data for families and minors (fictional): two families-and-minors lists kept by the Toronto office (one shared
 * with all offices, one with the Quebec office by name), one family of two Toronto detentions linked (a parent housed
 * with a child of 6, whose case gets the MINOR_HOUSED flag, and the other parent), and best-interests considerations on
 * the Toronto case with MINOR_HOUSED. Written once: an office that already has a families-and-minors list is left as it is.
 * The link and the best-interests record are in the audit log, as the app writes them (the lists are demo furniture).
 */
const TORONTO = "CBSA Greater Toronto Area Region";
const QUEBEC = "CBSA Quebec Region";

export async function seedFamilies(prisma: PrismaClient, now: Date): Promise<void> {
  const [toronto, quebec] = await Promise.all([
    prisma.organization.findFirst({ where: { name: TORONTO, kind: "CBSA_OFFICE" }, select: { id: true } }),
    prisma.organization.findFirst({ where: { name: QUEBEC, kind: "CBSA_OFFICE" }, select: { id: true } }),
  ]);
  if (!toronto || !quebec) return;
  if (await prisma.resourceList.count({ where: { officeId: toronto.id, topic: "FAMILIES_AND_MINORS" } })) return;
  const clo = await prisma.user.findFirstOrThrow({ where: { email: "clo.toronto@liaison.example" }, select: { id: true } });
  const providers = await prisma.serviceProvider.findMany({
    where: { organization: { name: { in: ["Family Welcome Centre", "Harbour House Women's Shelter"] } } },
    select: { id: true, organization: { select: { name: true } } },
  });
  const provider = (name: string) => providers.find((entry) => entry.organization.name === name) ?? null;
  const audit = (action: string, entityType: string, entityId: string, extra: { detentionId?: string; metadata?: object } = {}) =>
    prisma.auditEvent.create({ data: { actorId: clo.id, action, entityType, entityId, detentionId: extra.detentionId ?? null, metadata: extra.metadata ?? undefined, at: now } });

  const welcome = provider("Family Welcome Centre");
  const harbour = provider("Harbour House Women's Shelter");
  await prisma.resourceList.create({
    data: {
      officeId: toronto.id,
      name: "Families with children: alternatives to detention",
      description: "Community options to consider before anyone else in a family is detained, or to release a parent with a child housed at the holding centre.",
      topic: "FAMILIES_AND_MINORS",
      sharing: "ALL_OFFICES",
      items: {
        create: [
          ...(welcome ? [{ providerId: welcome.id, name: welcome.organization.name, notes: "Keeps families together; call intake before 3 p.m." }] : []),
          ...(harbour ? [{ providerId: harbour.id, name: harbour.organization.name, notes: "Mothers with children; trauma support on site." }] : []),
          { name: "Lakeshore Host Family Network", notes: "Volunteer host families for a parent and children, two weeks' notice." },
        ],
      },
    },
    select: { id: true },
  });
  await prisma.resourceList.create({
    data: {
      officeId: toronto.id,
      name: "Children separated from a detained parent",
      description: "Who to call when a child is outside detention while a parent is held.",
      topic: "FAMILIES_AND_MINORS",
      sharing: "NAMED_OFFICES",
      shares: { create: [{ officeId: quebec.id }] },
      items: {
        create: [
          { name: "Riverside Children's Aid liaison desk", notes: "Placement with kin first; weekday mornings." },
          { name: "Maple Grove Visiting Program", notes: "Supervised visits between the child and the detained parent." },
        ],
      },
    },
    select: { id: true },
  });

  // The family: two parents detained in Toronto, both needing an interpreter (the demo's cases with a language barrier
  // and no counsel yet); a child of 6 is housed with one of them (MINOR_HOUSED, added to that case's screening).
  const parents = await prisma.detention.findMany({
    where: { officeId: toronto.id, status: "DETAINED", detainee: { counselId: null }, screening: { flags: { some: { flag: "LANGUAGE_BARRIER" } } } },
    orderBy: { reference: "asc" },
    take: 2,
    select: { id: true, screening: { select: { id: true } } },
  });
  const [housed, otherParent] = parents;
  if (housed?.screening) {
    await prisma.screeningFlag.create({ data: { screeningId: housed.screening.id, flag: "MINOR_HOUSED", details: "A child of 6 is housed with the parent at the parent's request." } });
    await prisma.screening.update({ where: { id: housed.screening.id }, data: { version: { increment: 1 } } });
  }
  if (housed && otherParent) {
    const group = await prisma.familyGroup.create({
      data: { officeId: toronto.id, members: { create: [{ detentionId: housed.id, addedById: clo.id }, { detentionId: otherParent.id, addedById: clo.id }] } },
      select: { id: true },
    });
    await audit("family.link", "FamilyGroup", group.id, { detentionId: housed.id, metadata: { linkedDetentionId: otherParent.id } });
  }
  if (housed) {
    const record = await prisma.bestInterestsRecord.create({
      data: {
        detentionId: housed.id,
        ageBand: "AGE_5_TO_11",
        whereabouts: "HOUSED_WITH_PARENT",
        careArrangement: "DETAINED_PARENT",
        considerations: "A child of 6 is housed with the parent at the parent's request and has missed three weeks of school. The other parent is detained too; an aunt in the city could care for the child. Release of the parent to the Family Welcome Centre would keep the child out of the holding centre.",
        recordedById: clo.id,
        recordedAt: now,
      },
      select: { id: true },
    });
    await audit("best_interests.record", "BestInterestsRecord", record.id, { detentionId: housed.id, metadata: { version: 1 } });
  }
}
