import { PDFDocument, rgb } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import type { BundleDocument } from "@/lib/bundle/layout";
import { LETTER, layoutPages, type PageGeometry } from "@/lib/bundle/pages";

/** The TrueType fonts the bundle embeds (DejaVu Sans: every Latin letter, so any person's name prints as written). */
export type BundleFonts = { regular: Uint8Array; bold: Uint8Array };

/**
 * Draws the bundle as a PDF: a pure function of the document and the font files (no database, no clock), so the same
 * document always gives the same pages. Fonts are subset (only the glyphs used), which keeps a bundle to a few kB and
 * still lets the text be selected, searched and read aloud (pdf-lib writes the ToUnicode map).
 */
export async function renderBundlePdf(document: BundleDocument, fonts: BundleFonts, options: { language: string; geometry?: PageGeometry }): Promise<Uint8Array> {
  const geometry = options.geometry ?? LETTER;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const font = (isBold: boolean) => (isBold ? bold : regular);

  // Fixed metadata: no producer or creator that names a library version, dates from the document itself.
  pdf.setTitle(document.title);
  pdf.setLanguage(options.language);
  pdf.setProducer("Liaison");
  pdf.setCreator("Liaison");

  const pages = layoutPages(document, (text, size, isBold) => font(isBold).widthOfTextAtSize(text, size), geometry);
  const ink = rgb(0, 0, 0);
  pages.forEach((lines, index) => {
    const page = pdf.addPage([geometry.width, geometry.height]);
    for (const line of lines) page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font: font(line.bold), color: ink });
    // Every page says which plan version it shows and when it was made, and where it sits in the bundle.
    const number = document.pageNumber(index + 1, pages.length);
    page.drawText(document.footer, { x: geometry.margin, y: geometry.margin, size: 8.5, font: regular, color: ink });
    page.drawText(number, { x: geometry.width - geometry.margin - regular.widthOfTextAtSize(number, 8.5), y: geometry.margin, size: 8.5, font: regular, color: ink });
  });
  return pdf.save();
}
