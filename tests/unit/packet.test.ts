import { describe, expect, it } from "vitest";
import { buildPacket, CONSENT_FIELDS, defaultPacketFields, readPacket, type PacketSource } from "@/lib/referrals/packet";
import type { ConsentField } from "@/lib/generated/prisma/enums";

const source: PacketSource = {
  detainee: { givenName: "Amara", familyName: "Abebe", dateOfBirth: new Date("1990-04-02T00:00:00Z"), languages: ["Tigrinya", "English"], interpreterNeeded: true, interpreterLanguage: "Tigrinya" },
  detention: {
    facilityName: "Toronto Immigration Holding Centre",
    timeZone: "America/Toronto",
    detainedAt: new Date("2026-06-01T14:00:00Z"),
    grounds: ["UNLIKELY_TO_APPEAR"],
    nextReviewKind: "SEVEN_DAY",
    nextReviewDueBy: new Date("2026-06-11T03:59:59Z"),
  },
  flags: [
    { flag: "MENTAL_HEALTH", details: "Anxiety; sees a counsellor." },
    { flag: "TRAFFICKING_INDICATORS", details: "Recruited abroad with a false job offer." },
    { flag: "GBV_SURVIVOR", details: "Account given at interview." },
  ],
  needs: [{ area: "HOUSING", notes: "Needs a bed on release." }],
  releasePlan: { measures: ["RESIDENCE_CONDITION"], residenceAddress: "12 Elm St", residenceDetails: null, proposedConditions: "Report weekly" },
  riskOpinion: "Low flight risk.",
};

const everything: ConsentField[] = [...CONSENT_FIELDS];

describe("the referral packet", () => {
  it("never contains a field outside the consent, whatever the CLO ticks", () => {
    const packet = buildPacket(source, everything, ["IDENTITY", "NEEDS"]);
    expect(Object.keys(packet).sort()).toEqual(["identity", "needs"]);
  });

  it("contains only the fields the CLO chose within the consent", () => {
    const packet = buildPacket(source, ["CONTACT_AND_LANGUAGE"], everything);
    expect(packet).toEqual({ contactAndLanguage: { languages: ["Tigrinya", "English"], interpreterNeeded: true, interpreterLanguage: "Tigrinya" } });
  });

  it("shares identity as names and date of birth only", () => {
    expect(buildPacket(source, ["IDENTITY"], everything).identity).toEqual({ givenName: "Amara", familyName: "Abebe", dateOfBirth: "1990-04-02" });
  });

  it("leaves the risk opinion out of the default selection even when the person consented to it", () => {
    expect(defaultPacketFields(everything)).not.toContain("RISK_OPINION");
    expect(defaultPacketFields(["IDENTITY", "RISK_OPINION"])).toEqual(["IDENTITY"]);
    expect(buildPacket(source, defaultPacketFields(everything), everything).riskOpinion).toBeUndefined();
  });

  it("includes the risk opinion only when the CLO ticks it and the consent covers it", () => {
    expect(buildPacket(source, ["RISK_OPINION"], everything).riskOpinion).toBe("Low flight risk.");
    expect(buildPacket(source, ["RISK_OPINION"], ["IDENTITY"]).riskOpinion).toBeUndefined();
    expect(buildPacket(source, ["IDENTITY"], everything).riskOpinion).toBeUndefined();
  });

  it("names vulnerabilities without their details and never names trafficking indicators", () => {
    const packet = buildPacket(source, ["VULNERABILITIES"], everything);
    expect(packet.vulnerabilities).toEqual(["MENTAL_HEALTH", "GBV_SURVIVOR"]);
    expect(JSON.stringify(packet)).not.toMatch(/TRAFFICKING|Recruited|Anxiety/);
  });

  it("shares details of health flags only, under health details", () => {
    const packet = buildPacket(source, ["HEALTH_DETAILS"], everything);
    expect(packet.healthDetails).toEqual([{ flag: "MENTAL_HEALTH", details: "Anxiety; sees a counsellor." }]);
  });

  it("never carries trafficking indicators even with every field shared", () => {
    const text = JSON.stringify(buildPacket(source, everything, everything));
    expect(text).not.toContain("TRAFFICKING");
    expect(text).not.toContain("Recruited abroad");
  });

  it("shares detention facts, the next review, needs and the release plan as recorded", () => {
    const packet = buildPacket(source, ["DETENTION_FACTS", "REVIEW_DATES", "NEEDS", "RELEASE_PLAN"], everything);
    expect(packet.detentionFacts).toEqual({ facility: "Toronto Immigration Holding Centre", timeZone: "America/Toronto", detainedAt: "2026-06-01T14:00:00.000Z", grounds: ["UNLIKELY_TO_APPEAR"] });
    expect(packet.reviewDates).toEqual({ nextReviewKind: "SEVEN_DAY", nextReviewDueBy: "2026-06-11T03:59:59.000Z", timeZone: "America/Toronto" });
    expect(packet.needs).toEqual([{ area: "HOUSING", notes: "Needs a bed on release." }]);
    expect(packet.releasePlan).toEqual({ measures: ["RESIDENCE_CONDITION"], residenceAddress: "12 Elm St", residenceDetails: null, proposedConditions: "Report weekly" });
  });

  it("reads back a stored snapshot unchanged, and an older one with fewer details", () => {
    const packet = buildPacket(source, defaultPacketFields(everything), everything);
    expect(readPacket(JSON.parse(JSON.stringify(packet)))).toEqual(packet);
    expect(readPacket({ identity: { givenName: "A", familyName: "B" }, needs: ["HOUSING"], vulnerabilities: ["TRAFFICKING_INDICATORS", "SOGIE"] })).toEqual({
      identity: { givenName: "A", familyName: "B", dateOfBirth: null },
      needs: [{ area: "HOUSING", notes: null }],
      vulnerabilities: ["SOGIE"],
    });
  });
});
