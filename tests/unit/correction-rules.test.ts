import { describe, expect, it } from "vitest";
import {
  DETENTION_FIELDS,
  PERSON_FIELDS,
  correctedClock,
  detentionTimeRefusal,
  detentionValues,
  diffFields,
  facilityRefusal,
  mergeRefusal,
  mergedClientId,
  personValues,
  recomputesClock,
  type MergeCandidate,
} from "@/lib/corrections/rules";
import { correctDetentionSchema, correctPersonSchema, mergePeopleSchema } from "@/lib/corrections/schema";

const HOUR = 3_600_000;
const person = {
  givenName: "Amara",
  familyName: "Okafor-Test",
  dateOfBirth: new Date("1990-03-04T00:00:00Z"),
  gender: "FEMALE",
  languages: ["Igbo", "English"],
  interpreterNeeded: true,
  interpreterLanguage: "Igbo",
  citizenship: "NGA",
  clientId: "1234-5678",
};

describe("the diff of a person's correction", () => {
  const stored = personValues(person);
  it.each([
    ["a birth date", { dateOfBirth: "1990-04-03" }, ["dateOfBirth"]],
    ["two names", { givenName: "Amarachi", familyName: "Okafor" }, ["givenName", "familyName"]],
    ["the order of languages (most comfortable first)", { languages: ["English", "Igbo"] }, ["languages"]],
    ["the UCI removed", { clientId: null }, ["clientId"]],
    ["no interpreter any more (its language goes with it)", { interpreterNeeded: false }, ["interpreterNeeded", "interpreterLanguage"]],
  ] as const)("names the fields changed: %s", (_label, change, fields) => {
    const diff = diffFields(PERSON_FIELDS, stored, personValues({ ...person, ...change }));
    expect(diff.ok && diff.fields).toEqual(fields);
  });

  it("keeps before and after of the changed fields only", () => {
    const diff = diffFields(PERSON_FIELDS, stored, personValues({ ...person, dateOfBirth: "1990-04-03" }));
    expect(diff).toEqual({ ok: true, fields: ["dateOfBirth"], before: { dateOfBirth: "1990-03-04" }, after: { dateOfBirth: "1990-04-03" } });
  });

  it("refuses a correction that changes nothing, a date given as text or as a Date alike", () => {
    expect(diffFields(PERSON_FIELDS, stored, personValues({ ...person, dateOfBirth: "1990-03-04" }))).toEqual({ ok: false, reason: "NO_CHANGE" });
  });

  it("ignores an interpreter language typed when no interpreter is needed", () => {
    const none = personValues({ ...person, interpreterNeeded: false, interpreterLanguage: null });
    expect(diffFields(PERSON_FIELDS, none, personValues({ ...person, interpreterNeeded: false, interpreterLanguage: "Igbo" }))).toEqual({ ok: false, reason: "NO_CHANGE" });
  });
});

describe("the diff of a detention's correction", () => {
  const stored = detentionValues({ detainedAtLocal: "2026-06-01T14:30", facilityId: "f1", grounds: ["UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED"], schedule: "STANDARD" });
  it.each([
    ["the time", { detainedAtLocal: "2026-06-01T04:30" }, ["detainedAt"]],
    ["the facility (the time on its wall clock unchanged)", { facilityId: "f2" }, ["facility"]],
    ["a ground added", { grounds: ["UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED", "DANGER_TO_PUBLIC"] }, ["grounds"]],
    ["the schedule", { schedule: "DESIGNATED_FOREIGN_NATIONAL" }, ["schedule"]],
  ] as const)("%s", (_label, change, fields) => {
    const submitted = detentionValues({ detainedAtLocal: "2026-06-01T14:30", facilityId: "f1", grounds: ["UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED"], schedule: "STANDARD", ...change });
    const diff = diffFields(DETENTION_FIELDS, stored, submitted);
    expect(diff.ok && diff.fields).toEqual(fields);
  });

  it("reads the grounds as a set: the same grounds in another order change nothing", () => {
    const submitted = detentionValues({ detainedAtLocal: "2026-06-01T14:30", facilityId: "f1", grounds: ["IDENTITY_NOT_ESTABLISHED", "UNLIKELY_TO_APPEAR"], schedule: "STANDARD" });
    expect(diffFields(DETENTION_FIELDS, stored, submitted)).toEqual({ ok: false, reason: "NO_CHANGE" });
  });

  it.each([
    [["detainedAt"], true],
    [["facility"], true],
    [["schedule"], true],
    [["grounds"], false],
  ] as const)("recomputes the review clock when %j changes: %s", (fields, recomputes) => {
    expect(recomputesClock(fields)).toBe(recomputes);
  });
});

