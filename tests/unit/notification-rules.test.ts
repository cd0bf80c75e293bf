import { describe, expect, it } from "vitest";
import { deliveryFor, recipientsOf, type EventParties, type NotifyingAction } from "@/lib/notifications/rules";

const ACTOR = "actor";
const base: EventParties = { actorId: ACTOR, actorSide: "OFFICE" };

describe("who each event tells", () => {
  const cases: { name: string; action: NotifyingAction; parties: Partial<EventParties>; expected: { kind: string; recipients: string[] } | null }[] = [
    { name: "a referral sent: the provider's caseworkers", action: "referral.send", parties: { providerCaseworkerIds: ["nw1", "nw2"] }, expected: { kind: "REFERRAL_RECEIVED", recipients: ["nw1", "nw2"] } },
    { name: "a referral sent to a provider with no active caseworker: nobody", action: "referral.send", parties: { providerCaseworkerIds: [] }, expected: null },
    {
      name: "an answer: the sending CLO and the assigned CLO, once each",
      action: "referral.answer",
      parties: { actorSide: "PROVIDER", referralCreatorId: "clo1", assignedCloId: "clo1" },
      expected: { kind: "REFERRAL_ANSWERED", recipients: ["clo1"] },
    },
    {
      name: "a provider's message: the office side",
      action: "referral.message",
      parties: { actorSide: "PROVIDER", referralCreatorId: "clo1", assignedCloId: "clo2", providerCaseworkerIds: ["nw1"] },
      expected: { kind: "REFERRAL_MESSAGE", recipients: ["clo1", "clo2"] },
    },
    {
      name: "an office's message: the provider side, never the author",
      action: "referral.message",
      parties: { actorSide: "OFFICE", referralCreatorId: ACTOR, providerCaseworkerIds: ["nw1", ACTOR] },
      expected: { kind: "REFERRAL_MESSAGE", recipients: ["nw1"] },
    },
    {
      name: "a team message: the case's CLO, counsel and the providers' caseworkers the caller found in its audience, never the author",
      action: "team.message",
      parties: { actorSide: "COUNSEL", assignedCloId: "clo1", officeSupervisorIds: [], counselId: ACTOR, providerCaseworkerIds: ["nw1", "nw2"] },
      expected: { kind: "TEAM_MESSAGE", recipients: ["clo1", "nw1", "nw2"] },
    },
    {
      name: "a team message on an unassigned case: the office's supervisors stand for the office",
      action: "team.message",
      parties: { actorSide: "PROVIDER", assignedCloId: null, officeSupervisorIds: ["sup1"], counselId: null, providerCaseworkerIds: [] },
      expected: { kind: "TEAM_MESSAGE", recipients: ["sup1"] },
    },
    {
      name: "a team message by the case's own CLO to nobody else: nobody",
      action: "team.message",
      parties: { actorSide: "OFFICE", assignedCloId: ACTOR, counselId: null, providerCaseworkerIds: [] },
      expected: null,
    },
    { name: "a message from anyone else: nobody", action: "referral.message", parties: { actorSide: "OTHER", providerCaseworkerIds: ["nw1"] }, expected: null },
    { name: "consent withdrawn: the provider's caseworkers", action: "consent.withdraw", parties: { providerCaseworkerIds: ["nw1"] }, expected: { kind: "CONSENT_WITHDRAWN", recipients: ["nw1"] } },
    {
      name: "counsel's bondsperson: the assigned CLO",
      action: "plan.bondsperson.propose",
      parties: { actorSide: "COUNSEL", assignedCloId: "clo1", officeSupervisorIds: ["sup1"] },
      expected: { kind: "BONDSPERSON_PROPOSED", recipients: ["clo1"] },
    },
    {
      name: "counsel's bondsperson on an unassigned case: the office's supervisors",
      action: "plan.bondsperson.propose",
      parties: { actorSide: "COUNSEL", assignedCloId: null, officeSupervisorIds: ["sup1", "sup2"] },
      expected: { kind: "BONDSPERSON_PROPOSED", recipients: ["sup1", "sup2"] },
    },
    {
      name: "counsel's option: the assigned CLO",
      action: "plan.option.propose",
      parties: { actorSide: "COUNSEL", assignedCloId: "clo1", officeSupervisorIds: ["sup1"] },
      expected: { kind: "OPTION_PROPOSED", recipients: ["clo1"] },
    },
    {
      name: "counsel's option on an unassigned case: the office's supervisors",
      action: "plan.option.propose",
      parties: { actorSide: "COUNSEL", assignedCloId: null, officeSupervisorIds: ["sup1", "sup2"] },
      expected: { kind: "OPTION_PROPOSED", recipients: ["sup1", "sup2"] },
    },
    {
      name: "counsel asks to be recorded: the case's CLO",
      action: "counsel.request",
      parties: { actorSide: "COUNSEL", assignedCloId: "clo1", officeSupervisorIds: ["sup1"] },
      expected: { kind: "COUNSEL_REQUESTED", recipients: ["clo1"] },
    },
    {
      name: "a release: counsel of record and the providers still working on a referral",
      action: "detention.outcome.record",
      parties: { endedAs: "RELEASED", counselId: "counsel", providerCaseworkerIds: ["nw1"] },
      expected: { kind: "PERSON_RELEASED", recipients: ["counsel", "nw1"] },
    },
    {
      name: "a removal: told as the end of the detention, never why",
      action: "detention.outcome.record",
      parties: { endedAs: "REMOVED", counselId: "counsel", providerCaseworkerIds: [] },
      expected: { kind: "PERSON_REMOVED", recipients: ["counsel"] },
    },
    { name: "an outcome on a case with no counsel and no open referral: nobody", action: "detention.outcome.record", parties: { endedAs: "RELEASED", counselId: null }, expected: null },
    {
      name: "a transfer: counsel of record and the providers",
      action: "detention.transfer",
      parties: { counselId: "counsel", providerCaseworkerIds: ["nw1", "nw2"] },
      expected: { kind: "PERSON_TRANSFERRED", recipients: ["counsel", "nw1", "nw2"] },
    },
    { name: "an assignment: the CLO given the case", action: "detention.assign", parties: { newlyAssignedCloId: "clo2" }, expected: { kind: "CASE_ASSIGNED", recipients: ["clo2"] } },
    { name: "a supervisor assigning a case to themself: nobody", action: "detention.assign", parties: { newlyAssignedCloId: ACTOR }, expected: null },
  ];
  it.each(cases)("$name", ({ action, parties, expected }) => {
    expect(deliveryFor(action, { ...base, ...parties })).toEqual(expected);
  });
});

describe("recipientsOf", () => {
  it("drops the actor, empty values and repeats, in a stable order", () => {
    expect(recipientsOf("a", ["c", null, "a", "b"], [undefined, "c"])).toEqual(["b", "c"]);
  });
});
