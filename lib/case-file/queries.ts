import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, referralScope, type Actor } from "@/lib/authz";
import { ACTIVE_CASEWORKER, isAssignableClo, screeningFlagScope, visibleFlags } from "@/lib/authz/cases";
import { noteReadScope } from "@/lib/authz/notes";
import { assessmentAudience, canEditAssessment, canEditPlan, canReadPlan, type AssessmentAudience } from "@/lib/authz/plans";
import { mayReadReviewNotes, mayRecordReviews } from "@/lib/authz/reviews";
import { ASSESSMENT_SELECT, type CaseTeamAssessmentView, type CounselAssessmentView } from "@/lib/assessments/queries";
import { assessmentDeadlineMet, caseAssessmentDeadline, type AssessmentDeadline } from "@/lib/assessments/rules";
import { loadPolicyVersions } from "@/lib/policy/queries";
import { policyAt } from "@/lib/policy/rules";
import { PLAN_SELECT, type PlanVersionView, type PlanView } from "@/lib/release-plans/queries";
import { planReadiness, type Readiness } from "@/lib/release-plans/rules";
import { computeReviewSchedule, firstReviewDueBy, ministerDisclosureDue, needsMinisterDisclosure, reviewStatus } from "@/lib/reviews/rules";
import { officeReferralSelect, toOfficeReferral, type OfficeReferral } from "@/lib/referrals/inbox-queries";
import { VULNERABILITY_FLAGS } from "@/lib/detentions/schema";
import { CORRECTION_SELECT, correctionHistory, type CorrectionEntry } from "@/lib/corrections/queries";
import { mayRecordOutcome, maySupersedeOutcome } from "@/lib/authz/outcomes";
import { readConditions } from "@/lib/outcomes/schema";
import type { OutcomeConditions } from "@/lib/outcomes/rules";
import { TRANSFER_ZONES_SELECT, facilityZoneHistory, toZoneTransfer } from "@/lib/transfers/rules";
import { caseCounsel, counselRecordsSelect, listCounselChoices, type CaseCounsel } from "@/lib/counsel/case-queries";
import { listCounselReferrals, listOptionProviders, type CounselReferral } from "@/lib/referrals/counsel-queries";
import type {
  AtdMeasure,
  DecisionMaker,
  DetentionGround,
  OutcomeKind,
  ReleaseType,
  DetentionStatus,
  Gender,
  ReviewKind,
  ReviewOutcome,
  ReviewSchedule,
  TaskCategory,
  TaskStatus,
  VulnerabilityFlag,
} from "@/lib/generated/prisma/enums";
import type { DetentionSelect } from "@/lib/generated/prisma/models";
import { familySliceSelect, loadFamilyResources, toFamilySlices, type CaseFamilies, type CaseFamilyMembers } from "@/lib/families/case-queries";

/**
 * The case file (/cases/[id]) as one read model: the detention loaded once, under one scope (detentionScope), in one
 * SQL statement (relationJoins; the referral list is a second, run alongside), and everything the page's sections show
 * computed once from it: the flags the viewer may see (visibleFlags), the review clock (lib/reviews/rules.ts), the
 * assessment deadline from those visible flags only (lib/assessments/rules.ts), the plan's readiness
 * (lib/release-plans/rules.ts). Each section of the page receives its slice; none queries by itself.
 *
 * Parts the viewer may not read are never loaded: their relation is selected with a where clause that matches nothing
 * (tasks and task owners for the case team only, notes by noteReadScope, the review notes and the risk opinion
 * deselected), so a forbidden part is absent from the data, not hidden by the page. A read writes nothing: the
 * audit of opening the case file is recordCaseFileOpened (lib/case-file/reading.ts), called by the page.
 */

/** Matches no row: a part of the case file the viewer may not read stays a query that returns nothing. */
const NONE = { id: { in: [] as string[] } };

/** How many notes the case page lists, newest first. */
const NOTES_SHOWN = 100;

export type CaseFileFlag = { flag: VulnerabilityFlag; details: string | null; consentRecordedAt: Date | null };

export type CaseTask = {
  id: string;
  category: TaskCategory;
  title: string;
  description: string | null;
  ownerId: string | null;
  owner: { name: string } | null;
  dueAt: Date | null;
  status: TaskStatus;
  outcome: string | null;
  version: number;
};

export type CaseNote = { id: string; body: string; visibility: string; createdAt: Date; author: { name: string }; authorOrg: { name: string } };

