import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

/** The Actor a signed-in user would be, built from the database (a fresh session id; no session row needed by queries). */
export async function actorFor(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, role: true, organization: { select: { id: true, kind: true, name: true } } },
  });
  return {
    userId: user.id,
    sessionId: randomUUID(),
    name: user.name,
    role: user.role,
    organizationId: user.organization.id,
    organizationKind: user.organization.kind,
    organizationName: user.organization.name,
  };
}
