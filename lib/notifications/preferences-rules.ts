import type { EmailState, NotificationChannel, NotificationKind, Role } from "@/lib/generated/prisma/enums";

/**
 * Notification preferences (docs/domain.md, "Notifications"): pure decisions. Per kind of notification a user picks
 * a channel: in the app only, e-mailed at once, in the daily digest, or off. What they did not pick follows their
 * role's defaults. The escalations cannot be switched off: a deadline already missed reaches its recipient whatever
 * they chose.
 */

export const CHANNELS = ["IN_APP", "EMAIL", "DIGEST", "OFF"] as const satisfies readonly NotificationChannel[];

/** Every kind, in the order the preferences page lists them. */
export const NOTIFICATION_KINDS = [
  "REFERRAL_RECEIVED",
  "REFERRAL_ANSWERED",
  "REFERRAL_MESSAGE",
  "TEAM_MESSAGE",
  "CONSENT_WITHDRAWN",
  "BONDSPERSON_PROPOSED",
  "OPTION_PROPOSED",
  "COUNSEL_REQUESTED",
  "CASE_ASSIGNED",
  "PERSON_RELEASED",
  "PERSON_TRANSFERRED",
  "PERSON_REMOVED",
  "REVIEW_DUE_SOON",
  "REVIEW_OVERDUE",
  "DISCLOSURE_DUE",
  "ASSESSMENT_DUE_SOON",
  "ASSESSMENT_OVERDUE",
  "TASK_DUE_TOMORROW",
  "TASK_OVERDUE",
  "COMPLAINT_FILED",
  "COMPLAINT_ASSIGNED",
  "COMPLAINT_RESPONDED",
  "COMPLAINT_SHARED",
] as const satisfies readonly NotificationKind[];

/** Deadlines already missed: a detention review overdue, a vulnerable person's 48-hour assessment overdue, a task overdue. */
export const ESCALATION_KINDS: readonly NotificationKind[] = ["REVIEW_OVERDUE", "ASSESSMENT_OVERDUE", "TASK_OVERDUE"];

export function isEscalation(kind: NotificationKind): boolean {
  return ESCALATION_KINDS.includes(kind);
}

/** The channels a user may pick for a kind: an escalation cannot be off. */
export function channelsOffered(kind: NotificationKind): readonly NotificationChannel[] {
  return isEscalation(kind) ? CHANNELS.filter((channel) => channel !== "OFF") : CHANNELS;
}

/** The kinds each role can receive (lib/notifications/rules.ts, lib/reminders/rules.ts): the page offers only these. */
const KINDS_BY_ROLE: Record<Role, readonly NotificationKind[]> = {
  CLO: [
    "REFERRAL_ANSWERED",
    "REFERRAL_MESSAGE",
    "TEAM_MESSAGE",
    "BONDSPERSON_PROPOSED",
    "OPTION_PROPOSED",
    "COUNSEL_REQUESTED",
    "CASE_ASSIGNED",
    "REVIEW_DUE_SOON",
    "REVIEW_OVERDUE",
    "DISCLOSURE_DUE",
    "ASSESSMENT_DUE_SOON",
    "TASK_DUE_TOMORROW",
    "TASK_OVERDUE",
    // A complaint the CLO recorded for a person is answered to them; a summary of one about them may be shared.
    "COMPLAINT_RESPONDED",
    "COMPLAINT_SHARED",
  ],
  SUPERVISOR: [
    "REFERRAL_ANSWERED",
    "REFERRAL_MESSAGE",
    "TEAM_MESSAGE",
    "BONDSPERSON_PROPOSED",
    "OPTION_PROPOSED",
    "COUNSEL_REQUESTED",
    "REVIEW_DUE_SOON",
    "REVIEW_OVERDUE",
    "DISCLOSURE_DUE",
    "ASSESSMENT_OVERDUE",
    "TASK_DUE_TOMORROW",
    "TASK_OVERDUE",
    "COMPLAINT_FILED",
    "COMPLAINT_ASSIGNED",
    "COMPLAINT_RESPONDED",
  ],
  NGO_CASEWORKER: ["REFERRAL_RECEIVED", "REFERRAL_MESSAGE", "TEAM_MESSAGE", "CONSENT_WITHDRAWN", "PERSON_RELEASED", "PERSON_TRANSFERRED", "PERSON_REMOVED", "TASK_DUE_TOMORROW", "TASK_OVERDUE", "COMPLAINT_RESPONDED"],
  COUNSEL: ["TEAM_MESSAGE", "PERSON_RELEASED", "PERSON_TRANSFERRED", "PERSON_REMOVED", "REVIEW_DUE_SOON", "REVIEW_OVERDUE", "COMPLAINT_RESPONDED"],
  ADMIN: [],
};

export function kindsForRole(role: Role): readonly NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => KINDS_BY_ROLE[role].includes(kind));
}

