import type { Gender, NeedArea, ProviderKind, ProviderService, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/**
 * Matching a case to service providers (docs/domain.md: "Any provider may receive a referral; contracted
 * CCMS providers are not preferred by the software"). Pure: the score reads the person's needs, vulnerability
 * flags, languages, the office's region and the provider's open spaces, and never the provider's kind.
 * Every point is explained in words, so a CLO sees why a provider is proposed and can disagree.
 */

export type MatchCase = {
  gender: Gender;
  /** Most comfortable first. */
  languages: readonly string[];
  interpreterLanguage: string | null;
  region: string;
  needs: readonly NeedArea[];
  /** Only the flags the viewer may see (screeningFlagScope): a trafficking flag only for its audience. */
  flags: readonly VulnerabilityFlag[];
};

export type MatchProvider = {
  id: string;
  name: string;
  kind: ProviderKind;
  services: readonly ProviderService[];
  servesGenders: readonly Gender[];
  sogieAffirming: boolean;
  familiesWithChildren: boolean;
  minors: boolean;
  mentalHealthSupport: boolean;
  substanceUseSupport: boolean;
  languages: readonly string[];
  region: string;
  spacesOpen: number;
};

/** A reason for (or against) a provider, rendered by the page from the `providerMatching.reasons` catalogue. */
export type MatchReason =
  | { key: "servesGender"; gender: Gender; fits: true }
  | { key: "doesNotServeGender"; gender: Gender; fits: false }
  | { key: "language"; language: string; fits: true }
  | { key: "noSharedLanguage"; fits: false }
  | { key: "sameRegion"; region: string; fits: true }
  | { key: "otherRegion"; region: string; fits: false }
  | { key: "meetsNeed"; need: NeedArea; fits: true }
  | { key: "support"; support: SupportKey; fits: true }
  | { key: "spacesOpen"; count: number; fits: true }
  | { key: "noSpaces"; fits: false };

export type SupportKey = "sogieAffirming" | "familiesWithChildren" | "minors" | "mentalHealth" | "traumaSupport" | "medical" | "settlement" | "antiTrafficking";

export type ProviderMatch = { provider: MatchProvider; score: number; reasons: MatchReason[] };

// Points: a stated order of importance, not tuned weights. Serving the person at all comes first, then
// what they need and what makes them vulnerable, then being understood, then being nearby, then room now.
const POINTS = {
  genderMismatch: -100,
  needMet: 10,
  supportMet: 10,
  firstLanguage: 15,
  otherLanguage: 8,
  sameRegion: 20,
  spacesOpen: 10,
  noSpaces: -10,
} as const;

/** Services that answer an assessed need. */
const NEED_SERVICES: Record<NeedArea, readonly ProviderService[]> = {
  HOUSING: ["HOUSING"],
  PHYSICAL_HEALTH: ["MEDICAL"],
  MENTAL_HEALTH: ["MENTAL_HEALTH"],
  FAMILY_AND_COMMUNITY_TIES: ["FAMILY_SUPPORT", "SETTLEMENT"],
  INCOME: ["EMPLOYMENT"],
  DOCUMENTS: ["SETTLEMENT", "LEGAL_SUPPORT"],
  LEGAL_REPRESENTATION: ["LEGAL_SUPPORT"],
  TRANSPORT: [],
  OTHER: [],
};

/** What a provider must offer to support a person with a vulnerability flag. */
function supportFor(flag: VulnerabilityFlag, provider: MatchProvider): SupportKey | null {
  const offers = (service: ProviderService) => provider.services.includes(service);
  switch (flag) {
    case "SOGIE":
      return provider.sogieAffirming ? "sogieAffirming" : null;
    case "MENTAL_HEALTH":
      return provider.mentalHealthSupport || offers("MENTAL_HEALTH") ? "mentalHealth" : null;
    case "MINOR_DETAINED":
      return provider.minors ? "minors" : null;
    case "MINOR_HOUSED":
    case "SEPARATED_FROM_CHILD":
      return provider.familiesWithChildren ? "familiesWithChildren" : null;
    case "GBV_SURVIVOR":
      return offers("TRAUMA_SUPPORT") ? "traumaSupport" : null;
    case "MEDICAL":
    case "DISABILITY":
    case "PREGNANCY":
    case "ELDERLY":
      return offers("MEDICAL") ? "medical" : null;
    case "NO_COMMUNITY_TIES":
      return offers("SETTLEMENT") ? "settlement" : null;
    // Indicators of trafficking (or exploitation short of it, lib/trafficking/rules.ts): specialised support. The flag
    // reaches this function only for a viewer who may see it (screeningFlagScope), so the reason follows access.
    case "TRAFFICKING_INDICATORS":
      return offers("ANTI_TRAFFICKING") ? "antiTrafficking" : null;
    case "LANGUAGE_BARRIER":
      return null;
  }
}

const normalise = (language: string) => language.trim().toLocaleLowerCase("en");

export function scoreProvider(person: MatchCase, provider: MatchProvider): ProviderMatch {
  const reasons: MatchReason[] = [];
  let score = 0;

  if (person.gender !== "UNDISCLOSED") {
    if (provider.servesGenders.includes(person.gender)) {
      reasons.push({ key: "servesGender", gender: person.gender, fits: true });
    } else {
      score += POINTS.genderMismatch;
      reasons.push({ key: "doesNotServeGender", gender: person.gender, fits: false });
    }
  }

  for (const need of new Set(person.needs)) {
    if (NEED_SERVICES[need].some((service) => provider.services.includes(service))) {
      score += POINTS.needMet;
      reasons.push({ key: "meetsNeed", need, fits: true });
    }
  }

  const supports = new Set<SupportKey>();
  for (const flag of person.flags) {
    const support = supportFor(flag, provider);
    if (support) supports.add(support);
  }
  for (const support of supports) {
    score += POINTS.supportMet;
    reasons.push({ key: "support", support, fits: true });
  }

  // The person's most comfortable language counts most; an interpreter language is one they speak too.
  const spoken = [...person.languages, ...(person.interpreterLanguage ? [person.interpreterLanguage] : [])];
  const offered = new Set(provider.languages.map(normalise));
  const sharedIndex = spoken.findIndex((language) => offered.has(normalise(language)));
  if (sharedIndex >= 0) {
    score += sharedIndex === 0 ? POINTS.firstLanguage : POINTS.otherLanguage;
    reasons.push({ key: "language", language: spoken[sharedIndex]!, fits: true });
  } else if (spoken.length > 0) {
    reasons.push({ key: "noSharedLanguage", fits: false });
  }

  if (normalise(provider.region) === normalise(person.region)) {
    score += POINTS.sameRegion;
    reasons.push({ key: "sameRegion", region: provider.region, fits: true });
  } else {
    reasons.push({ key: "otherRegion", region: provider.region, fits: false });
  }

  // No room today still leaves the provider on the list: a waitlist or a call may find a space.
  if (provider.spacesOpen > 0) {
    score += POINTS.spacesOpen;
    reasons.push({ key: "spacesOpen", count: provider.spacesOpen, fits: true });
  } else {
    score += POINTS.noSpaces;
    reasons.push({ key: "noSpaces", fits: false });
  }

  return { provider, score, reasons };
}

/** Every provider, best fit first; equal fits by name. The provider's kind (contracted or community) plays no part. */
export function rankProviders(person: MatchCase, providers: readonly MatchProvider[]): ProviderMatch[] {
  return providers
    .map((provider) => scoreProvider(person, provider))
    .sort((a, b) => b.score - a.score || a.provider.name.localeCompare(b.provider.name, "en") || a.provider.id.localeCompare(b.provider.id));
}
