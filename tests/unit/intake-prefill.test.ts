import { describe, expect, it } from "vitest";
import { intakePrefill } from "@/lib/detentions/rules";

describe("the new-person form starts with what the CLO searched for", () => {
  it.each([
    ["Oyelaran-Test", { givenName: "", familyName: "Oyelaran-Test" }],
    ["Folake Oyelaran-Test", { givenName: "Folake", familyName: "Oyelaran-Test" }],
    ["Ana María  Quispe", { givenName: "Ana María", familyName: "Quispe" }],
    ["Quispe, Ana María", { givenName: "Ana María", familyName: "Quispe" }],
    ["  Quispe ,  Ana   María ", { givenName: "Ana María", familyName: "Quispe" }],
    ["Quispe,", { givenName: "", familyName: "Quispe" }],
    ["", { givenName: "", familyName: "" }],
  ])("%j", (name, expected) => {
    expect(intakePrefill({ name, dateOfBirth: "", clientId: "" })).toEqual({ ...expected, dateOfBirth: "", clientId: "" });
  });

  it("keeps the date of birth and the UCI searched", () => {
    expect(intakePrefill({ name: "Quispe", dateOfBirth: "1990-02-28", clientId: "1234-5678" })).toEqual({ givenName: "", familyName: "Quispe", dateOfBirth: "1990-02-28", clientId: "1234-5678" });
  });
});
