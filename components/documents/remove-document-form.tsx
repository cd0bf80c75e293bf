"use client";

import { useTranslations } from "next-intl";
import { removeDocumentAction } from "@/lib/documents/actions";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/** Removes a document of the viewer's own organisation (the domain function checks that again). */
export function RemoveDocumentForm({ detentionId, documentId, fileName }: { detentionId: string; documentId: string; fileName: string }) {
  const t = useTranslations("documents");
  const { result, pending, formProps } = useFormAction(removeDocumentAction, { resetOnSuccess: false });
  return (
    <form {...formProps} noValidate>
      {result && !result.ok && <FormFeedback result={result} idPrefix={`remove-${documentId}`} />}
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="documentId" value={documentId} />
      {/* The only control: where the summary's link for the (hidden) document leads. */}
      <button id={`remove-${documentId}-documentId`} type="submit" disabled={pending} aria-label={t("removeLabel", { name: fileName })} className="text-red-800 underline disabled:opacity-60">
        {t("remove")}
      </button>
    </form>
  );
}