describe("a corrected detention time", () => {
  const now = new Date("2026-06-10T12:00:00Z");
  it.each([
    ["a time already past", new Date("2026-06-09T12:00:00Z"), {}, null],
    ["a few minutes ahead of the server's clock", new Date(now.getTime() + 2 * 60_000), {}, null],
    ["the future", new Date(now.getTime() + HOUR), {}, "FUTURE_TIME"],
    ["after the release", new Date("2026-06-09T12:00:00Z"), { releasedAt: new Date("2026-06-08T12:00:00Z") }, "AFTER_RELEASE"],
    ["after the first review began", new Date("2026-06-09T12:00:00Z"), { firstReviewStartedOn: new Date("2026-06-09T10:00:00Z") }, "AFTER_FIRST_REVIEW"],
  ] as const)("%s", (_label, detainedAt, facts, refusal) => {
    expect(detentionTimeRefusal(detainedAt, { now, releasedAt: null, firstReviewStartedOn: null, ...facts })).toBe(refusal);
  });

  it("moved across the 48-hour mark changes the next review's deadline (and makes it overdue)", () => {
    const zone = "America/Toronto";
    const before = { detainedAt: new Date(now.getTime() - 30 * HOUR), timeZone: zone, schedule: "STANDARD" as const };
    const after = { ...before, detainedAt: new Date(now.getTime() - 50 * HOUR) };
    const clock = correctedClock({ before, after, reviews: [], releasedAt: null, now });
    expect(clock.before).toMatchObject({ kind: "FORTY_EIGHT_HOUR", dueBy: new Date(now.getTime() + 18 * HOUR), status: "DUE_SOON" });
    expect(clock.after).toMatchObject({ kind: "FORTY_EIGHT_HOUR", dueBy: new Date(now.getTime() - 2 * HOUR), status: "OVERDUE" });
    expect(clock.firstReviewMarkCrossed).toBe(true);
  });

  it("moved within the first 48 hours moves the deadline without crossing the mark", () => {
    const before = { detainedAt: new Date(now.getTime() - 10 * HOUR), timeZone: "America/Toronto", schedule: "STANDARD" as const };
    const clock = correctedClock({ before, after: { ...before, detainedAt: new Date(now.getTime() - 20 * HOUR) }, reviews: [], releasedAt: null, now });
    expect(clock.after!.dueBy.getTime() - clock.before!.dueBy.getTime()).toBe(-10 * HOUR);
    expect(clock.firstReviewMarkCrossed).toBe(false);
  });
});

describe("the facility entered at intake", () => {
  it.each([
    ["a facility of the office, no transfer", { officeId: "o1" }, 0, null],
    ["a facility of another office (that is a hand-over: a transfer's to do)", { officeId: "o2" }, 0, "FACILITY_NOT_FOUND"],
    ["no such facility", null, 0, "FACILITY_NOT_FOUND"],
    ["after a transfer (a move is a transfer, not a correction)", { officeId: "o1" }, 1, "HAS_TRANSFERS"],
  ] as const)("%s", (_label, facility, transfers, refusal) => {
    expect(facilityRefusal(facility, { officeId: "o1", transfers })).toBe(refusal);
  });
});

