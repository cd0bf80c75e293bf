import { describe, expect, it } from "vitest";
import {
  MAX_PENDING_REQUESTS,
  MAX_REQUESTS_PER_WINDOW,
  isCurrentDetention,
  mayBeCounselOfRecord,
  mayEndCounsel,
  mirroredCounselId,
  nextCounselStatus,
  planRecording,
  readinessApplies,
  referenceCandidates,
  requestGate,
  requestMatches,
  requestOutcome,
  type CounselTransition,
} from "@/lib/counsel/rules";
import type { CounselStatus, DetentionStatus, PlanStatus, Role } from "@/lib/generated/prisma/enums";

describe("the counsel of record state machine", () => {
  const table: [CounselStatus, CounselTransition, CounselStatus | null][] = [
    ["REQUESTED", "CONFIRM", "ACTIVE"],
    ["REQUESTED", "DECLINE", "DECLINED"],
    ["REQUESTED", "END", null],
    ["ACTIVE", "END", "ENDED"],
    ["ACTIVE", "CONFIRM", null],
    ["ACTIVE", "DECLINE", null],
    ["DECLINED", "CONFIRM", null],
    ["DECLINED", "END", null],
    ["ENDED", "END", null],
    ["ENDED", "CONFIRM", null],
  ];
  it.each(table)("%s --%s--> %s", (from, transition, to) => {
    expect(nextCounselStatus(from, transition)).toBe(to);
  });
});

describe("who may be counsel of record", () => {
  const table: [Role, boolean, boolean][] = [
    ["COUNSEL", true, true],
    ["COUNSEL", false, false],
    ["CLO", true, false],
    ["SUPERVISOR", true, false],
    ["NGO_CASEWORKER", true, false],
    ["ADMIN", true, false],
  ];
  it.each(table)("%s active=%s: %s", (role, active, allowed) => {
    expect(mayBeCounselOfRecord({ role, active })).toBe(allowed);
  });
});

describe("recording counsel of record", () => {
  it.each([
    ["no counsel in force", null, { kind: "ACCOUNT", counselId: "a" }, { ok: true, replaces: null }],
    ["replacing another counsel ends them", { id: "r1", counselId: "b" }, { kind: "ACCOUNT", counselId: "a" }, { ok: true, replaces: "r1" }],
    ["replacing an outside lawyer", { id: "r1", counselId: null }, { kind: "ACCOUNT", counselId: "a" }, { ok: true, replaces: "r1" }],
    ["an outside lawyer replaces counsel", { id: "r1", counselId: "a" }, { kind: "OUTSIDE" }, { ok: true, replaces: "r1" }],
    ["an outside lawyer replaces an outside lawyer", { id: "r1", counselId: null }, { kind: "OUTSIDE" }, { ok: true, replaces: "r1" }],
    ["the same counsel again", { id: "r1", counselId: "a" }, { kind: "ACCOUNT", counselId: "a" }, { ok: false, reason: "ALREADY_COUNSEL" }],
  ] as const)("%s", (_label, current, next, expected) => {
    expect(planRecording(current, next)).toEqual(expected);
  });

  it("mirrors the active record's counsel user on the person, null for an outside lawyer or none", () => {
    expect(mirroredCounselId({ counselId: "a" })).toBe("a");
    expect(mirroredCounselId({ counselId: null })).toBeNull();
    expect(mirroredCounselId(null)).toBeNull();
  });
});

describe("who may end counsel of record", () => {
  const table: [Role, string, string | null, boolean][] = [
    ["CLO", "u1", "c1", true],
    ["SUPERVISOR", "u1", null, true],
    ["COUNSEL", "c1", "c1", true],
    ["COUNSEL", "c2", "c1", false],
    ["COUNSEL", "c1", null, false],
    ["NGO_CASEWORKER", "u1", "c1", false],
    ["ADMIN", "u1", "c1", false],
  ];
  it.each(table)("%s %s on a record of %s: %s", (role, userId, counselId, allowed) => {
    expect(mayEndCounsel({ role, userId }, { counselId })).toBe(allowed);
  });
});

describe("counsel's requests", () => {
  it.each([
    [{ pending: 0, recent: 0 }, { ok: true }],
    [{ pending: MAX_PENDING_REQUESTS - 1, recent: 3 }, { ok: true }],
    [{ pending: MAX_PENDING_REQUESTS, recent: 3 }, { ok: false, reason: "TOO_MANY_PENDING" }],
    [{ pending: 0, recent: MAX_REQUESTS_PER_WINDOW }, { ok: false, reason: "TOO_MANY_REQUESTS" }],
    [{ pending: MAX_PENDING_REQUESTS, recent: MAX_REQUESTS_PER_WINDOW }, { ok: false, reason: "TOO_MANY_REQUESTS" }],
  ])("gate %o", (counts, expected) => {
    expect(requestGate(counts)).toEqual(expected);
  });

  it.each([
    ["Nguyễn", "nguyen", true],
    ["Nguyen", "  NGUYEN ", true],
    ["O'Brien", "O Brien", true],
    ["Jean-Baptiste", "jean baptiste", true],
    ["Cárdenas", "Cardenas", true],
    ["Okafor", "Okafo", false],
    ["Okafor", "", false],
    ["Okafor", "   ", false],
  ])("the family name %s matches %j: %s", (stored, typed, matches) => {
    expect(requestMatches({ familyName: stored }, typed)).toBe(matches);
  });

  it("looks a reference up as typed and upper-cased", () => {
    expect(referenceCandidates(" tor-26-0042 ")).toEqual(["tor-26-0042", "TOR-26-0042"]);
    expect(referenceCandidates("TOR-26-0042")).toEqual(["TOR-26-0042"]);
    expect(referenceCandidates("  ")).toEqual([]);
  });

  it.each([
    ["no record yet", [], "CREATE"],
    ["another counsel's records do not matter", [{ counselId: "b", status: "ACTIVE" }, { counselId: "b", status: "REQUESTED" }], "CREATE"],
    ["a declined or ended record allows asking again", [{ counselId: "a", status: "DECLINED" }, { counselId: "a", status: "ENDED" }], "CREATE"],
    ["an open request", [{ counselId: "a", status: "REQUESTED" }], "ALREADY_REQUESTED"],
    ["already counsel of record", [{ counselId: "a", status: "ACTIVE" }], "ALREADY_COUNSEL"],
  ] as const)("%s", (_label, rows, expected) => {
    expect(requestOutcome("a", rows)).toBe(expected);
  });
});

describe("my clients", () => {
  it.each([
    ["DETAINED", true],
    ["RELEASED", false],
    ["REMOVED", false],
    ["TRANSFERRED_OUT", false],
    ["ENDED", false],
  ] as [DetentionStatus, boolean][])("a %s detention is current: %s", (status, current) => {
    expect(isCurrentDetention(status)).toBe(current);
  });

  const readiness: [DetentionStatus, PlanStatus, boolean][] = [
    ["DETAINED", "DRAFTING", true],
    ["DETAINED", "READY", true],
    ["DETAINED", "PRESENTED", true],
    ["DETAINED", "RELEASE_ORDERED", false],
    ["DETAINED", "RELEASED", false],
    ["DETAINED", "WITHDRAWN", false],
    ["DETAINED", "NOT_ACCEPTED", false],
    ["RELEASED", "READY", false],
    ["REMOVED", "DRAFTING", false],
  ];
  it.each(readiness)("readiness for a hearing applies to a %s detention with a %s plan: %s", (detention, plan, applies) => {
    expect(readinessApplies(detention, plan)).toBe(applies);
  });
});
