"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { MAX_DOCUMENT_BYTES, planItemValue } from "@/lib/documents/rules";
import type { DocumentFormOptions } from "@/lib/documents/queries";
import type { AtdMeasure, DetentionGround } from "@/lib/generated/prisma/enums";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useActionStatus } from "@/components/ui/action-status";

type Result = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Adds a document to the case. Files go to the upload route (/api/document-uploads), not a server action: server
 * actions are capped at 1 MB, a document at 20 MB. The server detects the type from the bytes; the `accept` list
 * only helps the file picker. Counsel's documents stay in their organisation unless shared with the case team, and
 * only the office shares with providers (each within the person's consent).
 */
export function DocumentUploadForm({
  detentionId,
  options,
  labels,
  counsel,
}: {
  detentionId: string;
  options: DocumentFormOptions;
  labels: { grounds: Record<DetentionGround, string>; measures: Record<AtdMeasure, string> };
  counsel: boolean;
}) {
  const t = useTranslations("documents");
  const tValidation = useTranslations("documentValidation");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const prefix = "document";
  // An upload is an action of the page like any form's (components/ui/action-status.tsx): earlier results give way.
  const { begin } = useActionStatus();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    begin();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    // A quick answer before sending 20 MB for nothing; the server checks again.
    if (file instanceof File && file.size > MAX_DOCUMENT_BYTES) {
      setResult({ ok: false, error: t("errors.tooLarge"), fieldErrors: { file: tValidation("fileTooLarge") } });
      return;
    }
    setPending(true);
    try {
      const response = await fetch("/api/document-uploads", { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await response.json().catch(() => null)) as Result | null;
      setResult(answer ?? { ok: false, error: t("errors.unexpected") });
      if (answer?.ok) {
        form.current?.reset();
        router.refresh();
      }
    } catch {
      setResult({ ok: false, error: t("errors.unexpected") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate encType="multipart/form-data" className="mt-4 rounded border border-slate-300 p-3">
      <FormFeedback result={result} idPrefix={prefix} />
      <fieldset>
        <legend className="mb-2 font-semibold">{t("form.fieldset")}</legend>
        <input type="hidden" name="detentionId" value={detentionId} />

        <label htmlFor={`${prefix}-file`} className="mb-1 block text-sm font-medium">
          {t("form.file")}
        </label>
        <p id={`${prefix}-file-hint`} className="mb-1 text-sm text-slate-700">
          {t("form.fileHint")}
        </p>
        <input
          id={`${prefix}-file`}
          name="file"
          type="file"
          required
          accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={`${prefix}-file-hint${errors.file ? ` ${prefix}-file-error` : ""}`}
          className="block w-full text-sm"
        />
        <FieldError id={`${prefix}-file-error`} message={errors.file} />

        {/* The error summary's link for "sharing" moves focus here (a group has no single input to focus). */}
        <fieldset id={`${prefix}-sharing`} tabIndex={-1} className="mt-3" aria-describedby={[counsel ? `${prefix}-sharing-hint` : null, errors.sharing ? `${prefix}-sharing-error` : null].filter(Boolean).join(" ") || undefined}>
          <legend className="mb-1 text-sm font-medium">{t("form.sharing")}</legend>
          {counsel && (
            <p id={`${prefix}-sharing-hint`} className="mb-1 text-sm text-slate-700">
              {t("form.counselHint")}
            </p>
          )}
          {(["OWN_ORGANISATION", "CASE_TEAM"] as const).map((sharing) => (
            <div key={sharing} className="flex items-center gap-2">
              <input id={`${prefix}-sharing-${sharing}`} type="radio" name="sharing" value={sharing} defaultChecked={sharing === "OWN_ORGANISATION"} className="h-4 w-4" />
              <label htmlFor={`${prefix}-sharing-${sharing}`}>{t(`sharing.${sharing}`)}</label>
            </div>
          ))}
          <FieldError id={`${prefix}-sharing-error`} message={errors.sharing} />
        </fieldset>

        {!counsel && (
          <fieldset id={`${prefix}-providers`} className="mt-3" tabIndex={-1}>
            <legend className="mb-1 text-sm font-medium">{t("form.providers")}</legend>
            {options.providers.length === 0 ? (
              <p className="text-sm text-slate-700">{t("form.noProviders")}</p>
            ) : (
              options.providers.map((provider) => (
                <div key={provider.organizationId} className="flex items-center gap-2">
                  <input id={`${prefix}-provider-${provider.organizationId}`} type="checkbox" name="providers" value={provider.organizationId} className="h-4 w-4" />
                  <label htmlFor={`${prefix}-provider-${provider.organizationId}`}>{provider.name}</label>
                </div>
              ))
            )}
            <FieldError id={`${prefix}-providers-error`} message={errors.providers} />
          </fieldset>
        )}

        <label htmlFor={`${prefix}-planItem`} className="mt-3 mb-1 block text-sm font-medium">
          {t("form.planItem")}
        </label>
        <select
          id={`${prefix}-planItem`}
          name="planItem"
          defaultValue=""
          aria-invalid={errors.planItem ? true : undefined}
          aria-describedby={errors.planItem ? `${prefix}-planItem-error` : undefined}
          className="rounded border border-slate-500 px-2 py-1"
        >
          <option value="">{t("planItem.none")}</option>
          {options.bondspersons.map((bondsperson) => (
            <option key={bondsperson.id} value={planItemValue("BONDSPERSON", bondsperson.id)}>
              {t("planItem.BONDSPERSON", { name: bondsperson.name })}
            </option>
          ))}
          {options.referrals.map((referral) => (
            <option key={referral.id} value={planItemValue("REFERRAL", referral.id)}>
              {t("planItem.REFERRAL", { provider: referral.providerName })}
            </option>
          ))}
          {options.grounds.map((ground) => (
            <option key={ground} value={planItemValue("MITIGATION", ground)}>
              {t("planItem.MITIGATION", { ground: labels.grounds[ground] })}
            </option>
          ))}
          {options.measures.map((measure) => (
            <option key={measure} value={planItemValue("MEASURE", measure)}>
              {t("planItem.MEASURE", { measure: labels.measures[measure] })}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-planItem-error`} message={errors.planItem} />

        <div>
          <button type="submit" disabled={pending} className="mt-3 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t("form.sending") : t("form.submit")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
