import { describe, expect, it } from "vitest";
import {
  CHANNELS,
  ESCALATION_KINDS,
  NOTIFICATION_KINDS,
  channelsOffered,
  defaultChannel,
  digestDue,
  effectiveChannel,
  initialEmailState,
  isTimeZone,
  kindsForRole,
  parseChosenChannels,
} from "@/lib/notifications/preferences-rules";
import { saveNotificationPreferencesSchema } from "@/lib/notifications/schema";
import { digestEmail, escapeHtml, notificationEmail } from "@/lib/notifications/email/content";
import { NotificationKind as NotificationKindValues, type NotificationKind, type Role } from "@/lib/generated/prisma/enums";

describe("defaults per role", () => {
  it.each<[Role, NotificationKind, string]>([
    ["CLO", "REVIEW_DUE_SOON", "EMAIL"],
    ["CLO", "REVIEW_OVERDUE", "EMAIL"],
    ["CLO", "DISCLOSURE_DUE", "EMAIL"],
    ["CLO", "ASSESSMENT_DUE_SOON", "EMAIL"],
    ["CLO", "CASE_ASSIGNED", "EMAIL"],
    ["CLO", "REFERRAL_ANSWERED", "DIGEST"],
    ["CLO", "TASK_DUE_TOMORROW", "DIGEST"],
    ["SUPERVISOR", "ASSESSMENT_OVERDUE", "EMAIL"],
    ["SUPERVISOR", "BONDSPERSON_PROPOSED", "DIGEST"],
    ["SUPERVISOR", "REFERRAL_ANSWERED", "IN_APP"],
    ["NGO_CASEWORKER", "REFERRAL_RECEIVED", "EMAIL"],
    ["NGO_CASEWORKER", "CONSENT_WITHDRAWN", "EMAIL"],
    ["NGO_CASEWORKER", "REFERRAL_MESSAGE", "DIGEST"],
    ["NGO_CASEWORKER", "TASK_DUE_TOMORROW", "IN_APP"],
    ["COUNSEL", "REVIEW_OVERDUE", "EMAIL"],
    ["COUNSEL", "PERSON_RELEASED", "EMAIL"],
    ["ADMIN", "CASE_ASSIGNED", "IN_APP"],
    ["CLO", "OPTION_PROPOSED", "DIGEST"],
    ["CLO", "TEAM_MESSAGE", "IN_APP"],
    ["COUNSEL", "TEAM_MESSAGE", "EMAIL"],
    ["NGO_CASEWORKER", "TEAM_MESSAGE", "EMAIL"],
  ])("%s, %s: %s", (role, kind, channel) => {
    expect(defaultChannel(role, kind)).toBe(channel);
  });

  it("lists every kind of notification there is, so a new kind cannot miss the preferences page", () => {
    expect([...NOTIFICATION_KINDS].sort()).toEqual(Object.values(NotificationKindValues).sort());
  });

  it("never defaults anything to off", () => {
    for (const role of ["CLO", "SUPERVISOR", "NGO_CASEWORKER", "COUNSEL", "ADMIN"] as Role[]) for (const kind of NOTIFICATION_KINDS) expect(defaultChannel(role, kind)).not.toBe("OFF");
  });

  it("offers each role the kinds it can receive, in a stable order", () => {
    expect(kindsForRole("NGO_CASEWORKER")).toContain("REFERRAL_RECEIVED");
    expect(kindsForRole("NGO_CASEWORKER")).not.toContain("REVIEW_OVERDUE");
    expect(kindsForRole("SUPERVISOR")).toContain("ASSESSMENT_OVERDUE");
    expect(kindsForRole("COUNSEL")).toEqual(["TEAM_MESSAGE", "PERSON_RELEASED", "PERSON_TRANSFERRED", "PERSON_REMOVED", "REVIEW_DUE_SOON", "REVIEW_OVERDUE", "COMPLAINT_RESPONDED"]);
    expect(kindsForRole("ADMIN")).toEqual([]);
  });
});

