"use client";

import { useTranslations } from "next-intl";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";

type Channel = "IN_APP" | "EMAIL" | "DIGEST" | "OFF";
export type PreferenceRow = { kind: string; channel: Channel; defaultChannel: Channel; offered: readonly Channel[]; escalation: boolean };

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const CANADIAN_ZONES = ["America/St_Johns", "America/Halifax", "America/Moncton", "America/Toronto", "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver", "America/Whitehorse"];

/**
 * The user's own notification preferences: a table with one labelled select per kind (an escalation offers no "off"),
 * then the digest's hour and the user's time zone. Kept as typed after saving or a refusal.
 */
export function NotificationPreferencesForm({ version, digestHour, timeZone, rows }: { version: number; digestHour: number; timeZone: string; rows: readonly PreferenceRow[] }) {
  const t = useTranslations("notificationPreferences");
  const { result, errors, pending, formProps } = useFormAction(saveNotificationPreferencesAction, { resetOnSuccess: false });
  const channelLabel = (channel: Channel, fallback: Channel) => (channel === fallback ? t("defaultOption", { channel: t(`channel.${channel}`) }) : t(`channel.${channel}`));
  return (
    <form {...formProps} className="max-w-3xl rounded border border-slate-300 bg-white p-4" noValidate>
      <FormFeedback result={result} idPrefix="preferences" />
      <input type="hidden" name="version" value={version} readOnly />
      {rows.length > 0 ? (
        <div tabIndex={0} className="table-scroll">
          <table className="mb-4 w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("kindHeader")}</th>
                <th scope="col" className="py-2">{t("channelHeader")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const id = `preferences-channel_${row.kind}`;
                const described = [row.escalation ? `${id}-escalation` : null, errors[`channel_${row.kind}`] ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
                return (
                  <tr key={row.kind} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <label htmlFor={id}>{t(`kind.${row.kind}`)}</label>
                      {row.escalation && (
                        <p id={`${id}-escalation`} className="text-xs text-slate-700">
                          {t("escalation")}
                        </p>
                      )}
                    </th>
                    <td className="py-2">
                      <select id={id} name={`channel_${row.kind}`} defaultValue={row.channel} aria-describedby={described} aria-invalid={errors[`channel_${row.kind}`] ? true : undefined} className="rounded border border-slate-500 px-2 py-1">
                        {row.offered.map((channel) => (
                          <option key={channel} value={channel}>
                            {channelLabel(channel, row.defaultChannel)}
                          </option>
                        ))}
                      </select>
                      <FieldError id={`${id}-error`} message={errors[`channel_${row.kind}`]} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mb-4 text-slate-700">{t("none")}</p>
      )}
      <fieldset className="grid gap-3">
        <legend className="mb-2 font-semibold">{t("digestLegend")}</legend>
        <div>
          <label htmlFor="preferences-digestHour" className="mb-1 block text-sm font-medium">{t("digestHour")}</label>
          <select id="preferences-digestHour" name="digestHour" defaultValue={String(digestHour)} aria-invalid={errors.digestHour ? true : undefined} aria-describedby={errors.digestHour ? "preferences-digestHour-error" : undefined} className="rounded border border-slate-500 px-2 py-1">
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {t("hourOption", { hour: String(hour).padStart(2, "0") })}
              </option>
            ))}
          </select>
          <FieldError id="preferences-digestHour-error" message={errors.digestHour} />
        </div>
        <div>
          <label htmlFor="preferences-timeZone" className="mb-1 block text-sm font-medium">{t("timeZone")}</label>
          <p id="preferences-timeZone-hint" className="mb-1 text-sm text-slate-700">{t("timeZoneHint")}</p>
          <input
            id="preferences-timeZone"
            name="timeZone"
            type="text"
            list="preferences-timeZone-list"
            defaultValue={timeZone}
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={["preferences-timeZone-hint", errors.timeZone ? "preferences-timeZone-error" : null].filter(Boolean).join(" ")}
            className="w-full max-w-sm rounded border border-slate-500 px-2 py-1"
          />
          <datalist id="preferences-timeZone-list">
            {CANADIAN_ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <FieldError id="preferences-timeZone-error" message={errors.timeZone} />
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
        {t("submit")}
      </button>
    </form>
  );
}