describe("merging a person recorded twice", () => {
  const record = (id: string, overrides: Partial<MergeCandidate> = {}): MergeCandidate => ({ id, mergedIntoId: null, visible: true, detained: false, clientId: null, activeCounsel: 0, ...overrides });
  it.each([
    ["two records of the office", record("a"), record("b"), null],
    ["one detained now, one not", record("a", { detained: true }), record("b"), null],
    ["a record and itself", record("a"), record("a"), "SAME_PERSON"],
    ["a record the office cannot see", record("a"), record("b", { visible: false }), "NOT_FOUND"],
    ["a record that does not exist", record("a"), null, "NOT_FOUND"],
    ["a record already merged", record("a"), record("b", { mergedIntoId: "c" }), "ALREADY_MERGED"],
    ["both detained now", record("a", { detained: true }), record("b", { detained: true }), "BOTH_DETAINED"],
    ["two different UCIs", record("a", { clientId: "1" }), record("b", { clientId: "2" }), "UCI_CONFLICT"],
    ["one UCI, on the duplicate", record("a"), record("b", { clientId: "2" }), null],
    ["both with a counsel of record", record("a", { activeCounsel: 1 }), record("b", { activeCounsel: 1 }), "COUNSEL_CONFLICT"],
  ] as const)("%s", (_label, kept, duplicate, refusal) => {
    expect(mergeRefusal(kept, duplicate)).toBe(refusal);
  });

  it.each([
    [null, null, null],
    ["1", null, "1"],
    [null, "2", "2"],
  ] as const)("the kept record's UCI afterwards: kept %s, duplicate %s → %s", (kept, duplicate, result) => {
    expect(mergedClientId({ clientId: kept }, { clientId: duplicate })).toBe(result);
  });
});

describe("the correction forms' validation", () => {
  const personForm = {
    detentionId: "0190a5f0-0000-7000-8000-000000000001",
    detaineeVersion: "1",
    givenName: "Amara",
    familyName: "Okafor-Test",
    dateOfBirth: "1990-03-04",
    gender: "FEMALE",
    languages: "Igbo, English",
    citizenship: "nga",
    clientId: "",
    reason: "Birth date typed wrongly at intake.",
  };
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

  it("accepts a correction like intake's and normalises it like intake", () => {
    const parsed = correctPersonSchema.parse(personForm);
    expect(parsed).toMatchObject({ citizenship: "NGA", languages: ["Igbo", "English"], clientId: null, interpreterNeeded: false });
  });

  it.each([
    ["a date that does not exist", { dateOfBirth: "1990-02-30" }, [["dateOfBirth", "date"]]],
    ["a birth date in the future", { dateOfBirth: "2999-01-01" }, [["dateOfBirth", "dateInFuture"]]],
    ["no reason", { reason: " " }, [["reason", "reasonRequired"]]],
    ["a citizenship not of three letters", { citizenship: "Nigeria" }, [["citizenship", "invalidFormat"]]],
    ["a UCI too long", { clientId: "1".repeat(41) }, [["clientId", "tooLong"]]],
  ] as const)("refuses %s, naming the field", (_label, change, expected) => {
    expect(issues(correctPersonSchema.safeParse({ ...personForm, ...change }))).toEqual(expected);
  });

  it("refuses a detention time in the future and a detention without grounds, naming the fields", () => {
    const result = correctDetentionSchema.safeParse({
      detentionId: personForm.detentionId,
      version: "3",
      facilityId: personForm.detentionId,
      detainedOn: "2999-01-01",
      detainedAtTime: "25:00",
      schedule: "STANDARD",
      reason: "Time typed wrongly.",
    });
    expect(issues(result)).toEqual([
      ["detainedOn", "dateInFuture"],
      ["detainedAtTime", "time"],
      ["grounds", "invalidChoice"],
    ]);
  });

  it("asks for the confirmation and two different records before a merge", () => {
    const id = personForm.detentionId;
    const result = mergePeopleSchema.safeParse({ detentionId: id, keptId: id, keptVersion: "1", duplicateId: id, duplicateVersion: "1", reason: "Same person." });
    expect(issues(result)).toEqual([["confirmed", "mergeConfirm"]]);
    const same = mergePeopleSchema.safeParse({ detentionId: id, keptId: id, keptVersion: "1", duplicateId: id, duplicateVersion: "1", reason: "Same person.", confirmed: "on" });
    expect(issues(same)).toEqual([["duplicateId", "mergeSamePerson"]]);
  });
});
