import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/prisma/migrate";
import { createTemporaryDatabase } from "@/tests/support/database";
import type { Actor } from "@/lib/authz";
import type { ReviewKind } from "@/lib/generated/prisma/enums";

/**
 * A fresh, migrated database for one test file, dropped at the end. Audit events are append-only (the
 * database refuses deletes), so these tests cannot clean up after themselves in the shared run database;
 * a database of their own keeps the demo data other files count exactly as seeded.
 */
export async function ownDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createTemporaryDatabase("liaison_it_reviews");
  await applyMigrations(database.url);
  return { url: database.url, drop: database.drop };
}

/**
 * Fictional data of its own for the review, calendar and counsel integration tests: a CBSA office with a
 * facility and staff, law offices with counsel, and detentions, each with a unique tag.
 */
export function reviewFixtures(prisma: PrismaClient) {
  const tag = randomBytes(3).toString("hex");
  let users = 0;
  let counter = 0;

  function actorOf(user: { id: string; name: string; role: Actor["role"] }, organization: { id: string; kind: Actor["organizationKind"]; name: string }): Actor {
    return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: organization.id, organizationKind: organization.kind, organizationName: organization.name };
  }

  async function user(role: Actor["role"], organization: { id: string; kind: Actor["organizationKind"]; name: string }, name: string): Promise<Actor> {
    const created = await prisma.user.create({
      data: { email: `${role.toLowerCase()}-${tag}-${users}@it.liaison.example`, name, role, organizationId: organization.id, passwordHash: "not-a-real-hash" },
      select: { id: true, name: true, role: true },
    });
    users += 1;
    return actorOf(created, organization);
  }

  async function office(label: string, timeZone = "America/Toronto") {
    const organization = await prisma.organization.create({ data: { kind: "CBSA_OFFICE", name: `IT office ${label} ${tag}`, region: "Test region", timeZone }, select: { id: true, kind: true, name: true } });
    const facility = await prisma.facility.create({ data: { name: `IT facility ${label} ${tag}`, kind: "IMMIGRATION_HOLDING_CENTRE", timeZone, officeId: organization.id }, select: { id: true, timeZone: true } });
    const clo = await user("CLO", organization, `Officer ${label}`);
    const supervisor = await user("SUPERVISOR", organization, `Supervisor ${label}`);
    return { organization, facility, clo, supervisor };
  }

  async function lawOffice(label: string) {
    const organization = await prisma.organization.create({ data: { kind: "LEGAL", name: `IT law office ${label} ${tag}`, region: "Test region" }, select: { id: true, kind: true, name: true } });
    const counsel = await user("COUNSEL", organization, `Counsel ${label}`);
    return { organization, counsel };
  }

  async function detention(
    place: { organization: { id: string }; facility: { id: string }; clo: Actor },
    options: { detainedAt: Date; counselId?: string; nextReviewKind?: ReviewKind | null; nextReviewDueBy?: Date | null; givenName?: string; familyName?: string },
  ) {
    counter += 1;
    const detainee = await prisma.detainee.create({
      data: { givenName: options.givenName ?? "Testing", familyName: options.familyName ?? `Person${counter}`, dateOfBirth: new Date("1990-01-01"), gender: "FEMALE", languages: ["English"], citizenship: "XXX", counselId: options.counselId ?? null },
      select: { id: true },
    });
    const created = await prisma.detention.create({
      data: {
        reference: `IT-${tag}-${String(counter).padStart(3, "0")}`,
        detaineeId: detainee.id,
        officeId: place.organization.id,
        facilityId: place.facility.id,
        detainedAt: options.detainedAt,
        grounds: ["UNLIKELY_TO_APPEAR"],
        assignedCloId: place.clo.userId,
        nextReviewKind: options.nextReviewKind === undefined ? "FORTY_EIGHT_HOUR" : options.nextReviewKind,
        nextReviewDueBy: options.nextReviewDueBy === undefined ? new Date(options.detainedAt.getTime() + 48 * 3_600_000) : options.nextReviewDueBy,
      },
      select: { id: true, reference: true, version: true },
    });
    return created;
  }

  return { office, lawOffice, detention };
}
