import { z } from "zod";
import type { AtdMeasure, ConsentField, DetentionGround, NeedArea, ReviewKind, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/**
 * The referral packet: what a provider sees of a case, built on the server from the case and the fields the
 * CLO chose within the person's consent. Pure, so the preview the CLO approves and the snapshot stored at
 * send time come from the same function and the same data.
 */

export const CONSENT_FIELDS = [
  "IDENTITY",
  "CONTACT_AND_LANGUAGE",
  "DETENTION_FACTS",
  "REVIEW_DATES",
  "VULNERABILITIES",
  "NEEDS",
  "HEALTH_DETAILS",
  "RELEASE_PLAN",
  "RISK_OPINION",
] as const satisfies readonly ConsentField[];

/** Flags whose details are health information, shared only under HEALTH_DETAILS. */
export const HEALTH_FLAGS: readonly VulnerabilityFlag[] = ["MENTAL_HEALTH", "MEDICAL", "DISABILITY", "PREGNANCY"];

/**
 * Trafficking indicators never leave the case team (docs/domain.md, Screening): not by name, not by detail,
 * whatever the consent says.
 */
export const NEVER_SHARED_FLAGS: readonly VulnerabilityFlag[] = ["TRAFFICKING_INDICATORS"];

export type PacketSource = {
  detainee: {
    givenName: string;
    familyName: string;
    dateOfBirth: Date;
    languages: readonly string[];
    interpreterNeeded: boolean;
    interpreterLanguage: string | null;
  };
  detention: {
    facilityName: string;
    timeZone: string;
    detainedAt: Date;
    grounds: readonly DetentionGround[];
    nextReviewKind: ReviewKind | null;
    nextReviewDueBy: Date | null;
  };
  flags: readonly { flag: VulnerabilityFlag; details: string | null }[];
  needs: readonly { area: NeedArea; notes: string | null }[];
  releasePlan: { measures: readonly AtdMeasure[]; residenceAddress: string | null; residenceDetails: string | null; proposedConditions: string | null } | null;
  riskOpinion: string | null;
};

export type ReferralPacket = {
  identity?: { givenName: string; familyName: string; dateOfBirth: string | null };
  contactAndLanguage?: { languages: string[]; interpreterNeeded: boolean | null; interpreterLanguage: string | null };
  detentionFacts?: { facility: string; timeZone: string | null; detainedAt: string; grounds: DetentionGround[] };
  reviewDates?: { nextReviewKind: ReviewKind | null; nextReviewDueBy: string | null; timeZone: string | null };
  vulnerabilities?: VulnerabilityFlag[];
  healthDetails?: { flag: VulnerabilityFlag; details: string }[];
  needs?: { area: NeedArea; notes: string | null }[];
  releasePlan?: { measures: AtdMeasure[]; residenceAddress: string | null; residenceDetails: string | null; proposedConditions: string | null };
  riskOpinion?: string;
};

/** The fields ticked when the CLO starts a packet: everything the consent covers except the CLO's own risk opinion. */
export function defaultPacketFields(consentFields: readonly ConsentField[]): ConsentField[] {
  return CONSENT_FIELDS.filter((field) => field !== "RISK_OPINION" && consentFields.includes(field));
}

/** The fields that will really be shared: chosen by the CLO and covered by the consent, in a stable order. */
export function effectivePacketFields(chosen: readonly ConsentField[], consentFields: readonly ConsentField[]): ConsentField[] {
  return CONSENT_FIELDS.filter((field) => chosen.includes(field) && consentFields.includes(field));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function buildPacket(source: PacketSource, chosen: readonly ConsentField[], consentFields: readonly ConsentField[]): ReferralPacket {
  const fields = new Set(effectivePacketFields(chosen, consentFields));
  const packet: ReferralPacket = {};
  const shareableFlags = source.flags.filter((entry) => !NEVER_SHARED_FLAGS.includes(entry.flag));

  if (fields.has("IDENTITY")) {
    packet.identity = { givenName: source.detainee.givenName, familyName: source.detainee.familyName, dateOfBirth: isoDate(source.detainee.dateOfBirth) };
  }
  if (fields.has("CONTACT_AND_LANGUAGE")) {
    packet.contactAndLanguage = {
      languages: [...source.detainee.languages],
      interpreterNeeded: source.detainee.interpreterNeeded,
      interpreterLanguage: source.detainee.interpreterNeeded ? source.detainee.interpreterLanguage : null,
    };
  }
  if (fields.has("DETENTION_FACTS")) {
    packet.detentionFacts = {
      facility: source.detention.facilityName,
      timeZone: source.detention.timeZone,
      detainedAt: source.detention.detainedAt.toISOString(),
      grounds: [...source.detention.grounds],
    };
  }
  if (fields.has("REVIEW_DATES")) {
    packet.reviewDates = {
      nextReviewKind: source.detention.nextReviewKind,
      nextReviewDueBy: source.detention.nextReviewDueBy?.toISOString() ?? null,
      timeZone: source.detention.timeZone,
    };
  }
  if (fields.has("VULNERABILITIES")) {
    // Names only: the details are the person's own account and stay with the case team.
    packet.vulnerabilities = shareableFlags.map((entry) => entry.flag);
  }
  if (fields.has("HEALTH_DETAILS")) {
    packet.healthDetails = shareableFlags
      .filter((entry) => HEALTH_FLAGS.includes(entry.flag) && entry.details && entry.details.trim() !== "")
      .map((entry) => ({ flag: entry.flag, details: entry.details! }));
  }
  if (fields.has("NEEDS")) {
    packet.needs = source.needs.map((need) => ({ area: need.area, notes: need.notes }));
  }
  if (fields.has("RELEASE_PLAN") && source.releasePlan) {
    packet.releasePlan = {
      measures: [...source.releasePlan.measures],
      residenceAddress: source.releasePlan.residenceAddress,
      residenceDetails: source.releasePlan.residenceDetails,
      proposedConditions: source.releasePlan.proposedConditions,
    };
  }
  // docs/domain.md: the CLO's risk opinion only when the CLO includes it and the person consented to it.
  if (fields.has("RISK_OPINION") && source.riskOpinion && source.riskOpinion.trim() !== "") {
    packet.riskOpinion = source.riskOpinion;
  }
  return packet;
}

// Reading a stored packet: older packets (the demo's) carry fewer details, so every part is optional and
// anything unexpected is dropped rather than shown.
const str = z.string();
const nullableStr = z.string().nullable().optional().transform((value) => value ?? null);
const storedPacketSchema = z.object({
  identity: z.object({ givenName: str, familyName: str, dateOfBirth: nullableStr }).optional().catch(undefined),
  contactAndLanguage: z
    .object({ languages: z.array(str).catch([]), interpreterNeeded: z.boolean().nullable().optional().transform((value) => value ?? null), interpreterLanguage: nullableStr })
    .optional()
    .catch(undefined),
  detentionFacts: z.object({ facility: str, timeZone: nullableStr, detainedAt: str, grounds: z.array(str).catch([]) }).optional().catch(undefined),
  reviewDates: z.object({ nextReviewKind: nullableStr, nextReviewDueBy: nullableStr, timeZone: nullableStr }).optional().catch(undefined),
  vulnerabilities: z.array(str).optional().catch(undefined),
  healthDetails: z.array(z.object({ flag: str, details: str })).optional().catch(undefined),
  needs: z
    .array(z.union([str.transform((area) => ({ area, notes: null })), z.object({ area: str, notes: nullableStr })]))
    .optional()
    .catch(undefined),
  releasePlan: z
    .object({ measures: z.array(str).catch([]), residenceAddress: nullableStr, residenceDetails: nullableStr, proposedConditions: nullableStr })
    .optional()
    .catch(undefined),
  riskOpinion: str.optional().catch(undefined),
});

/** A stored snapshot read back for display. Values keep the shapes buildPacket wrote. */
export function readPacket(stored: unknown): ReferralPacket {
  const parsed = storedPacketSchema.safeParse(stored ?? {});
  if (!parsed.success) return {};
  const entries = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
  const packet = Object.fromEntries(entries) as ReferralPacket;
  // Trafficking indicators are dropped even from a packet stored before this rule existed.
  if (packet.vulnerabilities) packet.vulnerabilities = packet.vulnerabilities.filter((flag) => !NEVER_SHARED_FLAGS.includes(flag));
  if (packet.healthDetails) packet.healthDetails = packet.healthDetails.filter((entry) => !NEVER_SHARED_FLAGS.includes(entry.flag));
  return packet;
}