export type CaseReview = {
  id: string;
  kind: ReviewKind;
  dueBy: Date;
  scheduledFor: Date | null;
  location: string | null;
  byVideo: boolean;
  startedOn: Date | null;
  concludedOn: Date | null;
  outcome: ReviewOutcome | null;
  early: boolean;
  /** Null for readers other than the CBSA office (mayReadReviewNotes): the hearing notes are its working notes. */
  notes: string | null;
  version: number;
};

export type CaseFileAssessment = (
  | { audience: "CASE_TEAM"; view: CaseTeamAssessmentView | null }
  | { audience: "COUNSEL"; view: CounselAssessmentView | null }
) & {
  /** Whether the deadline (CaseFile.assessmentDeadline) was met: null while not completed and not yet due. */
  met: boolean | null;
};

/** The review clock (IRPA ss.57, 56(1)) as of `now`, computed once for every section that shows it. */
export type ReviewClock = {
  /** The next review as stored by the reviews feature (Detention.nextReviewKind / nextReviewDueBy), with its status now. */
  next: { kind: ReviewKind; dueBy: Date; status: ReturnType<typeof reviewStatus> } | null;
  /** An adjourned review left the schedule for a person to check (docs/domain.md, "Adjourned review"). */
  needsCheck: boolean;
  /** The policy's "due soon" horizon in force now, in hours: what `next.status` was judged against. */
  dueSoonHours: number;
  /** IRPA s.56(1): a CBSA officer may still release, before the first review, while the person is detained. */
  officerReleaseWindowOpen: boolean;
  /** When that window closes at the latest: the first review's deadline, 48 hours after detention (s.57(1)). */
  firstReviewDueBy: Date;
  /** ID Rule 8(2): when the Minister's disclosure is due for the hearing scheduled, if it needs one. */
  disclosureDue: Date | null;
  /** The hearing scheduled for the next review, not yet recorded. */
  pending: CaseReview | null;
  /** Reviews with an outcome recorded, oldest first. */
  recorded: CaseReview[];
  /** Whether the reviews' notes are part of this view (lib/authz/reviews: the CBSA office's record). */
  showsNotes: boolean;
};

/** An outcome of the detention (lib/outcomes), as the case page shows it. */
export type CaseOutcome = {
  id: string;
  kind: OutcomeKind;
  releaseType: ReleaseType | null;
  occurredAt: Date;
  decidedBy: DecisionMaker;
  decisionMakerName: string | null;
  reason: string | null;
  conditions: OutcomeConditions | null;
  atdMeasures: AtdMeasure[];
  onPlan: boolean;
  recordedAt: Date;
  recordedBy: { name: string };
  supersededAt: Date | null;
  supersededBy: { name: string } | null;
  supersedeReason: string | null;
  replacedById: string | null;
  version: number;
};

/** A transfer between facilities, as the case shows it: when, from where, to where, and whether the case changed office. */
export type CaseTransfer = {
  id: string;
  transferredAt: Date;
  from: { name: string; timeZone: string; officeName: string };
  to: { name: string; timeZone: string; officeName: string };
  handedOver: boolean;
};

/** The facilities a person may be transferred to: every facility, grouped by the office responsible for it. */
export type TransferDestinations = { officeId: string; officeName: string; facilities: { id: string; name: string; timeZone: string }[] }[];

export type CaseFileTransfers = {
  /** Oldest first. */
  history: CaseTransfer[];
  /** For those who may record a transfer (the office's CLOs and supervisors, while the person is detained); else null. */
  destinations: TransferDestinations | null;
};

export type CaseFilePlan = {
  view: PlanView | null;
  /** Computed from the database as it is now (never stored): null without a plan. */
  readiness: Readiness | null;
  lastChange: PlanVersionView | null;
};

