import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import { complaintFiledScope, complaintHandlingScope, complaintReadScope, sharedWithSubjectScope } from "@/lib/authz/complaints";
import { isUuid } from "@/lib/referrals/schema";
import { COMPLAINT_CATEGORIES, COMPLAINT_OUTCOMES, daysToRespond, isOverdue, median, stepsOpen, type ComplaintStep } from "@/lib/complaints/rules";
import type { ComplaintCategory, ComplaintOnBehalfOf, ComplaintOutcome, ComplaintStatus } from "@/lib/generated/prisma/enums";

export type ComplaintListRow = {
  id: string;
  reference: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  outcome: ComplaintOutcome | null;
  filedAt: Date;
  responseDueAt: Date;
  overdue: boolean;
  officeName: string;
  timeZone: string;
};

export type SharedComplaintRow = { id: string; reference: string; sharedAt: Date; timeZone: string };

export type ComplaintLists = {
  /** The complaints the actor filed or recorded. */
  filed: ComplaintListRow[];
  /** A supervisor's office queue: overdue first, then open by due date, then the rest newest first. Null for anyone else. */
  queue: ComplaintListRow[] | null;
  /** Summaries a supervisor shared with the actor about complaints naming them. */
  shared: SharedComplaintRow[];
};

const LIST_SELECT = {
  id: true,
  reference: true,
  category: true,
  status: true,
  outcome: true,
  filedAt: true,
  responseDueAt: true,
  office: { select: { name: true, timeZone: true } },
} as const;

type ListRecord = { id: string; reference: string; category: ComplaintCategory; status: ComplaintStatus; outcome: ComplaintOutcome | null; filedAt: Date; responseDueAt: Date; office: { name: string; timeZone: string } };

function toRow(record: ListRecord, now: Date): ComplaintListRow {
  const { office, ...rest } = record;
  return { ...rest, overdue: isOverdue(record, now), officeName: office.name, timeZone: office.timeZone };
}

/** The queue's order: overdue, then open by due date, then answered and closed, newest first. */
function queueOrder(a: ComplaintListRow, b: ComplaintListRow): number {
  const rank = (row: ComplaintListRow) => (row.overdue ? 0 : row.status === "RECEIVED" || row.status === "UNDER_REVIEW" ? 1 : 2);
  return rank(a) - rank(b) || (rank(a) < 2 ? a.responseDueAt.getTime() - b.responseDueAt.getTime() : b.filedAt.getTime() - a.filedAt.getTime());
}

const QUEUE_LIMIT = 200;

export async function listComplaints(actor: Actor, now: Date = new Date()): Promise<ComplaintLists> {
  const handles = can(actor, "complaints.handle");
  const [filed, queue, shared] = await Promise.all([
    db().complaint.findMany({ where: complaintFiledScope(actor), orderBy: [{ filedAt: "desc" }, { id: "desc" }], take: QUEUE_LIMIT, select: LIST_SELECT }),
    handles ? db().complaint.findMany({ where: complaintHandlingScope(actor), orderBy: [{ filedAt: "desc" }, { id: "desc" }], take: QUEUE_LIMIT, select: LIST_SELECT }) : Promise.resolve(null),
    db().complaint.findMany({
      where: sharedWithSubjectScope(actor),
      orderBy: [{ subjectSharedAt: "desc" }, { id: "desc" }],
      select: { id: true, reference: true, subjectSharedAt: true, office: { select: { timeZone: true } } },
    }),
  ]);
  return {
    filed: filed.map((record) => toRow(record, now)),
    queue: queue ? queue.map((record) => toRow(record, now)).sort(queueOrder) : null,
    shared: shared.map((record) => ({ id: record.id, reference: record.reference, sharedAt: record.subjectSharedAt!, timeZone: record.office.timeZone })),
  };
}

/** What a complaint is about, as the viewer may know it: a case (its reference), a referral (a provider's caseworker), or the service. */
export type ComplaintAbout = { kind: "CASE"; detentionId: string; reference: string } | { kind: "REFERRAL"; referralId: string } | { kind: "SERVICE" };