describe("escalations", () => {
  it("are the missed deadlines: a review, a 48-hour assessment and a task overdue", () => {
    expect([...ESCALATION_KINDS].sort()).toEqual(["ASSESSMENT_OVERDUE", "REVIEW_OVERDUE", "TASK_OVERDUE"]);
  });

  it.each(NOTIFICATION_KINDS.map((kind) => [kind]))("%s: off is offered only when not an escalation", (kind) => {
    expect(channelsOffered(kind).includes("OFF")).toBe(!ESCALATION_KINDS.includes(kind));
  });

  it("a stored 'off' for an escalation falls back to the role's default", () => {
    expect(effectiveChannel("CLO", "REVIEW_OVERDUE", { REVIEW_OVERDUE: "OFF" })).toBe("EMAIL");
    expect(effectiveChannel("SUPERVISOR", "TASK_OVERDUE", { TASK_OVERDUE: "OFF" })).toBe("EMAIL");
    expect(effectiveChannel("CLO", "REVIEW_OVERDUE", { REVIEW_OVERDUE: "DIGEST" })).toBe("DIGEST");
    expect(effectiveChannel("CLO", "CASE_ASSIGNED", { CASE_ASSIGNED: "OFF" })).toBe("OFF");
  });

  it("the form refuses 'off' for an escalation, naming the field", () => {
    const parsed = saveNotificationPreferencesSchema.safeParse({ version: "0", digestHour: "7", timeZone: "America/Toronto", channel_ASSESSMENT_OVERDUE: "OFF", channel_CASE_ASSIGNED: "OFF" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["channel_ASSESSMENT_OVERDUE", "escalationCannotBeOff"]]);
  });
});

describe("the preferences form", () => {
  it("keeps the kinds chosen, the hour and the zone", () => {
    const parsed = saveNotificationPreferencesSchema.parse({ version: "3", digestHour: "18", timeZone: " America/Halifax ", channel_CASE_ASSIGNED: "DIGEST", channel_REVIEW_OVERDUE: "IN_APP" });
    expect(parsed).toEqual({ version: 3, digestHour: 18, timeZone: "America/Halifax", channels: { CASE_ASSIGNED: "DIGEST", REVIEW_OVERDUE: "IN_APP" } });
  });

  it.each([
    [{ digestHour: "24" }, "digestHour"],
    [{ digestHour: "7.5" }, "digestHour"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ timeZone: "EST5EDT; DROP" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ channel_CASE_ASSIGNED: "SMS" }, "channel_CASE_ASSIGNED"],
  ])("refuses %j in %s", (change, field) => {
    const parsed = saveNotificationPreferencesSchema.safeParse({ version: "0", digestHour: "7", timeZone: "America/Toronto", ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join(".")).toBe(field);
  });

  it("reads stored choices, ignoring unknown kinds and channels", () => {
    expect(parseChosenChannels({ CASE_ASSIGNED: "OFF", NOPE: "EMAIL", REVIEW_DUE_SOON: "SMS" })).toEqual({ CASE_ASSIGNED: "OFF" });
    expect(parseChosenChannels(null)).toEqual({});
    expect(parseChosenChannels(["EMAIL"])).toEqual({});
  });
});

describe("the outbox state a notification starts in", () => {
  it.each([
    ["EMAIL", true, "PENDING"],
    ["DIGEST", true, "DIGEST"],
    ["IN_APP", true, "NONE"],
    ["EMAIL", false, "NONE"],
    ["DIGEST", false, "NONE"],
  ] as const)("%s with mail configured %s: %s", (channel, configured, state) => {
    expect(initialEmailState(channel, configured)).toBe(state);
  });
  it("has every channel named", () => expect(CHANNELS).toEqual(["IN_APP", "EMAIL", "DIGEST", "OFF"]));
});

