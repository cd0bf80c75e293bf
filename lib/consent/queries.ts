import "server-only";
import { isUuid } from "@/lib/referrals/schema";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import type { ConsentField, ConsentMethod } from "@/lib/generated/prisma/enums";

export type ConsentRow = {
  id: string;
  recipientOrgId: string;
  recipientName: string;
  purpose: string;
  fields: ConsentField[];
  method: ConsentMethod;
  interpreterLanguage: string | null;
  givenAt: Date;
  recordedByName: string;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
};

export type CaseConsents = {
  detentionId: string;
  reference: string;
  personName: string;
  timeZone: string;
  consents: ConsentRow[];
  recipients: { id: string; name: string }[];
};

/**
 * The person's consents, for the case team. Consent belongs to the person, not to one detention: a consent
 * given during an earlier detention is shown too, and may be withdrawn here.
 */
export async function getCaseConsents(actor: Actor, detentionId: string): Promise<CaseConsents | null> {
  if (!isUuid(detentionId)) return null;
  if (!can(actor, "consent.record")) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: {
      id: true,
      reference: true,
      detaineeId: true,
      facility: { select: { timeZone: true } },
      detainee: { select: { givenName: true, familyName: true } },
    },
  });
  if (!detention) return null;
  const [consents, recipients] = await Promise.all([
    db().consent.findMany({
      where: { detaineeId: detention.detaineeId },
      orderBy: [{ givenAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        recipientOrgId: true,
        purpose: true,
        fields: true,
        method: true,
        interpreterLanguage: true,
        givenAt: true,
        withdrawnAt: true,
        recipientOrg: { select: { name: true } },
        recordedBy: { select: { name: true } },
        withdrawnBy: { select: { name: true } },
      },
    }),
    db().organization.findMany({
      where: { active: true, kind: { in: ["SERVICE_PROVIDER", "OTHER_NGO"] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    detentionId: detention.id,
    reference: detention.reference,
    personName: `${detention.detainee.givenName} ${detention.detainee.familyName}`,
    timeZone: detention.facility.timeZone,
    recipients,
    consents: consents.map(({ recipientOrg, recordedBy, withdrawnBy, ...consent }) => ({
      ...consent,
      recipientName: recipientOrg.name,
      recordedByName: recordedBy.name,
      withdrawnByName: withdrawnBy?.name ?? null,
    })),
  };
}
