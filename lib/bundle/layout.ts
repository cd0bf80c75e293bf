import { formatDate, formatDateTime } from "@/lib/format";
import { messagesFor } from "@/lib/i18n/catalogues";
import { plainTemplates } from "@/lib/i18n/plain";
import type { AppLocale } from "@/lib/i18n/locales";
import type { BundleModel } from "@/lib/bundle/model";

/**
 * The hearing bundle as a document, before any PDF: pure functions from the bundle model to sections of text, and
 * the line wrapping the renderer uses. No I/O, so they are tested by tables (tests/unit/bundle-layout.test.ts).
 */

/** One block of text in a section: a heading of its own, a paragraph, or an item of a list (indented). */
export type BundleBlock = { text: string; style: "subheading" | "paragraph" | "item" };
export type BundleSection = { heading: string; blocks: BundleBlock[] };
export type BundleDocument = { title: string; subtitle: string[]; sections: BundleSection[]; footer: string; pageNumber: (page: number, pages: number) => string };

/** The strings of one language: the hearingBundle namespace and the plan's own labels (lib/i18n/messages). */
export type BundleLabels = {
  text: Record<string, string>;
  ground: Record<string, string>;
  measure: Record<string, string>;
  status: Record<string, string>;
  service: Record<string, string>;
  providerKind: Record<string, string>;
};

export function bundleLabels(locale: AppLocale): BundleLabels {
  const messages = messagesFor(locale) as {
    hearingBundle: unknown;
    planStatus: unknown;
    planLabels: { ground: unknown; measure: unknown };
    providers: { services: unknown; kinds: unknown };
  };
  // Plain templates whichever form the catalogue is in (Next's build precompiles it: lib/i18n/plain.ts).
  return {
    text: plainTemplates(messages.hearingBundle, "hearingBundle"),
    ground: plainTemplates(messages.planLabels.ground, "planLabels.ground"),
    measure: plainTemplates(messages.planLabels.measure, "planLabels.measure"),
    status: plainTemplates(messages.planStatus, "planStatus"),
    service: plainTemplates(messages.providers.services, "providers.services"),
    providerKind: plainTemplates(messages.providers.kinds, "providers.kinds"),
  };
}

/** A catalogue string with its {placeholders} filled. A missing key is a defect, not a blank in a court document. */
export function fill(labels: BundleLabels, key: string, values: Record<string, string | number> = {}): string {
  const template = labels.text[key];
  if (typeof template !== "string") throw new Error(`hearingBundle.${key} is missing from the catalogue`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function amount(cents: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency: "CAD" }).format(cents / 100);
}

/** The file name: the case reference and the plan version, never the person's name; only [A-Za-z0-9-] kept. */
export function bundleFileName(model: Pick<BundleModel, "reference" | "locale" | "plan">): string {
  const reference = model.reference.replace(/[^A-Za-z0-9-]/g, "") || "case";
  return `hearing-bundle-${reference}-v${model.plan.version}-${model.locale}.pdf`;
}

/**
 * The bundle's sections, in the order the Division reads a plan: the grounds and how each is answered, then the
 * measures and conditions, the guarantors, the programs, and the index of the documents shared with the case team.
 */
