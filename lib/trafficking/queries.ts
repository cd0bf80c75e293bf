import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { traffickingScreenScope, traffickingVisible } from "@/lib/authz/cases";
import type { InterviewMode, TraffickingIndicator, TraffickingOutcome } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/referrals/schema";
import type { CaseFile } from "@/lib/case-file/queries";

export type TraffickingScreenView = {
  id: string;
  recordedAt: Date;
  recordedBy: string;
  disclosureConfirmedAt: Date;
  disclosureMethod: InterviewMode;
  interpreterLanguage: string | null;
  indicators: TraffickingIndicator[];
  recruitmentNotes: string | null;
  controlNotes: string | null;
  debtNotes: string | null;
  conditionsNotes: string | null;
  threatsNotes: string | null;
  marriageNotes: string | null;
  outcome: TraffickingOutcome;
};

/** The case's trafficking screens for a viewer who sees its trafficking flag, latest first; whether they may record one. */
export type CaseTraffickingScreens = { screens: TraffickingScreenView[]; mayRecord: boolean };

/**
 * The screens of a case, or null for anyone outside the trafficking flag's audience (traffickingVisible): null, not an
 * empty list, so the page shows such a viewer nothing at all, not even that a screen could exist.
 */
export async function traffickingScreensForCase(actor: Actor, detentionId: string): Promise<CaseTraffickingScreens | null> {
  if (!isUuid(detentionId)) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: { id: true, assignedCloId: true, detainee: { select: { counselId: true } } },
  });
  return detention ? screensOf(actor, detention) : null;
}

/**
 * The same, for the case page, which has already read the case under detentionScope: the case file it got from
 * getCaseFile (lib/case-file/queries.ts) for this actor stands for that check, as it does for recordCaseFileOpened,
 * so the detention is not read again.
 */
export async function traffickingScreensForCaseFile(actor: Actor, caseFile: Pick<CaseFile, "id" | "assignedCloId"> & { detainee: Pick<CaseFile["detainee"], "counselId"> }): Promise<CaseTraffickingScreens | null> {
  return screensOf(actor, caseFile);
}

async function screensOf(actor: Actor, detention: { id: string; assignedCloId: string | null; detainee: { counselId: string | null } }): Promise<CaseTraffickingScreens | null> {
  if (!traffickingVisible(actor, { assignedCloId: detention.assignedCloId, counselId: detention.detainee.counselId })) return null;
  const screens = await db().traffickingScreen.findMany({
    where: { AND: [{ detentionId: detention.id }, traffickingScreenScope(actor)] },
    orderBy: { recordedAt: "desc" },
    select: {
      id: true,
      recordedAt: true,
      recordedBy: { select: { name: true } },
      disclosureConfirmedAt: true,
      disclosureMethod: true,
      interpreterLanguage: true,
      indicators: true,
      recruitmentNotes: true,
      controlNotes: true,
      debtNotes: true,
      conditionsNotes: true,
      threatsNotes: true,
      marriageNotes: true,
      outcome: true,
    },
  });
  return { screens: screens.map(({ recordedBy, ...screen }) => ({ ...screen, recordedBy: recordedBy.name })), mayRecord: can(actor, "cases.edit") };
}
