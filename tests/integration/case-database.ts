/**
 * A database of its own for each of the case-work integration files: migrated and seeded with the demo
 * data, dropped afterwards. These files add detentions, flags and tasks; a database of their own keeps
 * them from changing what other files (tests/integration/homes.test.ts counts the demo's 60 detentions) see.
 */
import { applyMigrations } from "@/prisma/migrate";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { createTemporaryDatabase } from "@/tests/support/database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DetentionGround, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

export async function caseDatabase(now: Date): Promise<{ url: string; prisma: PrismaClient; drop: () => Promise<void> }> {
  const database = await createTemporaryDatabase("liaison_case");
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma, { now });
  return {
    url: database.url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

let counter = 0;

/** A detention of a new fictional person in an office, straight into the database (for queue fixtures). */
export async function insertDetention(
  prisma: PrismaClient,
  input: {
    officeName: string;
    detainedAt: Date;
    nextReviewDueBy: Date | null;
    flags?: VulnerabilityFlag[];
    grounds?: DetentionGround[];
    assignedCloId?: string | null;
    noProspect?: { reason: string; revisitOn: Date };
  },
): Promise<{ id: string; detaineeId: string }> {
  counter += 1;
  const office = await prisma.organization.findFirstOrThrow({ where: { name: input.officeName }, select: { id: true, facilities: { select: { id: true }, take: 1 } } });
  const detainee = await prisma.detainee.create({
    data: { givenName: "Test", familyName: `Person${counter}`, dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" },
    select: { id: true },
  });
  const recorder = await prisma.user.findFirstOrThrow({ where: { organizationId: office.id }, select: { id: true } });
  const detention = await prisma.detention.create({
    data: {
      reference: `TST-${Date.now().toString(36)}-${counter}`,
      detaineeId: detainee.id,
      officeId: office.id,
      facilityId: office.facilities[0]!.id,
      detainedAt: input.detainedAt,
      grounds: input.grounds ?? ["UNLIKELY_TO_APPEAR"],
      nextReviewKind: input.nextReviewDueBy ? "FORTY_EIGHT_HOUR" : null,
      nextReviewDueBy: input.nextReviewDueBy,
      assignedCloId: input.assignedCloId ?? null,
      noProspectReason: input.noProspect?.reason ?? null,
      noProspectRevisitOn: input.noProspect?.revisitOn ?? null,
      screening: input.flags?.length ? { create: { recordedById: recorder.id, flags: { create: input.flags.map((flag) => ({ flag, consentRecordedAt: flag === "TRAFFICKING_INDICATORS" ? new Date() : null })) } } } : undefined,
    },
    select: { id: true },
  });
  return { id: detention.id, detaineeId: detainee.id };
}
