import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { referralAccessScope, referralSide } from "@/lib/authz/referrals";
import { isUuid } from "@/lib/referrals/schema";
import { nextStatuses } from "@/lib/referrals/rules";
import { OUTSIDE_ANSWERS, type OutsideAnswer } from "@/lib/outside-referrals/rules";
import { localToday } from "@/lib/time/facility-clock";

export type OutsideReferralFormView = {
  detentionId: string;
  reference: string;
  personName: string;
  /** Directory programs with no Liaison users (no active user): the ones an outside referral may name. */
  providers: { id: string; name: string }[];
};

/** What the "refer to a program outside Liaison" page shows; null unless the actor may compose referrals for this case. */
export async function getOutsideReferralForm(actor: Actor, detentionId: string): Promise<OutsideReferralFormView | null> {
  if (!isUuid(detentionId) || !can(actor, "referrals.compose") || referralSide(actor) !== "CLO") return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: { id: true, reference: true, detainee: { select: { givenName: true, familyName: true } } },
  });
  if (!detention) return null;
  const providers = await db().serviceProvider.findMany({
    where: { listed: true, organization: { active: true, users: { none: { active: true } } } },
    orderBy: [{ organization: { name: "asc" } }],
    select: { id: true, organization: { select: { name: true } } },
  });
  return {
    detentionId: detention.id,
    reference: detention.reference,
    personName: `${detention.detainee.givenName} ${detention.detainee.familyName}`,
    providers: providers.map((provider) => ({ id: provider.id, name: provider.organization.name })),
  };
}

export type OutsideReferralDetail = {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** YYYY-MM-DD on the facility's calendar. */
  answeredOn: string | null;
  /** The answers still open from the referral's status (empty once answered for good). */
  answers: OutsideAnswer[];
  /** The facility's today, the latest date the answer may carry. */
  today: string;
  /** The office's documents on the case that may serve as the letter: linked to this referral or to nothing. */
  documents: { id: string; fileName: string; linked: boolean }[];
};

/** The outside part of a referral for the sending office; null for any other referral or reader. */
export async function getOutsideReferralDetail(actor: Actor, referralId: string): Promise<OutsideReferralDetail | null> {
  if (!isUuid(referralId) || referralSide(actor) !== "CLO") return null;
  const referral = await db().referral.findFirst({
    where: { AND: [referralAccessScope(actor), { id: referralId, outside: true }] },
    select: { status: true, contactName: true, contactEmail: true, contactPhone: true, answeredOn: true, detentionId: true, detention: { select: { facility: { select: { timeZone: true } } } } },
  });
  if (!referral) return null;
  const documents = await db().document.findMany({
    where: { detentionId: referral.detentionId, authorOrgId: actor.organizationId, OR: [{ referralId: null }, { referralId }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, fileName: true, referralId: true },
  });
  const open = nextStatuses(referral.status, "PROVIDER");
  return {
    contactName: referral.contactName,
    contactEmail: referral.contactEmail,
    contactPhone: referral.contactPhone,
    answeredOn: referral.answeredOn ? referral.answeredOn.toISOString().slice(0, 10) : null,
    answers: OUTSIDE_ANSWERS.filter((answer) => open.includes(answer)),
    today: localToday(referral.detention.facility.timeZone),
    documents: documents.map((document) => ({ id: document.id, fileName: document.fileName, linked: document.referralId === referralId })),
  };
}