export type ComplaintDetail = {
  view: "HANDLER" | "COMPLAINANT";
  id: string;
  reference: string;
  version: number;
  officeName: string;
  timeZone: string;
  about: ComplaintAbout;
  onBehalfOf: ComplaintOnBehalfOf;
  category: ComplaintCategory;
  description: string;
  remedySought: string;
  status: ComplaintStatus;
  outcome: ComplaintOutcome | null;
  filedAt: Date;
  responseDueAt: Date;
  overdue: boolean;
  response: string | null;
  respondedAt: Date | null;
  closedAt: Date | null;
  /** The steps the viewer may take now. */
  steps: ComplaintStep[];
  /** The handlers' part: null for the complainant. */
  office: {
    complainant: { name: string; organizationName: string; role: string };
    handler: { id: string; name: string } | null;
    /** Active supervisors of the office, other than the officer named: those the complaint may be given to. */
    supervisors: { id: string; name: string }[];
    subjectName: string | null;
    investigationNotes: string | null;
    subjectSummary: string | null;
    subjectSharedAt: Date | null;
    history: { at: Date; action: string; actorName: string | null }[];
  } | null;
};

export type SharedComplaintView = { view: "SUBJECT"; id: string; reference: string; summary: string; sharedAt: Date; timeZone: string };

/**
 * One complaint as the viewer may see it: in full for its office's supervisors (with their notes and its history); its
 * filer's part for the filer; for the officer it names, only the summary shared with them; for anyone else, null.
 */
