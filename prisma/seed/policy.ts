import type { PrismaClient } from "@/lib/generated/prisma/client";
import { quarterOf, periodKey, previousPeriod, type TargetIndicator } from "@/lib/targets/rules";
import { localToday } from "@/lib/time/facility-clock";

/**
 * The demo's release-first policy and targets (fictional). The policy's history shows a confirmation of the default
 * complaint response time in January and a longer "due soon" horizon scheduled four months from now (not in force,
 * so nothing the demo shows today depends on it). Each CBSA office has a year's targets, and Toronto a quarter of its
 * own for this quarter and the last, so the targets page shows a target, an actual, a gap and the period before.
 * Written once: a database that already has policy versions or targets is left as it is.
 */
const DAY = 24 * 60 * 60 * 1000;

const YEARLY: Record<TargetIndicator, number> = {
  ASSESSED_BEFORE_SEVEN_DAY_REVIEW: 90,
  ASSESSED_WITH_INTERVIEW: 80,
  VULNERABLE_ASSESSED_IN_WINDOW: 90,
  MEDIAN_DAYS_TO_ASSESSMENT: 5,
  RELEASED_ON_ATD: 60,
  COMMUNITY_REFERRALS: 30,
  OVERDUE_REVIEWS: 0,
};

export async function seedPolicyAndTargets(prisma: PrismaClient, now: Date): Promise<void> {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@liaison.example" }, select: { id: true } });
  if ((await prisma.policyVersion.count()) === 0) {
    const year = Number(localToday("America/Toronto", now).slice(0, 4));
    await prisma.policyVersion.createMany({
      data: [
        { key: "complaintResponseDays", value: 30, effectiveFrom: new Date(`${year}-01-01T05:00:00Z`), reason: "Confirmed at the annual review of the complaints process", createdById: admin.id, createdAt: new Date(`${year - 1}-12-15T15:00:00Z`) },
        { key: "dueSoonHours", value: 72, effectiveFrom: new Date(now.getTime() + 120 * DAY), reason: "Pilot: a longer horizon for offices with weekend hearings", createdById: admin.id },
      ],
    });
  }
  if ((await prisma.target.count()) > 0) return;
  const offices = await prisma.organization.findMany({ where: { kind: "CBSA_OFFICE" }, select: { id: true, name: true, timeZone: true } });
  for (const office of offices) {
    const quarter = quarterOf(localToday(office.timeZone, now));
    const rows: { indicator: TargetIndicator; period: string; value: number }[] = Object.entries(YEARLY).map(([indicator, value]) => ({ indicator: indicator as TargetIndicator, period: String(quarter.year), value }));
    if (office.name.includes("Toronto")) {
      // Toronto raised its interview target this quarter, after a quarter at the yearly level.
      rows.push({ indicator: "ASSESSED_WITH_INTERVIEW", period: periodKey(quarter), value: 85 });
      rows.push({ indicator: "ASSESSED_WITH_INTERVIEW", period: periodKey(previousPeriod(quarter)), value: 80 });
    }
    await prisma.target.createMany({ data: rows.map((row) => ({ ...row, officeId: office.id, updatedById: admin.id })) });
  }
}
