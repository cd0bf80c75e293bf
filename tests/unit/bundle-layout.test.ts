import { describe, expect, it } from "vitest";
import { bundleDocument, bundleFileName, bundleLabels, wrapText, type BundleDocument } from "@/lib/bundle/layout";
import { layoutPages, LETTER } from "@/lib/bundle/pages";
import type { BundleModel } from "@/lib/bundle/model";
import { bundleDisclosure } from "@/lib/bundle/rules";

/** A monospaced measure: every character 1 unit wide at any size, so widths are counts of characters. */
const chars = (text: string) => Array.from(text).length;

function model(overrides: Partial<BundleModel> = {}): BundleModel {
  return {
    locale: "en",
    reference: "TOR-26-0042",
    person: { givenName: "Zoë", familyName: "Łukasiewicz-Nguyễn", clientId: "1234-5678" },
    facility: { name: "Toronto Immigration Holding Centre", timeZone: "America/Toronto" },
    plan: {
      version: 7,
      status: "READY",
      versionAt: new Date("2026-06-01T14:00:00Z"),
      measures: ["BONDSPERSON", "IN_PERSON_REPORTING"],
      residenceAddress: "12 Example Street, Toronto",
      residenceDetails: null,
      proposedConditions: "Report weekly.\nKeep the peace.",
    },
    grounds: [
      { ground: "UNLIKELY_TO_APPEAR", concern: "Missed one appointment in 2024", mitigation: "Her sister will host her and drive her to reporting" },
      { ground: "IDENTITY_NOT_ESTABLISHED", concern: null, mitigation: null },
    ],
    bondspersons: [{ name: "Ana Pérez", relationship: "Sister", amountCents: 500_000, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: false, confirmed: false }],
    acceptedReferrals: [{ programName: "Harbour House", kind: "COMMUNITY", services: ["HOUSING", "SUPERVISION"], acceptedAt: new Date("2026-05-30T16:00:00Z") }],
    generatedAt: new Date("2026-06-02T13:30:00Z"),
    ...overrides,
  };
}

const allText = (document: BundleDocument) => [document.title, ...document.subtitle, ...document.sections.flatMap((section) => [section.heading, ...section.blocks.map((block) => block.text)]), document.footer].join("\n");

describe("wrapping the bundle's text", () => {
  it.each<[string, string, number, string[]]>([
    ["keeps a short line whole", "Report weekly", 20, ["Report weekly"]],
    ["breaks between words", "Report to the office every week", 14, ["Report to the", "office every", "week"]],
    ["keeps the writer's line breaks and blank lines", "One\n\nTwo", 20, ["One", "", "Two"]],
    ["cuts a word longer than a line where it must", "ana.perez@example.invalid", 10, ["ana.perez@", "example.in", "valid"]],
    ["never splits a letter made of two code units", "𝒜𝒜𝒜", 2, ["𝒜𝒜", "𝒜"]],
    ["draws a control character as a space", "A\tB\u0007C", 20, ["A B C"]],
  ])("%s", (_name, text, width, lines) => {
    expect(wrapText(text, width, chars)).toEqual(lines);
  });

  it("never returns a line wider than allowed", () => {
    const text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, supercalifragilisticexpialidocious ".repeat(20);
    for (const width of [5, 12, 40]) for (const line of wrapText(text, width, chars)) expect(chars(line)).toBeLessThanOrEqual(width);
  });
});

