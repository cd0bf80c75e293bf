import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import type { OrganizationKind, ProviderService, ResourceListSharing, Role, VulnerabilityFlag } from "@/lib/generated/prisma/enums";
import { mayEditResourceList, mayReadResourceList, resourceListEditScope, resourceListReadScope } from "@/lib/authz/resource-lists";
import { familyCapableProviderScope, isFamilyCapable, sharedOfficesToKeep } from "@/lib/resource-lists/rules";
import { showsFamilyMembers, showsFamilySection } from "@/lib/families/rules";

const TORONTO = "office-toronto";
const QUEBEC = "office-quebec";
const PACIFIC = "office-pacific";

function actor(role: Role, organizationId = TORONTO, organizationKind: OrganizationKind = "CBSA_OFFICE"): Pick<Actor, "role" | "organizationId" | "organizationKind"> {
  return { role, organizationId, organizationKind };
}

describe("who reads and who edits a resource list, by its sharing", () => {
  // [reader, list's office, sharing, offices named, reads, edits]
  const table: [string, Pick<Actor, "role" | "organizationId" | "organizationKind">, string, ResourceListSharing, string[], boolean, boolean][] = [
    ["a CLO of the owning office, own office only", actor("CLO"), TORONTO, "OFFICE", [], true, true],
    ["a supervisor of the owning office, shared with all", actor("SUPERVISOR"), TORONTO, "ALL_OFFICES", [], true, true],
    ["a CLO of another office, own office only", actor("CLO", QUEBEC), TORONTO, "OFFICE", [], false, false],
    ["a CLO of another office, shared with all", actor("CLO", QUEBEC), TORONTO, "ALL_OFFICES", [], true, false],
    ["a supervisor of a named office", actor("SUPERVISOR", QUEBEC), TORONTO, "NAMED_OFFICES", [QUEBEC], true, false],
    ["a CLO of an office not named", actor("CLO", PACIFIC), TORONTO, "NAMED_OFFICES", [QUEBEC], false, false],
    ["an office named on a list no longer shared by name", actor("CLO", QUEBEC), TORONTO, "OFFICE", [QUEBEC], false, false],
    ["counsel, shared with all", actor("COUNSEL", "legal-clinic", "LEGAL"), TORONTO, "ALL_OFFICES", [], false, false],
    ["a caseworker, shared with all", actor("NGO_CASEWORKER", "harbour", "SERVICE_PROVIDER"), TORONTO, "ALL_OFFICES", [], false, false],
    ["an admin, shared with all", actor("ADMIN", "admin-org", "OTHER_NGO"), TORONTO, "ALL_OFFICES", [], false, false],
  ];
  it.each(table)("%s", (_name, reader, officeId, sharing, sharedOfficeIds, reads, edits) => {
    expect(mayReadResourceList(reader, { officeId, sharing, sharedOfficeIds })).toBe(reads);
    expect(mayEditResourceList(reader, { officeId })).toBe(edits);
  });

  it("scopes reads to the office's own lists, lists shared with all and lists naming the office; edits to its own", () => {
    expect(resourceListReadScope(actor("CLO", QUEBEC))).toEqual({
      OR: [{ officeId: QUEBEC }, { sharing: "ALL_OFFICES" }, { sharing: "NAMED_OFFICES", shares: { some: { officeId: QUEBEC } } }],
    });
    expect(resourceListEditScope(actor("SUPERVISOR", QUEBEC))).toEqual({ officeId: QUEBEC });
    for (const outsider of [actor("COUNSEL", "x", "LEGAL"), actor("NGO_CASEWORKER", "y", "SERVICE_PROVIDER"), actor("ADMIN", "z", "OTHER_NGO")]) {
      expect(resourceListReadScope(outsider)).toEqual({ id: { in: [] } });
      expect(resourceListEditScope(outsider)).toEqual({ id: { in: [] } });
    }
  });

  it("keeps the offices named only for a list shared by name, never the owning office, each once", () => {
    expect(sharedOfficesToKeep("NAMED_OFFICES", [QUEBEC, TORONTO, QUEBEC], TORONTO)).toEqual([QUEBEC]);
    expect(sharedOfficesToKeep("ALL_OFFICES", [QUEBEC], TORONTO)).toEqual([]);
    expect(sharedOfficesToKeep("OFFICE", [QUEBEC], TORONTO)).toEqual([]);
  });
});

describe("which providers are family-capable", () => {
  // [provider, families with children, minors, services, family-capable]
  const table: [string, boolean, boolean, ProviderService[], boolean][] = [
    ["a shelter taking families with children", true, false, ["HOUSING"], true],
    ["a program for minors", false, true, ["SETTLEMENT"], true],
    ["a family support service for adults only", false, false, ["FAMILY_SUPPORT", "MENTAL_HEALTH"], true],
    ["a men's shelter", false, false, ["HOUSING", "SUPERVISION"], false],
    ["a legal clinic", false, false, ["LEGAL_SUPPORT"], false],
  ];
  it.each(table)("%s", (_name, familiesWithChildren, minors, services, capable) => {
    expect(isFamilyCapable({ familiesWithChildren, minors, services })).toBe(capable);
  });

  it("as a query: listed providers of active organisations in the region, with the same three signs", () => {
    expect(familyCapableProviderScope("Quebec")).toEqual({
      listed: true,
      organization: { active: true },
      region: "Quebec",
      OR: [{ familiesWithChildren: true }, { minors: true }, { services: { has: "FAMILY_SUPPORT" } }],
    });
  });
});

describe("when the case page shows the families sections", () => {
  // The caller passes the flags the viewer may see (visibleFlags), never the stored ones.
  const table: [string, VulnerabilityFlag[], boolean][] = [
    ["a child detained", ["MINOR_DETAINED"], true],
    ["a child housed with the parent", ["MINOR_HOUSED", "MEDICAL"], true],
    ["a parent separated from a child", ["SEPARATED_FROM_CHILD"], true],
    ["no flag", [], false],
    ["other vulnerabilities only", ["PREGNANCY", "GBV_SURVIVOR", "TRAFFICKING_INDICATORS"], false],
  ];
  it.each(table)("Families and minors: %s", (_name, visible, shows) => {
    expect(showsFamilySection(visible)).toBe(shows);
  });

  it("Family members: always for the case team (they link there), for others only with a linked case they may open", () => {
    expect(showsFamilyMembers({ visibleOthers: 0, mayLink: true })).toBe(true);
    expect(showsFamilyMembers({ visibleOthers: 1, mayLink: false })).toBe(true);
    // Counsel of one parent only: the other parent's case is not theirs, so nothing says a link exists.
    expect(showsFamilyMembers({ visibleOthers: 0, mayLink: false })).toBe(false);
  });
});
