import type { TraffickingIndicator, TraffickingOutcome, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/**
 * The trafficking screen's rules (docs/domain.md, Trafficking screening). Pure: the groups practitioners use,
 * what an outcome requires of the indicators ticked, and which outcomes raise the case's trafficking flag.
 */

/** The groups, in the order the screen asks them: from how the person came, to how they are held, to marriage. */
export const TRAFFICKING_GROUPS = ["RECRUITMENT", "CONTROL", "DEBT", "CONDITIONS", "THREATS", "MARRIAGE"] as const;
export type TraffickingGroup = (typeof TRAFFICKING_GROUPS)[number];

/** Each group's indicators: a short, plain list, each optional (a person answers only what they choose to). */
export const GROUP_INDICATORS = {
  RECRUITMENT: ["RECRUITMENT_FALSE_PROMISES", "RECRUITMENT_FEES", "RECRUITMENT_TRAVEL_CONTROLLED", "RECRUITMENT_FALSE_STORY"],
  CONTROL: ["CONTROL_DOCUMENTS_HELD", "CONTROL_MOVEMENT_RESTRICTED", "CONTROL_ACCOMPANIED", "CONTROL_CONTACT_RESTRICTED"],
  DEBT: ["DEBT_UNPAYABLE", "DEBT_WAGES_WITHHELD", "DEBT_DEDUCTIONS"],
  CONDITIONS: ["CONDITIONS_EXCESSIVE_HOURS", "CONDITIONS_HOUSING_CONTROLLED", "CONDITIONS_UNSAFE", "CONDITIONS_UNWANTED_ACTS"],
  THREATS: ["THREATS_HARM", "THREATS_FAMILY", "THREATS_DENUNCIATION"],
  MARRIAGE: ["MARRIAGE_WITHOUT_CONSENT", "MARRIAGE_UNDER_18", "MARRIAGE_CANNOT_LEAVE", "MARRIAGE_DOMESTIC_SERVITUDE"],
} as const satisfies Record<TraffickingGroup, readonly TraffickingIndicator[]>;

export const TRAFFICKING_INDICATORS: readonly TraffickingIndicator[] = TRAFFICKING_GROUPS.flatMap((group) => GROUP_INDICATORS[group]);

/** Each group's notes, one column per group on TraffickingScreen. */
export const GROUP_NOTES = {
  RECRUITMENT: "recruitmentNotes",
  CONTROL: "controlNotes",
  DEBT: "debtNotes",
  CONDITIONS: "conditionsNotes",
  THREATS: "threatsNotes",
  MARRIAGE: "marriageNotes",
} as const satisfies Record<TraffickingGroup, string>;
export type GroupNotesField = (typeof GROUP_NOTES)[TraffickingGroup];

/**
 * Three outcomes. "No indicators identified" is recorded too: the screen was done, with the person's agreement, and
 * nothing came up, so no one asks again without a reason (asking again is itself a burden on a person who may be a
 * survivor). It never clears a flag: not disclosing is not evidence of no exploitation; removing the flag stays an
 * explicit act in the screening.
 */
export const TRAFFICKING_OUTCOMES = ["INDICATORS_OF_TRAFFICKING", "EXPLOITATION", "NO_INDICATORS_IDENTIFIED"] as const satisfies readonly TraffickingOutcome[];

/** The flag both findings raise: the one that brings the assessment forward and restricts who sees the case's indicators. */
export const TRAFFICKING_FLAG = "TRAFFICKING_INDICATORS" as const satisfies VulnerabilityFlag;

/**
 * Whether an outcome sets the case's TRAFFICKING_INDICATORS flag. Exploitation short of trafficking does too: the
 * person is as exposed to harm in detention and as much in need of an early assessment and specialised support, and
 * their disclosure deserves the same narrow audience. Distinguishing the two is the screen's job, not the flag's.
 */
export function outcomeSetsFlag(outcome: TraffickingOutcome): boolean {
  return outcome !== "NO_INDICATORS_IDENTIFIED";
}

/** What an outcome asks of the indicators ticked: a finding rests on at least one; "none identified" on none. */
export function outcomeProblem(outcome: TraffickingOutcome, indicators: readonly TraffickingIndicator[]): "outcomeNeedsIndicator" | "outcomeContradictsIndicators" | null {
  if (outcome === "NO_INDICATORS_IDENTIFIED") return indicators.length > 0 ? "outcomeContradictsIndicators" : null;
  return indicators.length === 0 ? "outcomeNeedsIndicator" : null;
}

/** The group an indicator belongs to. */
export function groupOf(indicator: TraffickingIndicator): TraffickingGroup {
  return TRAFFICKING_GROUPS.find((group) => (GROUP_INDICATORS[group] as readonly TraffickingIndicator[]).includes(indicator))!;
}