export type CaseFile = {
  id: string;
  reference: string;
  version: number;
  status: DetentionStatus;
  schedule: ReviewSchedule;
  grounds: DetentionGround[];
  detainedAt: Date;
  releasedAt: Date | null;
  assignedCloId: string | null;
  assignedClo: { id: string; name: string } | null;
  noProspectReason: string | null;
  noProspectRevisitOn: Date | null;
  detainee: {
    givenName: string;
    familyName: string;
    dateOfBirth: Date;
    gender: Gender;
    languages: string[];
    interpreterNeeded: boolean;
    interpreterLanguage: string | null;
    citizenship: string;
    clientId: string | null;
    counselId: string | null;
  };
  facility: { name: string; timeZone: string };
  /** The screening with the flags this viewer may see (visibleFlags), and nothing derived from any other. */
  screening: { version: number; flags: CaseFileFlag[] } | null;
  /** The flags this viewer may record: only flags they may see. */
  recordableFlags: VulnerabilityFlag[];
  /** Computed from the visible flags only: its basis never points at a flag the viewer may not see. */
  assessmentDeadline: AssessmentDeadline;
  reviewClock: ReviewClock;
  /** Null for a viewer with no reading of the assessment. */
  assessment: CaseFileAssessment | null;
  /** Null for a viewer who may not read the plan (lib/authz/plans.ts canReadPlan). */
  plan: CaseFilePlan | null;
  /** The case team's: open ones first, then by due date. Empty for others. */
  tasks: CaseTask[];
  /** Who may own a task: the active CLOs and supervisors of the office (the case team's view only). */
  taskOwners: { id: string; name: string }[];
  /** Whom a supervisor may assign the case to: the active CLOs of the office. */
  assignableClos: { id: string; name: string }[];
  /** The case's referrals for the CBSA side (referralScope); null for a viewer who may not see them. */
  referrals: OfficeReferral[] | null;
  /**
   * Counsel of record's view of the referrals (lib/referrals/counsel-queries.ts): provider, status and dates, never
   * the packet, messages or a decline's reason; with the directory to propose an option from. Null for anyone else.
   */
  counselCollaboration: { referrals: CounselReferral[]; providers: { id: string; name: string }[] } | null;
  /** The notes this viewer may read (noteReadScope), newest first. */
  notes: CaseNote[];
  /** Counsel of record: in force, history and requests for the office; counsel's own record for counsel (lib/counsel/case-queries.ts). */
  counsel: CaseCounsel;
  counts: { openTasks: number; referrals: number };
  /** Corrections (lib/corrections): what the forms need, and the history every reader of the case sees. */
  corrections: CaseCorrections;
  /** How the detention ended: the outcome in force, and (for the case team) the ones superseded, newest first. */
  outcome: { inForce: CaseOutcome | null; superseded: CaseOutcome[] };
  transfers: CaseFileTransfers;
  /** "Families and minors" (lib/families): null unless a minor-related flag this viewer may see is on the case. */
  families: CaseFamilies | null;
  /** The other cases of the person's family group that this viewer may open; null when the viewer neither sees nor links any. */
  familyMembers: CaseFamilyMembers | null;
  permissions: {
    edit: boolean;
    assign: boolean;
    writeNotes: boolean;
    editAssessment: boolean;
    editPlan: boolean;
    recordReviews: boolean;
    recordOutcome: boolean;
    supersedeOutcome: boolean;
    transfer: boolean;
  };
};

export type CaseCorrections = {
  detaineeId: string;
  detaineeVersion: number;
  facilityId: string;
  /** The office's facilities a facility entered wrongly may be corrected to (the case team's view only). */
  facilities: { id: string; name: string; timeZone: string }[];
  /** Whether a transfer is recorded: the facility is then the transfers' to say, not a correction's. */
  transferred: boolean;
  /** The person's corrections and this detention's, newest first. */
  history: CorrectionEntry[];
  /** cases.edit: correct the person and the detention; people.merge: merge a person recorded twice. */
  mayCorrect: boolean;
  mayMerge: boolean;
};

const REVIEW_SELECT = {
  id: true,
  kind: true,
  dueBy: true,
  scheduledFor: true,
  location: true,
  byVideo: true,
  startedOn: true,
  concludedOn: true,
  outcome: true,
  early: true,
  version: true,
} as const;

