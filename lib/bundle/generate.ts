import "server-only";
import type { Actor } from "@/lib/authz";
import { bundleDocument, bundleFileName, bundleLabels } from "@/lib/bundle/layout";
import { bundleFonts } from "@/lib/bundle/fonts";
import { renderBundlePdf } from "@/lib/bundle/pdf";
import { loadHearingBundle } from "@/lib/bundle/queries";
import { recordBundleGenerated } from "@/lib/bundle/reading";
import { bundleRequestSchema } from "@/lib/bundle/schema";

export type BundleResult = { ok: true; pdf: Uint8Array; fileName: string } | { ok: false; reason: "NOT_FOUND" } | { ok: false; reason: "INVALID"; field: string };

/**
 * The hearing bundle, end to end: parse the request, load the model under the actor's access (the one gate), build
 * the document in the chosen language, draw it, audit the generation. Signed out is "not found", like any refusal.
 */
export async function generateHearingBundle(actor: Actor | null, input: { detentionId: string; lang: string | null }, now = new Date()): Promise<BundleResult> {
  if (!actor) return { ok: false, reason: "NOT_FOUND" };
  const parsed = bundleRequestSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "lang");
    // An id that is not one is a case that does not exist; a language we do not write is the caller's to fix.
    return field === "detentionId" ? { ok: false, reason: "NOT_FOUND" } : { ok: false, reason: "INVALID", field };
  }
  const model = await loadHearingBundle(actor, parsed.data, now);
  if (!model) return { ok: false, reason: "NOT_FOUND" };
  const document = bundleDocument(model, bundleLabels(model.locale));
  const pdf = await renderBundlePdf(document, await bundleFonts(), { language: model.locale === "fr" ? "fr-CA" : "en-CA" });
  await recordBundleGenerated(actor, parsed.data.detentionId, { planVersion: model.plan.version, language: model.locale });
  return { ok: true, pdf, fileName: bundleFileName(model) };
}
