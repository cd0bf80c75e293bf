import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { documentFormOptionsForCaseFile, visibleCaseDocuments } from "@/lib/documents/queries";
import type { CaseFile } from "@/lib/case-file/queries";
import { AtdMeasure, DetentionGround } from "@/lib/generated/prisma/enums";
import { DocumentTable } from "@/components/documents/document-table";
import { DocumentUploadForm } from "@/components/case/document-upload-form";

/**
 * The documents on the case the viewer may see, and (collapsed) the form to add one. This section loads its own
 * slice: the documents are a read of their own (visibleCaseDocuments), never part of the case file's one query, so
 * no document's bytes or metadata reach a viewer outside lib/authz/documents.ts's rule.
 */
export async function DocumentsSection({ actor, caseFile, zone }: { actor: Actor; caseFile: CaseFile; zone: string }) {
  const detentionId = caseFile.id;
  const t = await getTranslations("documents");
  const tEnums = await getTranslations("caseEnums");
  const tPlan = await getTranslations("planLabels");
  const [documents, options] = await Promise.all([visibleCaseDocuments(actor, detentionId), documentFormOptionsForCaseFile(actor, caseFile)]);
  const labels = {
    grounds: Object.fromEntries(Object.values(DetentionGround).map((ground) => [ground, tEnums(`ground.${ground}`)])) as Record<DetentionGround, string>,
    measures: Object.fromEntries(Object.values(AtdMeasure).map((measure) => [measure, tPlan(`measure.${measure}`)])) as Record<AtdMeasure, string>,
  };
  return (
    <>
      <p className="mb-2 text-slate-700">{t("intro")}</p>
      <DocumentTable documents={documents} zone={zone} removable={options !== null} />
      {options && (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-800 underline">{t("form.legend")}</summary>
          <DocumentUploadForm detentionId={detentionId} options={options} labels={labels} counsel={actor.role === "COUNSEL"} />
        </details>
      )}
    </>
  );
}
