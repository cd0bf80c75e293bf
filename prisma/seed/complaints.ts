import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ComplaintCategory, ComplaintOutcome, ComplaintStatus } from "@/lib/generated/prisma/enums";
import { filingYear, formatComplaintReference, responseDueAt } from "@/lib/complaints/rules";

/**
 * Demo complaints (fictional), made to the Toronto office in three states: one under review (counsel of record about
 * their client's case), one responded to with a summary shared with the officer it names (a provider's caseworker,
 * through their referral), and one overdue (a service complaint a CLO recorded for a person). Written once: a seeded
 * office that already has complaints is left as it is. Each complaint's steps are in the audit log, as the app writes them.
 */
const DAY = 24 * 60 * 60 * 1000;
const TORONTO = "CBSA Greater Toronto Area Region";

type DemoComplaint = {
  filedBy: string;
  about: "COUNSEL_CASE" | "HARBOUR_REFERRAL" | "SERVICE";
  category: ComplaintCategory;
  description: string;
  remedySought: string;
  daysAgo: number;
  status: ComplaintStatus;
  outcome?: ComplaintOutcome;
  respondedDaysAgo?: number;
  response?: string;
  notes?: string;
  summary?: string;
};

const DEMO_COMPLAINTS: DemoComplaint[] = [
  {
    filedBy: "counsel.clinic@liaison.example",
    about: "COUNSEL_CASE",
    category: "DELAY",
    description: "My client asked twice for the release plan to be discussed with the shelter that offered a bed. Nine days later nobody had called the shelter.",
    remedySought: "That the shelter be contacted before the next review, and that my client be told who is handling the plan.",
    daysAgo: 10,
    status: "UNDER_REVIEW",
    notes: "Called the shelter's intake desk; the referral was drafted but never sent. Checking the task list.",
  },
  {
    filedBy: "caseworker.harbour@liaison.example",
    about: "HARBOUR_REFERRAL",
    category: "COMMUNICATION",
    description: "We accepted the referral but were not told that the review date had moved, so our worker arrived at the hearing a day late.",
    remedySought: "To be told of hearing changes on referrals we have accepted.",
    daysAgo: 20,
    status: "RESPONDED",
    outcome: "PARTLY_UPHELD",
    respondedDaysAgo: 6,
    response: "The new date was recorded but not passed on. The office now messages accepted providers when a hearing moves. We are sorry for the wasted trip.",
    notes: "Reschedule recorded on time; no message sent to the provider.",
    summary: "A provider was not told that a hearing moved. Please message accepted providers when you reschedule.",
  },
  {
    filedBy: "clo2.toronto@liaison.example",
    about: "SERVICE",
    category: "ACCESS_TO_SERVICES",
    description: "A person at the holding centre said they asked for an interpreter for a meeting about their plan and none was booked.",
    remedySought: "An interpreter at the next meeting.",
    daysAgo: 35,
    status: "RECEIVED",
  },
];

export async function seedComplaints(prisma: PrismaClient, now: Date): Promise<void> {
  const office = await prisma.organization.findFirstOrThrow({ where: { kind: "CBSA_OFFICE", name: TORONTO }, select: { id: true, timeZone: true } });
  if ((await prisma.complaint.count({ where: { officeId: office.id } })) > 0) return;
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } });
  const supervisor = await user("supervisor.toronto@liaison.example");
  // The same records the access matrix uses: counsel.clinic's first detained Toronto case, and a referral to Harbour House.
  const counselCase = await prisma.detention.findFirst({
    where: { officeId: office.id, status: "DETAINED", detainee: { counsel: { email: "counsel.clinic@liaison.example" } } },
    orderBy: { reference: "asc" },
    select: { id: true, assignedCloId: true },
  });
  const referral = await prisma.referral.findFirst({
    where: { status: { not: "DRAFT" }, consent: { withdrawnAt: null }, provider: { organization: { name: "Harbour House Women's Shelter" } }, detention: { officeId: office.id } },
    orderBy: { sentAt: "asc" },
    select: { id: true, detention: { select: { id: true, assignedCloId: true } } },
  });
  let sequence = 0;
  for (const complaint of DEMO_COMPLAINTS) {
    const filer = await user(complaint.filedBy);
    const target =
      complaint.about === "COUNSEL_CASE" && counselCase
        ? { detentionId: counselCase.id, referralId: null, subjectId: counselCase.assignedCloId }
        : complaint.about === "HARBOUR_REFERRAL" && referral
          ? { detentionId: referral.detention.id, referralId: referral.id, subjectId: referral.detention.assignedCloId }
          : complaint.about === "SERVICE"
            ? { detentionId: null, referralId: null, subjectId: null }
            : null;
    if (!target) continue;
    const filedAt = new Date(now.getTime() - complaint.daysAgo * DAY);
    const year = filingYear(filedAt, office.timeZone);
    sequence += 1;
    const respondedAt = complaint.respondedDaysAgo === undefined ? null : new Date(now.getTime() - complaint.respondedDaysAgo * DAY);
    const reviewedAt = new Date(filedAt.getTime() + DAY);
    const shared = complaint.summary && target.subjectId ? respondedAt : null;
    const created = await prisma.complaint.create({
      data: {
        reference: formatComplaintReference("TOR", year, sequence),
        officeId: office.id,
        ...target,
        filedById: filer.id,
        filedByOrgId: filer.organizationId,
        onBehalfOf: "DETAINED_PERSON",
        category: complaint.category,
        description: complaint.description,
        remedySought: complaint.remedySought,
        status: complaint.status,
        outcome: complaint.outcome ?? null,
        filedAt,
        responseDueAt: responseDueAt(filedAt, office.timeZone),
        handlerId: complaint.status === "RECEIVED" ? null : supervisor.id,
        investigationNotes: complaint.notes ?? null,
        response: complaint.response ?? null,
        respondedAt,
        subjectSummary: shared ? complaint.summary! : null,
        subjectSharedAt: shared,
        version: complaint.status === "RECEIVED" ? 1 : complaint.status === "UNDER_REVIEW" ? 2 : shared ? 4 : 3,
      },
      select: { id: true },
    });
    await prisma.complaintSequence.upsert({ where: { officeId_year: { officeId: office.id, year } }, update: { last: sequence }, create: { officeId: office.id, year, last: sequence } });
    const event = (actorId: string, action: string, at: Date, metadata: Record<string, string>) =>
      prisma.auditEvent.create({ data: { actorId, action, at, entityType: "Complaint", entityId: created.id, metadata } });
    await event(filer.id, "complaint.file", filedAt, { category: complaint.category });
    if (complaint.status !== "RECEIVED") await event(supervisor.id, "complaint.review", reviewedAt, { from: "RECEIVED", to: "UNDER_REVIEW" });
    if (respondedAt) await event(supervisor.id, "complaint.respond", respondedAt, { from: "UNDER_REVIEW", to: "RESPONDED", outcome: complaint.outcome! });
    if (shared) await event(supervisor.id, "complaint.share", shared, { from: "RESPONDED", to: "RESPONDED" });
  }
}
