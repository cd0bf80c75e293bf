import type { ChildAgeBand, ChildCareArrangement, ChildWhereabouts, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/** The screening flags that make a case minor-affected: a child detained, housed with the parent, or separated from them. */
export const MINOR_FLAGS = ["MINOR_DETAINED", "MINOR_HOUSED", "SEPARATED_FROM_CHILD"] as const satisfies readonly VulnerabilityFlag[];

export const CHILD_AGE_BANDS = ["UNDER_5", "AGE_5_TO_11", "AGE_12_TO_15", "AGE_16_TO_17"] as const satisfies readonly ChildAgeBand[];
export const CHILD_WHEREABOUTS = ["DETAINED_WITH_PARENT", "HOUSED_WITH_PARENT", "IN_THE_COMMUNITY", "OUTSIDE_CANADA", "UNKNOWN"] as const satisfies readonly ChildWhereabouts[];
export const CHILD_CARE_ARRANGEMENTS = ["DETAINED_PARENT", "OTHER_PARENT", "RELATIVE_OR_FAMILY_FRIEND", "CHILD_WELFARE_AGENCY", "NONE_IDENTIFIED", "OTHER"] as const satisfies readonly ChildCareArrangement[];

/**
 * Whether the case page shows "Families and minors": when a flag the viewer may see (the caller passes visibleFlags'
 * result, never the stored flags) says a child is affected. Derived from visible flags only, so the section's
 * presence reveals nothing the viewer may not see.
 */
export function showsFamilySection(visible: readonly VulnerabilityFlag[]): boolean {
  return visible.some((flag) => (MINOR_FLAGS as readonly VulnerabilityFlag[]).includes(flag));
}

/**
 * Whether the case page shows "Family members": to the case team always (they link from there), to anyone else only
 * when the group has another case they may open. A viewer who may open none of the others sees no section at all, so
 * not even the existence of a link is revealed.
 */
export function showsFamilyMembers(input: { visibleOthers: number; mayLink: boolean }): boolean {
  return input.mayLink || input.visibleOthers > 0;
}
