import { wrapText, type BundleDocument } from "@/lib/bundle/layout";

/**
 * Where each line of the bundle goes on which page: pure (the font's metrics come in as a function), so wrapping and
 * page breaks are tested without a PDF. The renderer (lib/bundle/pdf.ts) only draws what this returns.
 */

export type Measure = (text: string, size: number, bold: boolean) => number;
export type PlacedLine = { text: string; x: number; y: number; size: number; bold: boolean };
export type PageGeometry = { width: number; height: number; margin: number; footerHeight: number };

/** US Letter, the size Canadian tribunals print on, with 0.75-inch margins. */
export const LETTER: PageGeometry = { width: 612, height: 792, margin: 54, footerHeight: 24 };

const STYLE = {
  title: { size: 16, bold: true, indent: 0, before: 0 },
  subtitle: { size: 10, bold: false, indent: 0, before: 0 },
  heading: { size: 13, bold: true, indent: 0, before: 14 },
  subheading: { size: 11, bold: true, indent: 0, before: 6 },
  paragraph: { size: 10.5, bold: false, indent: 0, before: 2 },
  item: { size: 10.5, bold: false, indent: 14, before: 1 },
} as const;

const LEADING = 1.35;

/** Lines placed on pages, top to bottom; a heading is never left alone at the foot of a page. */
export function layoutPages(document: BundleDocument, measure: Measure, page: PageGeometry = LETTER): PlacedLine[][] {
  let current: PlacedLine[] = [];
  const pages: PlacedLine[][] = [current];
  const top = page.height - page.margin;
  const bottom = page.margin + page.footerHeight;
  let y = top;

  const newPage = () => {
    current = [];
    pages.push(current);
    y = top;
  };

  const place = (text: string, kind: keyof typeof STYLE, keepWithNext = 0) => {
    const style = STYLE[kind];
    const lineHeight = style.size * LEADING;
    const lines = wrapText(text, page.width - 2 * page.margin - style.indent, (candidate) => measure(candidate, style.size, style.bold));
    lines.forEach((line, index) => {
      let space = index === 0 && y < top ? style.before : 0;
      // A heading keeps the first line of what follows with it (keepWithNext); any other line just has to fit.
      const needed = space + lineHeight + (index === lines.length - 1 ? keepWithNext : 0);
      if (y - needed < bottom && y < top) {
        newPage();
        space = 0;
      }
      y -= space;
      current.push({ text: line, x: page.margin + style.indent, y: y - style.size, size: style.size, bold: style.bold });
      y -= lineHeight;
    });
  };

  place(document.title, "title");
  for (const line of document.subtitle) place(line, "subtitle");
  for (const section of document.sections) {
    // A heading keeps with it what opens its section: a subheading and its first item at the most.
    place(section.heading, "heading", STYLE.subheading.before + (STYLE.subheading.size + 2 * STYLE.item.size) * LEADING + 2 * STYLE.item.before);
    for (const block of section.blocks) place(block.text, block.style, block.style === "subheading" ? STYLE.item.size * LEADING : 0);
  }
  return pages;
}
