import "server-only";
import { db, type Database, type Transaction } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { canConfirmBondsperson, canEditPlan, canProposeBondsperson, canReadPlan } from "@/lib/authz/plans";
import { isUuid } from "@/lib/assessments/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { nextStatuses, planReadiness, type Readiness } from "@/lib/release-plans/rules";
import type { ReleasePlanSelect } from "@/lib/generated/prisma/models";
import type { AtdMeasure, DetentionGround, DetentionStatus, PlanStatus, Role } from "@/lib/generated/prisma/enums";

export const PLAN_SELECT = {
  id: true,
  status: true,
  version: true,
  measures: true,
  residenceAddress: true,
  residenceDetails: true,
  proposedConditions: true,
  statusChangedAt: true,
  updatedAt: true,
  mitigations: { select: { ground: true, mitigation: true }, orderBy: { ground: "asc" } },
  bondspersons: {
    select: {
      id: true,
      name: true,
      relationship: true,
      phone: true,
      email: true,
      amountCents: true,
      citizenOrPermanentResident: true,
      residesInCanada: true,
      noGuaranteeInDefault: true,
      confirmed: true,
      proposedBy: { select: { name: true, role: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies ReleasePlanSelect;

export type BondspersonView = {
  id: string;
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
  amountCents: number | null;
  citizenOrPermanentResident: boolean;
  residesInCanada: boolean;
  noGuaranteeInDefault: boolean;
  confirmed: boolean;
  proposedBy: { name: string; role: Role };
};

export type PlanView = {
  id: string;
  status: PlanStatus;
  version: number;
  measures: AtdMeasure[];
  residenceAddress: string | null;
  residenceDetails: string | null;
  proposedConditions: string | null;
  statusChangedAt: Date;
  updatedAt: Date;
  mitigations: { ground: DetentionGround; mitigation: string }[];
  bondspersons: BondspersonView[];
};

export type PlanVersionView = { version: number; changes: string[]; changedAt: Date; changedBy: { name: string } };

export type PlanPage = {
  detention: {
    id: string;
    reference: string;
    status: DetentionStatus;
    grounds: DetentionGround[];
    facility: { name: string; timeZone: string };
    detainee: { givenName: string; familyName: string };
  };
  /** From the assessment: what the checklist and the prefill need, never the risk opinion. */
  assessment: { exists: boolean; completedAt: Date | null; interviewAt: Date | null; noInterviewReason: string | null; mitigations: { ground: DetentionGround; mitigation: string | null }[] };
  plan: PlanView | null;
  readiness: Readiness | null;
  /** The statuses the actor may move the plan to now (empty for counsel). */
  nextStatuses: PlanStatus[];
  history: PlanVersionView[];
  permissions: { edit: boolean; proposeBondsperson: boolean; confirmBondsperson: boolean };
};

type Client = Database | Transaction;

/**
 * The readiness checklist of a detention's plan, computed from the database as it is now (never
 * stored, never taken from the client). Null when the detention has no plan.
 */
export async function loadReadiness(client: Client, detentionId: string): Promise<{ readiness: Readiness; status: PlanStatus; version: number } | null> {
  const detention = await client.detention.findUnique({
    where: { id: detentionId },
    select: {
      grounds: true,
      assessment: { select: { interviewAt: true, noInterviewReason: true } },
      releasePlan: { select: { status: true, version: true, measures: true, residenceAddress: true, mitigations: { select: { ground: true, mitigation: true } }, bondspersons: { select: { confirmed: true, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true } } } },
      referrals: { select: { status: true } },
    },
  });
  if (!detention?.releasePlan) return null;
  const { releasePlan: plan } = detention;
  const readiness = planReadiness({
    grounds: detention.grounds,
    assessment: detention.assessment,
    plan: { measures: plan.measures, mitigations: plan.mitigations, bondspersons: plan.bondspersons, residenceAddress: plan.residenceAddress },
    referrals: detention.referrals,
  });
  return { readiness, status: plan.status, version: plan.version };
}

/** Everything the plan section, editor and printable view show, scoped to what the actor may see. */
export async function getPlanPage(actor: Actor, detentionId: string, options: { audit?: "plan.open" | "plan.print" } = {}): Promise<PlanPage | null> {
  if (!canReadPlan(actor) || !isUuid(detentionId)) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [{ id: detentionId }, detentionScope(actor)] },
    select: {
      id: true,
      reference: true,
      status: true,
      grounds: true,
      facility: { select: { name: true, timeZone: true } },
      detainee: { select: { givenName: true, familyName: true } },
      assessment: { select: { completedAt: true, interviewAt: true, noInterviewReason: true, grounds: { select: { ground: true, mitigation: true } } } },
      releasePlan: {
        select: {
          ...PLAN_SELECT,
          versions: { select: { version: true, changes: true, changedAt: true, changedBy: { select: { name: true } } }, orderBy: { version: "desc" }, take: 50 },
        },
      },
    },
  });
  if (!detention) return null;
  // Opening the plan (and printing it) is a read of the case file: audited, without personal data.
  if (options.audit) {
    const action = options.audit;
    await db().$transaction((tx) => recordAudit(tx, actor, { action, entityType: "ReleasePlan", entityId: detention.releasePlan?.id ?? null, detentionId: detention.id }));
  }
  const { assessment, releasePlan, ...facts } = detention;
  const loaded = releasePlan ? await loadReadiness(db(), detention.id) : null;
  const edit = canEditPlan(actor);
  const { versions, ...plan } = releasePlan ?? { versions: [] as PlanVersionView[] };
  return {
    detention: facts,
    assessment: {
      exists: !!assessment,
      completedAt: assessment?.completedAt ?? null,
      interviewAt: assessment?.interviewAt ?? null,
      noInterviewReason: assessment?.noInterviewReason ?? null,
      mitigations: assessment?.grounds ?? [],
    },
    plan: releasePlan ? (plan as PlanView) : null,
    readiness: loaded?.readiness ?? null,
    nextStatuses: edit && loaded ? nextStatuses(loaded.status, loaded.readiness) : [],
    history: versions,
    permissions: { edit, proposeBondsperson: canProposeBondsperson(actor) && !!releasePlan, confirmBondsperson: canConfirmBondsperson(actor) },
  };
}