/**
 * Defaults: deadlines and escalations are e-mailed at once to the people who must act on them (a CLO's reviews,
 * disclosure and 48-hour assessments; a supervisor's overdue assessments and reviews; counsel's reviews); a
 * provider's caseworkers are e-mailed a referral received and a consent withdrawn; counsel and providers, who are not
 * in the app all day, are e-mailed the case team's messages; the rest stays in the app, with the day-to-day traffic
 * of referrals and counsel's proposals in the daily digest.
 */
const EMAIL_BY_ROLE: Record<Role, readonly NotificationKind[]> = {
  CLO: ["CASE_ASSIGNED", "COUNSEL_REQUESTED", "REVIEW_DUE_SOON", "REVIEW_OVERDUE", "DISCLOSURE_DUE", "ASSESSMENT_DUE_SOON", "TASK_OVERDUE"],
  SUPERVISOR: ["REVIEW_OVERDUE", "ASSESSMENT_OVERDUE", "TASK_OVERDUE", "COMPLAINT_FILED", "COMPLAINT_ASSIGNED"],
  NGO_CASEWORKER: ["REFERRAL_RECEIVED", "CONSENT_WITHDRAWN", "TEAM_MESSAGE", "COMPLAINT_RESPONDED"],
  COUNSEL: ["TEAM_MESSAGE", "REVIEW_DUE_SOON", "REVIEW_OVERDUE", "PERSON_RELEASED", "PERSON_TRANSFERRED", "PERSON_REMOVED", "COMPLAINT_RESPONDED"],
  ADMIN: [],
};
const DIGEST_BY_ROLE: Record<Role, readonly NotificationKind[]> = {
  CLO: ["REFERRAL_ANSWERED", "REFERRAL_MESSAGE", "BONDSPERSON_PROPOSED", "OPTION_PROPOSED", "TASK_DUE_TOMORROW"],
  SUPERVISOR: ["BONDSPERSON_PROPOSED", "OPTION_PROPOSED", "COUNSEL_REQUESTED"],
  NGO_CASEWORKER: ["REFERRAL_MESSAGE", "PERSON_RELEASED", "PERSON_TRANSFERRED", "PERSON_REMOVED"],
  COUNSEL: [],
  ADMIN: [],
};

export function defaultChannel(role: Role, kind: NotificationKind): NotificationChannel {
  if (EMAIL_BY_ROLE[role].includes(kind)) return "EMAIL";
  if (DIGEST_BY_ROLE[role].includes(kind)) return "DIGEST";
  return "IN_APP";
}

export type ChosenChannels = Partial<Record<NotificationKind, NotificationChannel>>;

/** Reads stored choices, keeping only known kinds and channels (the column is JSON). */
export function parseChosenChannels(stored: unknown): ChosenChannels {
  const chosen: ChosenChannels = {};
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return chosen;
  for (const [kind, channel] of Object.entries(stored)) {
    if ((NOTIFICATION_KINDS as readonly string[]).includes(kind) && (CHANNELS as readonly unknown[]).includes(channel)) chosen[kind as NotificationKind] = channel as NotificationChannel;
  }
  return chosen;
}

/** The channel a notification of this kind takes for this user: their choice, else the role's default; never off for an escalation. */
export function effectiveChannel(role: Role, kind: NotificationKind, chosen: ChosenChannels): NotificationChannel {
  const channel = chosen[kind] ?? defaultChannel(role, kind);
  return channel === "OFF" && isEscalation(kind) ? defaultChannel(role, kind) : channel;
}

/** The e-mail outbox state a new notification starts in. Without SMTP configured, everything stays in the app. */
export function initialEmailState(channel: Exclude<NotificationChannel, "OFF">, mailConfigured: boolean): EmailState {
  if (!mailConfigured) return "NONE";
  if (channel === "EMAIL") return "PENDING";
  if (channel === "DIGEST") return "DIGEST";
  return "NONE";
}

export const DEFAULT_TIME_ZONE = "America/Toronto";
export const DEFAULT_DIGEST_HOUR = 7;

/** An IANA zone name the runtime knows (Intl accepts it), e.g. America/Toronto; not an offset or an abbreviation. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in a zone: its date (YYYY-MM-DD) and hour (0–23). */
export function localClock(instant: Date, timeZone: string): { localDate: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return { localDate: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/**
 * Whether a user's digest is due: once their local clock has reached the chosen hour on a local date (so a worker
 * that was down at that hour sends it later that day; an hour skipped by a change to summer time is reached at the
 * next hour). The local date is the digest's key: one digest per user per local date.
 */
export function digestDue(now: Date, timeZone: string, digestHour: number): { due: boolean; localDate: string } {
  const clock = localClock(now, timeZone);
  return { due: clock.hour >= digestHour, localDate: clock.localDate };
}