/** What one viewer's case file selects: the same shape for everyone, the parts they may not read matching nothing. */
function caseFileSelect(actor: Actor, audience: AssessmentAudience) {
  const team = can(actor, "cases.edit");
  return {
    id: true,
    reference: true,
    version: true,
    status: true,
    schedule: true,
    grounds: true,
    detainedAt: true,
    releasedAt: true,
    facilityId: true,
    assignedCloId: true,
    noProspectReason: true,
    noProspectRevisitOn: true,
    nextReviewKind: true,
    nextReviewDueBy: true,
    reviewNeedsCheck: true,
    detainee: {
      select: {
        givenName: true,
        familyName: true,
        dateOfBirth: true,
        gender: true,
        languages: true,
        interpreterNeeded: true,
        interpreterLanguage: true,
        citizenship: true,
        clientId: true,
        counselId: true,
        id: true,
        version: true,
        corrections: { where: { subject: "PERSON" }, orderBy: { changedAt: "desc" }, select: CORRECTION_SELECT },
        counselRecords: counselRecordsSelect(actor),
      },
    },
    facility: { select: { id: true, name: true, timeZone: true } },
    corrections: { where: { subject: "DETENTION" }, orderBy: { changedAt: "desc" }, select: CORRECTION_SELECT },
    _count: { select: { tasks: { where: { status: { in: ["OPEN", "IN_PROGRESS"] } } }, transfers: true } },
    assignedClo: { select: { id: true, name: true } },
    office: {
      select: {
        region: true,
        users: { where: team ? ACTIVE_CASEWORKER : NONE, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } },
        facilities: { where: team ? {} : NONE, orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } },
      },
    },
    screening: {
      select: {
        version: true,
        flags: { where: screeningFlagScope(actor), orderBy: { createdAt: "asc" }, select: { flag: true, details: true, consentRecordedAt: true } },
      },
    },
    // Counsel's assessment is selected without the risk opinion, so it never leaves the database for them.
    assessment: { select: { ...ASSESSMENT_SELECT, riskOpinion: audience === "CASE_TEAM" } },
    releasePlan: {
      select: {
        ...PLAN_SELECT,
        versions: { select: { version: true, changes: true, changedAt: true, changedBy: { select: { name: true } } }, orderBy: { version: "desc" }, take: 1 },
      },
    },
    reviews: {
      select: { ...REVIEW_SELECT, notes: mayReadReviewNotes(actor) },
      orderBy: [{ startedOn: { sort: "asc", nulls: "last" } }, { scheduledFor: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    },
    // The statuses alone: the plan's readiness counts an accepted referral for every reader of the plan.
    referrals: { select: { status: true } },
    tasks: {
      where: team ? {} : NONE,
      orderBy: [{ status: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { id: true, category: true, title: true, description: true, ownerId: true, owner: { select: { name: true } }, dueAt: true, status: true, outcome: true, version: true },
    },
    notes: {
      where: can(actor, "notes.write") ? noteReadScope(actor) : NONE,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTES_SHOWN,
      select: { id: true, body: true, visibility: true, createdAt: true, author: { select: { name: true } }, authorOrg: { select: { name: true } } },
    },
    // The outcome in force for every reader of the case; the superseded ones (with their reasons) for the case team.
    outcomes: {
      where: team ? {} : { supersededAt: null },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        kind: true,
        releaseType: true,
        occurredAt: true,
        decidedBy: true,
        decisionMakerName: true,
        reason: true,
        conditions: true,
        atdMeasures: true,
        onPlan: true,
        recordedAt: true,
        recordedBy: { select: { name: true } },
        supersededAt: true,
        supersededBy: { select: { name: true } },
        supersedeReason: true,
        replacedById: true,
        version: true,
      },
    },
    ...familySliceSelect(actor),
    transfers: {
      orderBy: { transferredAt: "asc" },
      select: {
        ...TRANSFER_ZONES_SELECT,
        id: true,
        handedOver: true,
        fromFacility: { select: { name: true, timeZone: true, office: { select: { name: true } } } },
        toFacility: { select: { name: true, timeZone: true, office: { select: { name: true } } } },
      },
    },
  } satisfies DetentionSelect;
}

const DETENTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case file of one detention as this viewer may read it, or null when they may not open it (a route parameter
 * that is not an id, another office's case, a person whose counsel they are not): the page answers "not found".
 */
export async function getCaseFile(actor: Actor, detentionId: string, now = new Date()): Promise<CaseFile | null> {
  if (!DETENTION_ID.test(detentionId)) return null;
  const audience = assessmentAudience(actor);
  const readsReferrals = can(actor, "referrals.compose");
  const mayTransfer = can(actor, "cases.edit");
  const [loaded, referralRows, facilities, counselChoices, counselReferrals, optionProviders, policyVersions] = await Promise.all([
    db().detention.findFirst({ where: { AND: [detentionScope(actor), { id: detentionId }] }, select: caseFileSelect(actor, audience) }),
    // The CBSA side's list, under referralScope (the office's referrals), alongside the case file's own statement.
    readsReferrals
      ? db().referral.findMany({ where: { AND: [referralScope(actor), { detentionId }] }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: officeReferralSelect })
      : Promise.resolve(null),
    // Where the person may be transferred: any facility of any office (a short list), for the case team only.
    mayTransfer
      ? db().facility.findMany({ orderBy: [{ office: { name: "asc" } }, { name: "asc" }], select: { id: true, name: true, timeZone: true, office: { select: { id: true, name: true } } } })
      : Promise.resolve(null),
    listCounselChoices(actor),
    // Counsel's side: the referrals under counselReferralScope, and the directory for proposing an option.
    listCounselReferrals(actor, detentionId),
    listOptionProviders(actor),
    // The release-first policy's versions: the deadline follows the one in force when the person was detained.
    loadPolicyVersions(),
  ]);
  if (!loaded) return null;

  const {
    detainee: { id: detaineeId, version: detaineeVersion, corrections: personCorrections, counselRecords, ...detainee },
    facility: { id: facilityId, ...facility },
  } = loaded;
  const flagAudience = { assignedCloId: loaded.assignedCloId, counselId: detainee.counselId };
  const flags = visibleFlags(actor, flagAudience, loaded.screening?.flags ?? []);
  const assessmentDeadline = caseAssessmentDeadline(loaded, flags.map((entry) => entry.flag), policyAt(policyVersions, loaded.detainedAt));

  const showsNotes = mayReadReviewNotes(actor);
  const reviews: CaseReview[] = loaded.reviews.map((review) => ({ ...review, notes: showsNotes ? (review.notes ?? null) : null }));
  const recorded = reviews.filter((review) => review.outcome !== null && review.startedOn !== null);
  const pending = reviews.find((review) => review.outcome === null) ?? null;
  const schedule = computeReviewSchedule({
    detainedAt: loaded.detainedAt,
    timeZone: facility.timeZone,
    zones: facilityZoneHistory(facility.timeZone, loaded.transfers.map(toZoneTransfer)),
    schedule: loaded.schedule,
    reviews: recorded.map((review) => ({ startedOn: review.startedOn!, concludedOn: review.concludedOn, outcome: review.outcome!, early: review.early })),
    releasedAt: loaded.releasedAt,
    now,
  });
  // "Due soon" is judged against the policy in force now (the deadline itself is the law's).
  const { dueSoonHours } = policyAt(policyVersions, now);
  const next = loaded.nextReviewKind && loaded.nextReviewDueBy ? { kind: loaded.nextReviewKind, dueBy: loaded.nextReviewDueBy, status: reviewStatus(loaded.nextReviewDueBy, now, dueSoonHours) } : null;
  const reviewClock: ReviewClock = {
    next,
    needsCheck: loaded.reviewNeedsCheck,
    dueSoonHours,
    // Officer release is for a person still detained (IRPA s.56(1)): not for one removed or transferred out either.
    officerReleaseWindowOpen: schedule.officerReleaseWindowOpen && loaded.status === "DETAINED",
    firstReviewDueBy: firstReviewDueBy(loaded.detainedAt),
    disclosureDue: pending?.scheduledFor && next && needsMinisterDisclosure(next.kind) ? ministerDisclosureDue(pending.scheduledFor, facility.timeZone) : null,
    pending,
    recorded,
    showsNotes,
  };

  const assessmentRow = loaded.assessment;
  const met = assessmentDeadlineMet(assessmentDeadline.dueBy, assessmentRow?.completedAt ?? null, now);
  let assessment: CaseFileAssessment | null = null;
  if (audience === "CASE_TEAM") assessment = { audience, view: assessmentRow ? { ...assessmentRow, riskOpinion: assessmentRow.riskOpinion ?? null } : null, met };
  else if (audience === "COUNSEL") {
    const view = assessmentRow ? (({ riskOpinion: _withheld, ...rest }) => rest)(assessmentRow) : null;
    assessment = { audience, view, met };
  }

  let plan: CaseFilePlan | null = null;
  if (canReadPlan(actor)) {
    const { versions, ...view } = loaded.releasePlan ?? { versions: [] as PlanVersionView[] };
    const readiness = loaded.releasePlan
      ? planReadiness({
          grounds: loaded.grounds,
          assessment: assessmentRow,
          plan: { measures: loaded.releasePlan.measures, mitigations: loaded.releasePlan.mitigations, bondspersons: loaded.releasePlan.bondspersons, residenceAddress: loaded.releasePlan.residenceAddress },
          referrals: loaded.referrals,
        })
      : null;
    plan = { view: loaded.releasePlan ? (view as PlanView) : null, readiness, lastChange: versions[0] ?? null };
  }

  // The families section follows the flags the viewer may see; its lists and providers are read only when it shows.
  const familySlices = toFamilySlices(actor, loaded, flags.map((entry) => entry.flag));
  const families = familySlices.families ? await loadFamilyResources(actor, loaded.office.region, familySlices.families) : null;

  const outcomes: CaseOutcome[] = loaded.outcomes.map((outcome) => ({ ...outcome, conditions: readConditions(outcome.conditions) }));
  const caseworkers = loaded.office.users;
  const transfer = mayTransfer && loaded.status === "DETAINED";
  const transfers: CaseFileTransfers = {
    history: loaded.transfers.map((row) => ({
      id: row.id,
      transferredAt: row.transferredAt,
      handedOver: row.handedOver,
      from: { name: row.fromFacility.name, timeZone: row.fromFacility.timeZone, officeName: row.fromFacility.office.name },
      to: { name: row.toFacility.name, timeZone: row.toFacility.timeZone, officeName: row.toFacility.office.name },
    })),
    // Any other facility: the one the person is in is no destination.
    destinations: transfer && facilities ? groupByOffice(facilities.filter((row) => row.id !== loaded.facilityId)) : null,
  };
  return {
    id: loaded.id,
    reference: loaded.reference,
    version: loaded.version,
    status: loaded.status,
    schedule: loaded.schedule,
    grounds: loaded.grounds,
    detainedAt: loaded.detainedAt,
    releasedAt: loaded.releasedAt,
    assignedCloId: loaded.assignedCloId,
    assignedClo: loaded.assignedClo,
    noProspectReason: loaded.noProspectReason,
    noProspectRevisitOn: loaded.noProspectRevisitOn,
    detainee,
    facility,
    screening: loaded.screening ? { version: loaded.screening.version, flags } : null,
    recordableFlags: visibleFlags(actor, flagAudience, VULNERABILITY_FLAGS),
    assessmentDeadline,
    reviewClock,
    assessment,
    plan,
    tasks: loaded.tasks,
    taskOwners: caseworkers.map(({ id, name }) => ({ id, name })),
    assignableClos: can(actor, "detentions.assign") ? caseworkers.filter(isAssignableClo).map(({ id, name }) => ({ id, name })) : [],
    referrals: referralRows ? referralRows.map(toOfficeReferral) : null,
    counselCollaboration: counselReferrals && optionProviders ? { referrals: counselReferrals, providers: optionProviders } : null,
    notes: loaded.notes,
    counsel: caseCounsel(actor, loaded.id, { version: detaineeVersion, counselRecords }, counselChoices),
    counts: { openTasks: loaded._count.tasks, referrals: loaded.referrals.length },
    corrections: {
      detaineeId,
      detaineeVersion,
      facilityId,
      facilities: loaded.office.facilities,
      transferred: loaded._count.transfers > 0,
      history: correctionHistory(personCorrections, loaded.corrections),
      mayCorrect: can(actor, "cases.edit"),
      mayMerge: can(actor, "people.merge"),
    },
    outcome: { inForce: outcomes.find((outcome) => outcome.supersededAt === null) ?? null, superseded: outcomes.filter((outcome) => outcome.supersededAt !== null) },
    transfers,
    families,
    familyMembers: familySlices.members,
    permissions: {
      edit: can(actor, "cases.edit"),
      assign: can(actor, "detentions.assign"),
      writeNotes: can(actor, "notes.write"),
      editAssessment: canEditAssessment(actor),
      editPlan: canEditPlan(actor),
      recordReviews: mayRecordReviews(actor),
      recordOutcome: mayRecordOutcome(actor),
      supersedeOutcome: maySupersedeOutcome(actor),
      transfer,
    },
  };
}

function groupByOffice(facilities: { id: string; name: string; timeZone: string; office: { id: string; name: string } }[]): TransferDestinations {
  const groups = new Map<string, TransferDestinations[number]>();
  for (const { office, ...facility } of facilities) {
    const group = groups.get(office.id) ?? { officeId: office.id, officeName: office.name, facilities: [] };
    group.facilities.push(facility);
    groups.set(office.id, group);
  }
  return [...groups.values()];
}
