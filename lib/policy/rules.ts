import { z } from "zod";
import { VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { DUE_SOON_HOURS } from "@/lib/reviews/rules";

/**
 * The office's release-first rules that were constants in the code, now a policy an administrator sets with an
 * effective date (issue 16). Every rule reads the version in force *at the moment it is about* (a detention's early
 * assessment window: the policy in force when the person was detained), so a change is never retroactive: it
 * applies to what happens from its effective date on, and what was measured before keeps its meaning.
 *
 * Pure: the versions are loaded by lib/policy/queries.ts and passed in.
 */

const ALL_FLAGS = Object.values(VulnerabilityFlag);

/** A whole number within a range; every way of missing it has one message, which says the range. */
function wholeNumber(min: number, max: number, message: string) {
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}

/** Each policy setting: its default (the rule as the law and the office's practice set it) and what it may be. */
export const POLICY_SETTINGS = {
  /**
   * How long after detention a vulnerable person's assessment is due. Default 48 hours: before the first detention
   * review (IRPA s.57(1)), while a CBSA officer can still release (s.56(1)). Never longer than that: past the first
   * review the officer's power to release is gone, which is the point of assessing early.
   */
  earlyAssessmentHours: { default: 48, schema: wholeNumber(12, 48, "earlyAssessmentHoursRange") },
  /** Which screening flags bring the assessment forward to the early window. Default: every vulnerability flag. */
  earlyAssessmentFlags: {
    default: ALL_FLAGS as readonly VulnerabilityFlag[],
    schema: z.array(z.enum(VulnerabilityFlag, { message: "invalidChoice" }), { message: "invalidChoice" }).min(1, { message: "earlyAssessmentFlagsRequired" }),
  },
  /** How far ahead a review, an assessment or a task counts as "due soon" (dashboards, reminders). Default 48 hours. */
  dueSoonHours: { default: DUE_SOON_HOURS, schema: wholeNumber(12, 168, "dueSoonHoursRange") },
  /** The target time to respond to a complaint, in calendar days from its receipt. Default 30. */
  complaintResponseDays: { default: 30, schema: wholeNumber(1, 90, "complaintResponseDaysRange") },
} as const;

export type PolicyKey = keyof typeof POLICY_SETTINGS;
export const POLICY_KEYS = Object.keys(POLICY_SETTINGS) as PolicyKey[];

/** The policy as one value: every setting resolved. */
export type Policy = { readonly [Key in PolicyKey]: Readonly<z.output<(typeof POLICY_SETTINGS)[Key]["schema"]>> };

export const DEFAULT_POLICY: Policy = Object.fromEntries(POLICY_KEYS.map((key) => [key, POLICY_SETTINGS[key].default])) as Policy;

/** One recorded version of one setting. */
export type PolicyVersion = { key: string; value: unknown; effectiveFrom: Date };

/**
 * The policy in force at `at`: for each setting, the version with the latest effective date at or before `at`;
 * the default where none has taken effect yet. A stored value that no longer parses (a setting narrowed since, a
 * flag removed) falls back to the default rather than breaking every page that reads the policy.
 */
export function policyAt(versions: readonly PolicyVersion[], at: Date): Policy {
  const policy: Record<string, unknown> = { ...DEFAULT_POLICY };
  const chosen = new Map<string, PolicyVersion>();
  for (const version of versions) {
    if (!(version.key in POLICY_SETTINGS) || version.effectiveFrom.getTime() > at.getTime()) continue;
    const current = chosen.get(version.key);
    if (!current || version.effectiveFrom.getTime() >= current.effectiveFrom.getTime()) chosen.set(version.key, version);
  }
  for (const [key, version] of chosen) {
    const parsed = POLICY_SETTINGS[key as PolicyKey].schema.safeParse(version.value);
    if (parsed.success) policy[key] = parsed.data;
  }
  return policy as Policy;
}

/**
 * The moments at which the policy changes, in order: a rule that spans a period (a report over a quarter) applies
 * each version to the part of the period it governed.
 */
export function policyChanges(versions: readonly PolicyVersion[], from: Date, to: Date): Date[] {
  const moments = new Set<number>();
  for (const version of versions) {
    const at = version.effectiveFrom.getTime();
    if (at > from.getTime() && at <= to.getTime()) moments.add(at);
  }
  return [...moments].sort((a, b) => a - b).map((at) => new Date(at));
}

/**
 * Whether a new version may take effect at `effectiveFrom`: not before `now` (a change is never retroactive; a
 * minute's grace for the time the form took to send), and not before a version of the same setting already
 * scheduled later (the history reads in order; withdraw the later one first).
 */
export function effectiveDateProblem(effectiveFrom: Date, now: Date, laterScheduled: Date | null): "IN_THE_PAST" | "BEFORE_SCHEDULED" | null {
  if (effectiveFrom.getTime() < now.getTime() - 60_000) return "IN_THE_PAST";
  if (laterScheduled && effectiveFrom.getTime() < laterScheduled.getTime()) return "BEFORE_SCHEDULED";
  return null;
}

/** Whether a flag brings the early assessment forward under a policy. */
export function triggersEarlyAssessment(policy: Pick<Policy, "earlyAssessmentFlags">, flags: readonly VulnerabilityFlag[]): boolean {
  return flags.some((flag) => policy.earlyAssessmentFlags.includes(flag));
}

/** A stretch of time under one policy: from `from` (null: the beginning) until `to` (null: still in force). */
export type PolicySegment = { from: Date | null; to: Date | null; policy: Policy };

/**
 * The policy's history as consecutive segments, for rules over many moments at once (a report counts each
 * detention under the policy in force when it began): one segment per change, the first from the beginning.
 */
export function policySegments(versions: readonly PolicyVersion[]): PolicySegment[] {
  const changes = [...new Set(versions.filter((version) => version.key in POLICY_SETTINGS).map((version) => version.effectiveFrom.getTime()))].sort((a, b) => a - b);
  const starts: (Date | null)[] = [null, ...changes.map((at) => new Date(at))];
  return starts.map((from, index) => {
    const next = starts[index + 1] ?? null;
    // The policy of a segment is the one in force at its start (the beginning: before any version).
    const policy = from ? policyAt(versions, from) : DEFAULT_POLICY;
    return { from, to: next, policy };
  });
}
