import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BundleFonts } from "@/lib/bundle/pdf";

/**
 * DejaVu Sans, committed with its licence in lib/bundle/fonts/ (Bitstream Vera licence; DejaVu changes public
 * domain): a machine without the font installed still prints every name as it is written. Read once per process.
 */
let loaded: Promise<BundleFonts> | null = null;

export function bundleFonts(): Promise<BundleFonts> {
  loaded ??= (async () => {
    const directory = path.join(process.cwd(), "lib", "bundle", "fonts");
    const [regular, bold] = await Promise.all([readFile(path.join(directory, "DejaVuSans.ttf")), readFile(path.join(directory, "DejaVuSans-Bold.ttf"))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}