export function bundleDocument(model: BundleModel, labels: BundleLabels): BundleDocument {
  const { locale } = model;
  const zone = model.facility.timeZone;
  const t = (key: string, values?: Record<string, string | number>) => fill(labels, key, values);
  const none = t("noneRecorded");
  const field = (key: string, value: string) => t("field", { label: t(key), value });
  const yesNo = (value: boolean) => (value ? t("yes") : t("notChecked"));
  const person = [`${model.person.familyName}, ${model.person.givenName}`, model.person.clientId ? t("clientId", { clientId: model.person.clientId }) : null].filter(Boolean).join(" · ");

  const sections: BundleSection[] = [];

  sections.push({
    heading: t("groundsHeading"),
    blocks:
      model.grounds.length === 0
        ? [{ text: none, style: "paragraph" }]
        : model.grounds.flatMap((entry): BundleBlock[] => [
            { text: labels.ground[entry.ground] ?? entry.ground, style: "subheading" },
            { text: field("concern", entry.concern?.trim() || none), style: "item" },
            { text: field("mitigation", entry.mitigation?.trim() || t("noMitigation")), style: "item" },
          ]),
  });

  const residence = [model.plan.residenceAddress, model.plan.residenceDetails].filter((part): part is string => !!part?.trim());
  sections.push({
    heading: t("measuresHeading"),
    blocks: [
      ...(model.plan.measures.length === 0 ? [{ text: none, style: "paragraph" } as BundleBlock] : model.plan.measures.map((measure): BundleBlock => ({ text: labels.measure[measure] ?? measure, style: "item" }))),
      { text: t("residence"), style: "subheading" },
      ...(residence.length === 0 ? [{ text: none, style: "paragraph" } as BundleBlock] : residence.map((text): BundleBlock => ({ text, style: "paragraph" }))),
      { text: t("conditions"), style: "subheading" },
      { text: model.plan.proposedConditions?.trim() || none, style: "paragraph" },
    ],
  });

  sections.push({
    heading: t("bondspersonsHeading"),
    blocks:
      model.bondspersons.length === 0
        ? [{ text: none, style: "paragraph" }]
        : model.bondspersons.flatMap((bondsperson): BundleBlock[] => [
            { text: `${bondsperson.name} (${bondsperson.relationship})`, style: "subheading" },
            { text: field("amount", bondsperson.amountCents !== null ? amount(bondsperson.amountCents, locale) : t("noAmount")), style: "item" },
            { text: field("citizenOrPermanentResident", yesNo(bondsperson.citizenOrPermanentResident)), style: "item" },
            { text: field("residesInCanada", yesNo(bondsperson.residesInCanada)), style: "item" },
            { text: field("noGuaranteeInDefault", yesNo(bondsperson.noGuaranteeInDefault)), style: "item" },
            { text: bondsperson.confirmed ? t("confirmed") : t("notConfirmed"), style: "item" },
          ]),
  });

  sections.push({
    heading: t("programsHeading"),
    blocks:
      model.acceptedReferrals.length === 0
        ? [{ text: none, style: "paragraph" }]
        : model.acceptedReferrals.flatMap((referral): BundleBlock[] => [
            { text: referral.programName, style: "subheading" },
            { text: referral.services.length ? t("field", { label: labels.providerKind[referral.kind] ?? referral.kind, value: referral.services.map((service) => labels.service[service] ?? service).join(", ") }) : (labels.providerKind[referral.kind] ?? referral.kind), style: "item" },
            { text: referral.acceptedAt ? t("acceptedOn", { date: formatDate(referral.acceptedAt, zone, locale) }) : t("accepted"), style: "item" },
          ]),
  });

  // The index of the documents shared with the case team: only what the model was given, never an invented entry.
  if (model.documents) {
    sections.push({
      heading: t("documentsHeading"),
      blocks:
        model.documents.length === 0
          ? [{ text: none, style: "paragraph" }]
          : model.documents.map((document, index): BundleBlock => ({
              text: `${index + 1}. ${document.title} (${document.kind}${document.attachedTo ? `, ${document.attachedTo}` : ""}), ${formatDate(document.addedAt, zone, locale)}`,
              style: "item",
            })),
    });
  }

  return {
    title: t("title"),
    subtitle: [
      t("reference", { reference: model.reference }),
      t("person", { person }),
      t("facility", { facility: model.facility.name }),
      t("planVersion", { version: model.plan.version, at: formatDateTime(model.plan.versionAt, zone, locale), status: labels.status[model.plan.status] ?? model.plan.status }),
    ],
    sections,
    footer: t("generated", { version: model.plan.version, at: formatDateTime(model.generatedAt, zone, locale) }),
    pageNumber: (page, pages) => t("page", { page, pages }),
  };
}

/** Control characters (a tab, a stray escape) are never drawn: a PDF font has no glyph for them. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, " ");
}

/**
 * Breaks text into lines no wider than maxWidth, as measured by `width` (the font's metrics at the size drawn).
 * Line breaks in the text are kept; lines break between words; a word wider than a line (a long e-mail address, a
 * URL) is cut where it must be, so nothing ever runs off the page.
 */
export function wrapText(text: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/ +/).filter((word) => word.length > 0);
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      // A word longer than a whole line: cut it into pieces that fit, by code point (never inside a surrogate pair).
      let rest = word;
      while (width(rest) > maxWidth) {
        const chars = Array.from(rest);
        let take = 1;
        while (take < chars.length && width(chars.slice(0, take + 1).join("")) <= maxWidth) take += 1;
        lines.push(chars.slice(0, take).join(""));
        rest = chars.slice(take).join("");
      }
      line = rest;
    }
    if (line) lines.push(line);
  }
  return lines;
}
