import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/prisma/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz";

process.env.DATABASE_URL = inject("databaseUrl");
const { loadReport } = await import("@/lib/reports/queries");
const { reportFilterSchema } = await import("@/lib/reports/schema");

/**
 * A report's dates are days on the office's own calendar. Vancouver is UTC-7 in summer: a detention at 22:30 on
 * 31 July there is 05:30 on 1 August in UTC, and belongs to July.
 */
let prisma: PrismaClient;
let supervisor: Actor;
const now = new Date("2025-09-10T12:00:00Z");

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"));
  const suffix = randomUUID().slice(0, 8);
  const office = await prisma.organization.create({ data: { kind: "CBSA_OFFICE", name: `Window office ${suffix}`, region: "Test", timeZone: "America/Vancouver" } });
  const boss = await prisma.user.create({ data: { email: `window.sup.${suffix}@test.example`, name: "Window Supervisor", role: "SUPERVISOR", organizationId: office.id, passwordHash: "x" } });
  supervisor = { userId: boss.id, sessionId: randomUUID(), name: boss.name, role: "SUPERVISOR", organizationId: office.id, organizationKind: "CBSA_OFFICE", organizationName: office.name };
  const facility = await prisma.facility.create({ data: { name: `Window facility ${suffix}`, kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Vancouver", officeId: office.id } });
  const detained = async (n: number, detainedAt: string) => {
    const person = await prisma.detainee.create({ data: { givenName: "Test", familyName: `Window ${n}`, dateOfBirth: new Date("1990-01-01"), gender: "UNDISCLOSED", languages: ["English"], citizenship: "XXX" } });
    await prisma.detention.create({ data: { reference: `WIN-${suffix}-${n}`, detaineeId: person.id, officeId: office.id, facilityId: facility.id, detainedAt: new Date(detainedAt), grounds: ["UNLIKELY_TO_APPEAR"] } });
  };
  await detained(1, "2025-07-01T07:30:00Z"); // 00:30 on 1 July in Vancouver: July
  await detained(2, "2025-06-30T20:00:00Z"); // 13:00 on 30 June in Vancouver: June
  await detained(3, "2025-08-01T05:30:00Z"); // 22:30 on 31 July in Vancouver: July
  await detained(4, "2025-08-01T07:30:00Z"); // 00:30 on 1 August in Vancouver: August
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("report windows", () => {
  it("count a detention on the day it began on the office's calendar, not in UTC", async () => {
    const july = await loadReport(supervisor, reportFilterSchema.parse({ from: "2025-07-01", to: "2025-07-31" }), now);
    expect(july?.indicators.reduce((sum, row) => sum + row.detentions, 0)).toBe(2);
  });

  it("group months on the office's calendar", async () => {
    const summer = await loadReport(supervisor, reportFilterSchema.parse({ from: "2025-06-01", to: "2025-08-31", groupBy: "month" }), now);
    expect(summer?.indicators.map((row) => [row.key, row.detentions])).toEqual([
      ["2025-06", 1],
      ["2025-07", 2],
      ["2025-08", 1],
    ]);
  });
});