describe("the bundle's sections", () => {
  it("puts each ground with its concern and mitigation, the measures, the bondsperson's vetting and the accepted programs", () => {
    const document = bundleDocument(model(), bundleLabels("en"));
    expect(document.sections.map((section) => section.heading)).toEqual([
      "Grounds of detention, concerns and proposed mitigation",
      "Alternatives to detention and proposed conditions",
      "Bondspersons and their vetting (IRPR s.47)",
      "Programs that accepted the person",
    ]);
    const text = allText(document);
    expect(text).toContain("Unlikely to appear (s.58(1)(b))");
    expect(text).toContain("Concern: Missed one appointment in 2024");
    expect(text).toContain("Proposed mitigation: Her sister will host her and drive her to reporting");
    expect(text).toContain("Proposed mitigation: No mitigation proposed");
    expect(text).toContain("Ana Pérez (Sister)");
    expect(text).toContain("No guarantee in default: Not verified");
    expect(text).toContain("Not yet confirmed by the case team");
    expect(text).toContain("Harbour House");
    expect(text).toContain("Case reference: TOR-26-0042");
    expect(text).toContain("Person concerned: Łukasiewicz-Nguyễn, Zoë · UCI 1234-5678");
    // The version and the date in the facility's zone (10:00 in Toronto is 14:00 UTC in June).
    expect(document.footer).toBe("Plan version 7, generated Jun 2, 2026 9:30 AM EDT");
  });

  it("is written in French when French is chosen", () => {
    const document = bundleDocument(model({ locale: "fr" }), bundleLabels("fr"));
    const text = allText(document);
    expect(document.title).toBe("Plan de mise en liberté pour la Section de l'immigration");
    expect(text).toContain("Cautions et leur vérification (RIPR art. 47)");
    expect(text).toContain("Atténuation proposée : Her sister will host her and drive her to reporting");
    expect(text).toContain("Préoccupation : Rien de consigné");
    expect(document.footer).toMatch(/^Version 7 du plan, produite le 2 juin 2026 09:30 HAE$/);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it("has an index of documents only when it is given documents, and lists exactly those", () => {
    expect(bundleDocument(model(), bundleLabels("en")).sections.some((section) => section.heading === "Index of documents")).toBe(false);
    const withDocuments = bundleDocument(model({ documents: [{ title: "Acceptance letter", kind: "PDF", attachedTo: "Harbour House", addedAt: new Date("2026-05-31T15:00:00Z") }] }), bundleLabels("en"));
    const index = withDocuments.sections.find((section) => section.heading === "Index of documents");
    expect(index?.blocks.map((block) => block.text)).toEqual(["1. Acceptance letter (PDF, Harbour House), May 31, 2026"]);
  });

  it("says what is missing rather than leaving a blank", () => {
    const text = allText(bundleDocument(model({ bondspersons: [], acceptedReferrals: [], plan: { ...model().plan, measures: [], residenceAddress: null, proposedConditions: null } }), bundleLabels("en")));
    // The second ground's concern, the measures, the residence, the conditions, the bondspersons, the programs.
    expect(text.match(/None recorded/g)?.length).toBe(6);
  });

  it("names the file by the case reference, the plan version and the language, never by the person", () => {
    expect(bundleFileName(model())).toBe("hearing-bundle-TOR-26-0042-v7-en.pdf");
    expect(bundleFileName(model({ reference: 'TOR"26/0042\r\n' }))).toBe("hearing-bundle-TOR260042-v7-en.pdf");
  });

  it("has the same keys in English and French", () => {
    expect(Object.keys(bundleLabels("fr").text).sort()).toEqual(Object.keys(bundleLabels("en").text).sort());
  });
});

describe("placing the bundle on pages", () => {
  const measure = (text: string, size: number) => chars(text) * size * 0.5;

  it("keeps every line inside the margins and above the footer", () => {
    const pages = layoutPages(bundleDocument(model(), bundleLabels("en")), measure);
    for (const line of pages.flat()) {
      expect(line.x).toBeGreaterThanOrEqual(LETTER.margin);
      expect(line.x + measure(line.text, line.size)).toBeLessThanOrEqual(LETTER.width - LETTER.margin);
      expect(line.y).toBeGreaterThanOrEqual(LETTER.margin + LETTER.footerHeight);
      expect(line.y).toBeLessThanOrEqual(LETTER.height - LETTER.margin);
    }
  });

  it("runs a long plan onto further pages, in order, losing no line", () => {
    const long = "The person will live with her sister, report every Monday and attend counselling. ".repeat(120);
    const document = bundleDocument(model({ plan: { ...model().plan, proposedConditions: long } }), bundleLabels("en"));
    const pages = layoutPages(document, measure);
    expect(pages.length).toBeGreaterThan(2);
    // Down each page, then on to the next.
    for (const page of pages) for (let index = 1; index < page.length; index++) expect(page[index]!.y).toBeLessThan(page[index - 1]!.y);
    expect(pages.flat().map((line) => line.text).join(" ")).toContain("Harbour House");
  });

  it("never leaves a section heading alone at the foot of a page", () => {
    for (let lines = 1; lines < 60; lines++) {
      const document = bundleDocument(model({ plan: { ...model().plan, proposedConditions: "x\n".repeat(lines) } }), bundleLabels("en"));
      for (const page of layoutPages(document, measure)) {
        const last = page.at(-1)!;
        expect(document.sections.map((section) => section.heading)).not.toContain(last.text);
      }
    }
  });
});

describe("the bundle's disclosure deadline (ID Rules, rule 8(2), through lib/reviews/rules.ts)", () => {
  const zone = "America/Toronto";
  it("is the scheduled hearing's disclosure date when a hearing is scheduled", () => {
    const due = new Date("2026-06-07T03:59:59.999Z");
    expect(bundleDisclosure({ next: { kind: "THIRTY_DAY", dueBy: new Date("2026-06-20T03:59:59.999Z") }, disclosureDue: due }, zone)).toMatchObject({ due, basis: "HEARING", kind: "THIRTY_DAY" });
  });

  it("is 4 days before the latest day of the review while no hearing is scheduled", () => {
    const disclosure = bundleDisclosure({ next: { kind: "SEVEN_DAY", dueBy: new Date("2026-06-11T03:59:59.999Z") }, disclosureDue: null }, zone);
    // The review by the end of 10 June (Toronto): disclosure by the end of 6 June.
    expect(disclosure).toMatchObject({ basis: "REVIEW_DUE_BY", due: new Date("2026-06-07T03:59:59.999Z") });
  });

  it("is none before the 48-hour review or a designated foreign national's review, which need no disclosure", () => {
    expect(bundleDisclosure({ next: { kind: "FORTY_EIGHT_HOUR", dueBy: new Date("2026-06-02T12:00:00Z") }, disclosureDue: null }, zone)).toBeNull();
    expect(bundleDisclosure({ next: { kind: "DFN_FOURTEEN_DAY", dueBy: new Date("2026-06-02T12:00:00Z") }, disclosureDue: null }, zone)).toBeNull();
    expect(bundleDisclosure({ next: null, disclosureDue: null }, zone)).toBeNull();
  });
});
