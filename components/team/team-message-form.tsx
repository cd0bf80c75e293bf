"use client";

import { useTranslations } from "next-intl";
import type { TeamComposer } from "@/lib/team/queries";
import { postTeamMessageAction } from "@/lib/team/actions";
import { TEAM_MESSAGE_MAX } from "@/lib/team/schema";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClass, fieldProps, inputClass } from "@/components/providers/field-props";

/**
 * Writes to the case team. The audience offered is only what this author may choose (lib/team/rules.ts); the office
 * is always in it and says so. The token is new with each render from the server: the same form sent twice posts
 * once. The form stays mounted after sending, so its confirmation survives the thread re-rendering.
 */
export function TeamMessageForm({ composer }: { composer: TeamComposer }) {
  const t = useTranslations("caseTeam");
  const { result, errors, pending, formProps } = useFormAction(postTeamMessageAction);
  const prefix = "team";
  const offersChoice = composer.counsel !== null || composer.providers.length > 0;
  return (
    <form {...formProps} noValidate className="mt-4 rounded border border-slate-300 p-3">
      <FormFeedback result={result} idPrefix={prefix} />
      {"detentionId" in composer.target ? (
        <input type="hidden" name="detentionId" value={composer.target.detentionId} />
      ) : (
        <input type="hidden" name="referralId" value={composer.target.referralId} />
      )}
      <input type="hidden" name="token" value={composer.token} />
      <label htmlFor={`${prefix}-body`} className="mb-1 block text-sm font-medium">
        {t("body")}
      </label>
      <p id={`${prefix}-body-hint`} className="mb-1 text-sm text-slate-700">
        {t(`bodyHint.${composer.side}`, { max: TEAM_MESSAGE_MAX })}
      </p>
      <textarea {...fieldProps(prefix, errors, "body", `${prefix}-body-hint`)} rows={4} maxLength={TEAM_MESSAGE_MAX} className={inputClass} />
      <FieldError id={`${prefix}-body-error`} message={errors.body} />

      <fieldset id={`${prefix}-audience`} className="mt-3" aria-describedby={errors.counsel || errors.providers ? `${prefix}-audience-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("audience")}</legend>
        <p className="text-sm text-slate-700">{t("alwaysOffice", { office: composer.officeName })}</p>
        {composer.side !== "OFFICE" && <p className="text-sm text-slate-700">{t("alwaysOwn")}</p>}
        {composer.counsel && (
          <div className="mt-1 flex items-start gap-2">
            <input id={`${prefix}-counsel`} type="checkbox" name="counsel" className="mt-1 h-4 w-4" />
            <label htmlFor={`${prefix}-counsel`}>{t("counselOption", { organization: composer.counsel.organizationName })}</label>
          </div>
        )}
        {composer.providers.map((provider, index) => (
          <div key={provider.organizationId} className="mt-1 flex items-start gap-2">
            <input id={index === 0 ? `${prefix}-providers` : `${prefix}-providers-${index}`} type="checkbox" name="providers" value={provider.organizationId} className="mt-1 h-4 w-4" />
            <label htmlFor={index === 0 ? `${prefix}-providers` : `${prefix}-providers-${index}`}>{t("providerOption", { organization: provider.name })}</label>
          </div>
        ))}
        {composer.providers.length > 1 && <p className="mt-1 text-sm text-slate-700">{t("providersApart")}</p>}
        {!offersChoice && <p className="mt-1 text-sm text-slate-700">{t(`noChoice.${composer.side}`)}</p>}
        <FieldError id={`${prefix}-audience-error`} message={errors.counsel ?? errors.providers} />
      </fieldset>

      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>
        {t("send")}
      </button>
    </form>
  );
}