export async function getComplaint(actor: Actor, complaintId: string, now: Date = new Date()): Promise<ComplaintDetail | SharedComplaintView | null> {
  if (!isUuid(complaintId)) return null;
  const complaint = await db().complaint.findFirst({
    where: { AND: [complaintReadScope(actor), { id: complaintId }] },
    select: {
      id: true,
      reference: true,
      version: true,
      officeId: true,
      filedById: true,
      detentionId: true,
      referralId: true,
      onBehalfOf: true,
      category: true,
      description: true,
      remedySought: true,
      status: true,
      outcome: true,
      filedAt: true,
      responseDueAt: true,
      response: true,
      respondedAt: true,
      closedAt: true,
      handlerId: true,
      subjectId: true,
      investigationNotes: true,
      subjectSummary: true,
      subjectSharedAt: true,
      office: { select: { name: true, timeZone: true } },
      detention: { select: { reference: true } },
      filedBy: { select: { name: true, role: true, organization: { select: { name: true } } } },
      handler: { select: { id: true, name: true } },
      subject: { select: { name: true } },
    },
  });
  if (!complaint) {
    const shared = await db().complaint.findFirst({
      where: { AND: [sharedWithSubjectScope(actor), { id: complaintId }] },
      select: { id: true, reference: true, subjectSummary: true, subjectSharedAt: true, office: { select: { timeZone: true } } },
    });
    return shared ? { view: "SUBJECT", id: shared.id, reference: shared.reference, summary: shared.subjectSummary!, sharedAt: shared.subjectSharedAt!, timeZone: shared.office.timeZone } : null;
  }
  const handles = can(actor, "complaints.handle") && actor.organizationId === complaint.officeId && complaint.subjectId !== actor.userId;
  const about: ComplaintAbout =
    complaint.referralId && !handles && actor.role === "NGO_CASEWORKER"
      ? { kind: "REFERRAL", referralId: complaint.referralId }
      : complaint.detentionId && complaint.detention
        ? { kind: "CASE", detentionId: complaint.detentionId, reference: complaint.detention.reference }
        : { kind: "SERVICE" };
  const base = {
    id: complaint.id,
    reference: complaint.reference,
    version: complaint.version,
    officeName: complaint.office.name,
    timeZone: complaint.office.timeZone,
    about,
    onBehalfOf: complaint.onBehalfOf,
    category: complaint.category,
    description: complaint.description,
    remedySought: complaint.remedySought,
    status: complaint.status,
    outcome: complaint.outcome,
    filedAt: complaint.filedAt,
    responseDueAt: complaint.responseDueAt,
    overdue: isOverdue(complaint, now),
    response: complaint.response,
    respondedAt: complaint.respondedAt,
    closedAt: complaint.closedAt,
  };
  if (!handles) return { ...base, view: "COMPLAINANT", steps: complaint.filedById === actor.userId ? stepsOpen(complaint.status, "COMPLAINANT") : [], office: null };
  const [supervisors, events] = await Promise.all([
    db().user.findMany({ where: { organizationId: complaint.officeId, role: "SUPERVISOR", active: true, ...(complaint.subjectId ? { id: { not: complaint.subjectId } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().auditEvent.findMany({ where: { entityType: "Complaint", entityId: complaint.id, action: { startsWith: "complaint." } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true, action: true, actor: { select: { name: true } } } }),
  ]);
  return {
    ...base,
    view: "HANDLER",
    steps: stepsOpen(complaint.status, "OFFICE").filter((step) => step !== "share" || complaint.subjectId !== null),
    office: {
      complainant: { name: complaint.filedBy.name, organizationName: complaint.filedBy.organization.name, role: complaint.filedBy.role },
      handler: complaint.handler,
      supervisors,
      subjectName: complaint.subject?.name ?? null,
      investigationNotes: complaint.investigationNotes,
      subjectSummary: complaint.subjectSummary,
      subjectSharedAt: complaint.subjectSharedAt,
      history: events.map((event) => ({ at: event.at, action: event.action, actorName: event.actor?.name ?? null })),
    },
  };
}

export type ComplaintFormView = {
  about: ComplaintAbout;
  /** The offices a service complaint may be made to (anyone but a CBSA user, whose own office it goes to). */
  offices: { id: string; name: string }[];
  ownOffice: string | null;
};

/**
 * The filing form: what it is about (a case or referral the filer may see, from the link on its page) and, for a
 * complaint about the service by someone outside CBSA, the offices to choose from. Null when the actor may not file,
 * or names a case or referral they may not see.
 */
export async function getComplaintForm(actor: Actor, target: { case?: string; referral?: string }): Promise<ComplaintFormView | null> {
  if (!can(actor, "complaints.file")) return null;
  const cbsa = actor.organizationKind === "CBSA_OFFICE";
  let about: ComplaintAbout = { kind: "SERVICE" };
  if (target.referral) {
    if (actor.role !== "NGO_CASEWORKER") return null;
    const referral = await db().referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: target.referral }] }, select: { id: true } });
    if (!referral) return null;
    about = { kind: "REFERRAL", referralId: referral.id };
  } else if (target.case) {
    if (actor.role === "NGO_CASEWORKER") return null;
    const detention = await db().detention.findFirst({ where: { AND: [detentionScope(actor), { id: target.case }] }, select: { id: true, reference: true } });
    if (!detention) return null;
    about = { kind: "CASE", detentionId: detention.id, reference: detention.reference };
  }
  const offices = cbsa || about.kind !== "SERVICE" ? [] : await db().organization.findMany({ where: { kind: "CBSA_OFFICE", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { about, offices, ownOffice: cbsa ? actor.organizationName : null };
}

export type ComplaintReport = {
  total: number;
  open: number;
  overdue: number;
  byCategory: { category: ComplaintCategory; count: number }[];
  byOutcome: { outcome: ComplaintOutcome; count: number }[];
  responded: number;
  /** Median calendar days from filing to response on the office's calendar; null before any response. */
  medianDaysToRespond: number | null;
};

/**
 * The office's complaints in numbers, for its supervisors: counts by category and outcome, how many are open and
 * overdue, and the median days to respond. Under the handling scope, so a supervisor named in one never counts it.
 */
export async function complaintReport(actor: Actor, now: Date = new Date()): Promise<ComplaintReport | null> {
  if (!can(actor, "complaints.handle") || actor.organizationKind !== "CBSA_OFFICE") return null;
  const complaints = await db().complaint.findMany({
    where: complaintHandlingScope(actor),
    select: { category: true, outcome: true, status: true, filedAt: true, responseDueAt: true, respondedAt: true, office: { select: { timeZone: true } } },
  });
  const days = complaints.filter((complaint) => complaint.respondedAt).map((complaint) => daysToRespond(complaint.filedAt, complaint.respondedAt!, complaint.office.timeZone));
  return {
    total: complaints.length,
    open: complaints.filter((complaint) => complaint.status === "RECEIVED" || complaint.status === "UNDER_REVIEW").length,
    overdue: complaints.filter((complaint) => isOverdue(complaint, now)).length,
    byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: complaints.filter((complaint) => complaint.category === category).length })),
    byOutcome: COMPLAINT_OUTCOMES.map((outcome) => ({ outcome, count: complaints.filter((complaint) => complaint.outcome === outcome).length })),
    responded: days.length,
    medianDaysToRespond: median(days),
  };
}
