import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DetentionGround } from "@/lib/generated/prisma/enums";

/**
 * A fresh Toronto detention for one test, so each test works on its own data (the demo seed provides
 * the office, its facilities and users). Fictional person. Counsel of record: the demo clinic's counsel.
 */
export async function newTorontoDetention(prisma: PrismaClient, grounds: DetentionGround[]): Promise<string> {
  const office = await prisma.organization.findFirstOrThrow({ where: { users: { some: { email: "clo.toronto@liaison.example" } } }, select: { id: true } });
  const sample = await prisma.detention.findFirstOrThrow({ where: { officeId: office.id }, select: { facilityId: true } });
  const counsel = await prisma.user.findUniqueOrThrow({ where: { email: "counsel.clinic@liaison.example" }, select: { id: true } });
  const suffix = randomUUID().slice(0, 8);
  const detainee = await prisma.detainee.create({
    data: { givenName: "Test", familyName: `Person ${suffix}`, dateOfBirth: new Date("1990-01-01"), gender: "FEMALE", languages: ["Spanish"], citizenship: "XXX", counselId: counsel.id },
    select: { id: true },
  });
  const detention = await prisma.detention.create({
    data: { reference: `TOR-IT-${suffix}`, detaineeId: detainee.id, officeId: office.id, facilityId: sample.facilityId, detainedAt: new Date(Date.now() - 30 * 3_600_000), grounds },
    select: { id: true },
  });
  return detention.id;
}
