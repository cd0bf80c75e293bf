"use client";

import { useTranslations } from "next-intl";
import { recordTransferAction } from "@/lib/transfers/actions";
import type { TransferDestinations } from "@/lib/case-file/queries";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Record a transfer to another facility: the facilities of every office, grouped by office, and the date and time on
 * the clock of the facility the person leaves. The server checks the rest (lib/transfers/rules.ts).
 */
export function TransferForm({ detentionId, version, zone, today, destinations }: { detentionId: string; version: number; zone: string; today: string; destinations: TransferDestinations }) {
  const t = useTranslations("caseTransfer.form");
  const { result, errors, pending, formProps } = useFormAction(recordTransferAction, { resetOnSuccess: true });
  const prefix = "transfer";
  const field = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  return (
    <form {...formProps} noValidate className="mt-2 space-y-3">
      <p className="text-sm text-slate-700">{t("recordIntro", { zone })}</p>
      <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-2 text-sm text-amber-950">{t("handOverWarning")}</p>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="detentionId" value={detentionId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor={`${prefix}-toFacilityId`} className="mb-1 block text-sm font-medium">
          {t("toFacility")}
        </label>
        <select {...field("toFacilityId")} defaultValue="" required className="rounded border border-slate-500 px-2 py-1">
          <option value="" disabled>
            {t("chooseFacility")}
          </option>
          {destinations.map((office) => (
            <optgroup key={office.officeId} label={office.officeName}>
              {office.facilities.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {t("facilityOption", { facility: facility.name, timeZone: facility.timeZone })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError id={`${prefix}-toFacilityId-error`} message={errors.toFacilityId} />
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${prefix}-transferredOn`} className="mb-1 block text-sm font-medium">
            {t("transferredOn")}
          </label>
          <input {...field("transferredOn")} type="date" max={today} required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${prefix}-transferredOn-error`} message={errors.transferredOn} />
        </div>
        <div>
          <label htmlFor={`${prefix}-transferredAtTime`} className="mb-1 block text-sm font-medium">
            {t("transferredAtTime")}
          </label>
          <input {...field("transferredAtTime")} type="time" required className="rounded border border-slate-500 px-2 py-1" />
          <FieldError id={`${prefix}-transferredAtTime-error`} message={errors.transferredAtTime} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {t("submit")}
      </button>
    </form>
  );
}
