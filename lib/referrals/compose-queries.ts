import "server-only";
import { isUuid } from "@/lib/referrals/schema";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz";
import { buildPacket, defaultPacketFields, effectivePacketFields, type ReferralPacket } from "@/lib/referrals/packet";
import { loadPacketSource, packetDigest } from "@/lib/referrals/packet-queries";
import type { ConsentField, ConsentMethod } from "@/lib/generated/prisma/enums";

/** The compose screen (/cases/[id]/referrals/new): the provider, the consent in force and the packet exactly as it would be sent. */

export type ComposeConsent = { id: string; purpose: string; fields: ConsentField[]; method: ConsentMethod; givenAt: Date };

export type ComposeView = {
  detentionId: string;
  reference: string;
  personName: string;
  timeZone: string;
  providers: { id: string; name: string }[];
  provider: { id: string; name: string; organizationId: string } | null;
  consents: ComposeConsent[];
  consent: ComposeConsent | null;
  chosenFields: ConsentField[];
  packet: ReferralPacket | null;
  digest: string | null;
};

/**
 * The compose screen: the provider, the consent in force for that provider's organisation, the fields chosen
 * (by default every field the consent covers except the risk opinion) and the packet exactly as it would be sent.
 */
export async function getComposeView(actor: Actor, detentionId: string, choice: { providerId?: string; consentId?: string; fields?: ConsentField[] }): Promise<ComposeView | null> {
  if (!isUuid(detentionId)) return null;
  if (!can(actor, "referrals.compose")) return null;
  const source = await db().$transaction((tx) => loadPacketSource(tx, actor, detentionId));
  if (!source) return null;
  const providerRows = await db().serviceProvider.findMany({
    where: { listed: true, organization: { active: true } },
    orderBy: [{ organization: { name: "asc" } }],
    select: { id: true, organizationId: true, organization: { select: { name: true } } },
  });
  const providers = providerRows.map((row) => ({ id: row.id, name: row.organization.name, organizationId: row.organizationId }));
  const provider = providers.find((row) => row.id === choice.providerId) ?? null;
  const consents = provider
    ? await db().consent.findMany({
        where: { detaineeId: source.detaineeId, recipientOrgId: provider.organizationId, withdrawnAt: null },
        orderBy: [{ givenAt: "desc" }, { id: "asc" }],
        select: { id: true, purpose: true, fields: true, method: true, givenAt: true },
      })
    : [];
  const consent = consents.find((row) => row.id === choice.consentId) ?? consents[0] ?? null;
  const chosenFields = consent ? (choice.fields ? effectivePacketFields(choice.fields, consent.fields) : defaultPacketFields(consent.fields)) : [];
  const packet = consent ? buildPacket(source, chosenFields, consent.fields) : null;
  return {
    detentionId,
    reference: source.reference,
    personName: `${source.detainee.givenName} ${source.detainee.familyName}`,
    timeZone: source.detention.timeZone,
    providers: providers.map(({ id, name }) => ({ id, name })),
    provider,
    consents,
    consent,
    chosenFields,
    packet,
    digest: packet ? packetDigest(packet) : null,
  };
}