describe("time zones", () => {
  it.each([
    ["America/Toronto", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    ["Mars/Olympus", false],
    ["America/Toronto ", false],
    ["+05:00", false],
    ["", false],
  ])("%j: %s", (zone, valid) => expect(isTimeZone(zone)).toBe(valid));
});

describe("when a digest is due", () => {
  it.each([
    // Toronto in winter is UTC-5: 07:00 local is 12:00Z.
    ["2026-01-15T11:59:00Z", "America/Toronto", 7, false, "2026-01-15"],
    ["2026-01-15T12:00:00Z", "America/Toronto", 7, true, "2026-01-15"],
    ["2026-01-16T04:30:00Z", "America/Toronto", 7, true, "2026-01-15"],
    // In summer, UTC-4: 07:00 local is 11:00Z.
    ["2026-07-15T11:00:00Z", "America/Toronto", 7, true, "2026-07-15"],
    ["2026-07-15T10:59:00Z", "America/Toronto", 7, false, "2026-07-15"],
    // Spring forward (8 March 2026): 02:00 does not exist; a 2 o'clock digest goes at 03:00 EDT = 07:00Z.
    ["2026-03-08T06:59:00Z", "America/Toronto", 2, false, "2026-03-08"],
    ["2026-03-08T07:00:00Z", "America/Toronto", 2, true, "2026-03-08"],
    // Fall back (1 November 2026): 01:00 happens twice; due at the first, and the local date keys it once.
    ["2026-11-01T05:00:00Z", "America/Toronto", 1, true, "2026-11-01"],
    ["2026-11-01T06:00:00Z", "America/Toronto", 1, true, "2026-11-01"],
    // Vancouver (UTC-8 in winter) and Newfoundland's half hour (UTC-3:30).
    ["2026-01-15T16:59:00Z", "America/Vancouver", 9, false, "2026-01-15"],
    ["2026-01-15T17:00:00Z", "America/Vancouver", 9, true, "2026-01-15"],
    ["2026-01-15T11:29:00Z", "America/St_Johns", 8, false, "2026-01-15"],
    ["2026-01-15T11:30:00Z", "America/St_Johns", 8, true, "2026-01-15"],
    // Midnight digest, just after local midnight.
    ["2026-01-15T05:00:00Z", "America/Toronto", 0, true, "2026-01-15"],
  ])("%s in %s at %i h: due %s on %s", (instant, zone, hour, due, localDate) => {
    expect(digestDue(new Date(instant), zone, hour)).toEqual({ due, localDate });
  });
});

describe("e-mail content", () => {
  const origin = "https://liaison.example.org";
  const item = { id: "0190a0b0-0000-7000-8000-000000000001", kind: "CASE_ASSIGNED" as const, reference: "TOR-2026-0001", params: null };

  it("says what happened with the reference and an absolute link to the notification, in English and in French", () => {
    const en = notificationEmail("en", item, origin);
    const fr = notificationEmail("fr", item, origin);
    const link = `${origin}/notifications/${item.id}/open`;
    expect(en.subject).toBe("Liaison: TOR-2026-0001 was assigned to you.");
    expect(en.text).toContain(link);
    expect(en.html).toContain(`href="${link}"`);
    expect(en.html).toContain('<html lang="en">');
    expect(fr.subject).toMatch(/^Liaison : TOR-2026-0001/);
    expect(fr.text).toContain("L'ouvrir dans Liaison");
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain(`${origin}/account/notifications`);
  });

  it("escapes what goes into the HTML part", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const hostile = notificationEmail("en", { ...item, reference: "<script>alert(1)</script>" }, origin);
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&lt;script&gt;");
  });

  it("a provider's notification has no case reference; a referral's status is worded, never raw", () => {
    const received = notificationEmail("en", { ...item, kind: "REFERRAL_RECEIVED", reference: null }, origin);
    expect(received.subject).toBe("Liaison: A new referral was sent to your organisation.");
    const answered = notificationEmail("en", { ...item, kind: "REFERRAL_ANSWERED", params: { status: "ACCEPTED" } }, origin);
    expect(answered.text).not.toContain("ACCEPTED");
  });

  it("a digest lists each notification with its link", () => {
    const digest = digestEmail("en", [item, { ...item, id: "0190a0b0-0000-7000-8000-000000000002", kind: "REVIEW_OVERDUE" }], "2026-01-15", origin);
    expect(digest.subject).toBe("Liaison: your daily summary of 2 notifications");
    expect(digest.text).toContain(`${origin}/notifications/0190a0b0-0000-7000-8000-000000000002/open`);
    expect(digest.html.match(/<li>/g)).toHaveLength(2);
  });
});
