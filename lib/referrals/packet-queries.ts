import "server-only";
import { createHash } from "node:crypto";
import type { Transaction } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { screeningFlagScope } from "@/lib/authz/cases";
import type { PacketSource, ReferralPacket } from "@/lib/referrals/packet";

/**
 * The case data a referral packet is built from (lib/referrals/packet.ts builds it), read for the compose preview
 * and again inside the sending transaction, and the digest that ties the packet sent to the one previewed.
 */

/** The case data a packet is built from, read inside the caller's transaction when sending. */
export async function loadPacketSource(client: Transaction, actor: Actor, detentionId: string): Promise<(PacketSource & { detaineeId: string; reference: string }) | null> {
  const detention = await client.detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: {
      reference: true,
      detaineeId: true,
      detainedAt: true,
      grounds: true,
      nextReviewKind: true,
      nextReviewDueBy: true,
      facility: { select: { name: true, timeZone: true } },
      detainee: { select: { givenName: true, familyName: true, dateOfBirth: true, languages: true, interpreterNeeded: true, interpreterLanguage: true } },
      // Only flags the sender may see; the packet then drops the never-shared ones whoever sends (lib/referrals/packet.ts).
      screening: { select: { flags: { where: screeningFlagScope(actor), orderBy: { flag: "asc" }, select: { flag: true, details: true } } } },
      assessment: { select: { riskOpinion: true, needs: { orderBy: { area: "asc" }, select: { area: true, notes: true } } } },
      releasePlan: { select: { measures: true, residenceAddress: true, residenceDetails: true, proposedConditions: true } },
    },
  });
  if (!detention) return null;
  return {
    reference: detention.reference,
    detaineeId: detention.detaineeId,
    detainee: detention.detainee,
    detention: {
      facilityName: detention.facility.name,
      timeZone: detention.facility.timeZone,
      detainedAt: detention.detainedAt,
      grounds: detention.grounds,
      nextReviewKind: detention.nextReviewKind,
      nextReviewDueBy: detention.nextReviewDueBy,
    },
    flags: detention.screening?.flags ?? [],
    needs: detention.assessment?.needs ?? [],
    releasePlan: detention.releasePlan,
    riskOpinion: detention.assessment?.riskOpinion ?? null,
  };
}

/** A fingerprint of a packet: sending refuses a packet that differs from the one the CLO previewed. */
export function packetDigest(packet: ReferralPacket): string {
  return createHash("sha256").update(JSON.stringify(packet)).digest("hex");
}
