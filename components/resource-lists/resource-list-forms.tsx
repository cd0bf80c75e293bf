"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import {
  addResourceItemAction,
  createResourceListAction,
  moveResourceItemAction,
  removeResourceItemAction,
  restoreResourceListAction,
  retireResourceListAction,
  updateResourceItemAction,
  updateResourceListAction,
} from "@/lib/resource-lists/actions";
import { RESOURCE_LIST_SHARINGS, RESOURCE_LIST_TOPICS } from "@/lib/resource-lists/rules";
import type { ResourceListSharing, ResourceListTopic } from "@/lib/generated/prisma/enums";
import { FieldError, FormFeedback } from "@/components/ui/form-feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { buttonClass, fieldProps, inputClass, secondaryButtonClass } from "@/components/providers/field-props";

type Option = { id: string; name: string };
type ListValues = { id: string; version: number; name: string; description: string | null; topic: ResourceListTopic; sharing: ResourceListSharing; sharedOffices: Option[] };

/** Starts a list, or edits one (name, description, purpose and who else reads it). */
export function ResourceListForm({ list, offices }: { list?: ListValues; offices: Option[] }) {
  const t = useTranslations("resourceLists");
  const { result, errors, pending, formProps } = useFormAction(list ? updateResourceListAction : createResourceListAction, { resetOnSuccess: !list });
  const prefix = list ? `list-${list.id}` : "new-list";
  const field = (name: string) => ({ ...fieldProps(prefix, errors, name), className: inputClass });
  const shared = new Set((list?.sharedOffices ?? []).map((office) => office.id));
  return (
    <form {...formProps} className="rounded border border-slate-300 bg-white p-4" noValidate aria-label={list ? t("editListNamed", { list: list.name }) : t("newList")}>
      <FormFeedback result={result} idPrefix={prefix} />
      {list && (
        <>
          <input type="hidden" name="listId" value={list.id} />
          <input type="hidden" name="version" value={list.version} />
        </>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-name`} className="mb-1 block text-sm font-medium">{t("listName")}</label>
          <input {...field("name")} defaultValue={list?.name ?? ""} />
          <FieldError id={`${prefix}-name-error`} message={errors.name} />
        </div>
        <div>
          <label htmlFor={`${prefix}-topic`} className="mb-1 block text-sm font-medium">{t("topic")}</label>
          <select {...field("topic")} defaultValue={list?.topic ?? "GENERAL"}>
            {RESOURCE_LIST_TOPICS.map((topic) => <option key={topic} value={topic}>{t(`topics.${topic}`)}</option>)}
          </select>
          <FieldError id={`${prefix}-topic-error`} message={errors.topic} />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={`${prefix}-description`} className="mb-1 block text-sm font-medium">{t("description")}</label>
          <textarea {...field("description")} rows={2} defaultValue={list?.description ?? ""} />
          <FieldError id={`${prefix}-description-error`} message={errors.description} />
        </div>
        <fieldset className="md:col-span-2" aria-describedby={errors.sharing ? `${prefix}-sharing-error` : undefined}>
          <legend id={`${prefix}-sharing`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("sharing")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {RESOURCE_LIST_SHARINGS.map((sharing) => (
              <label key={sharing} className="flex items-center gap-1 text-sm">
                <input type="radio" name="sharing" value={sharing} defaultChecked={(list?.sharing ?? "OFFICE") === sharing} />
                {t(`sharings.${sharing}`)}
              </label>
            ))}
          </div>
          <FieldError id={`${prefix}-sharing-error`} message={errors.sharing} />
        </fieldset>
        {offices.length > 0 && (
          <fieldset className="md:col-span-2" aria-describedby={[errors.sharedOfficeIds ? `${prefix}-sharedOfficeIds-error` : null, `${prefix}-sharedOfficeIds-hint`].filter(Boolean).join(" ")}>
            <legend id={`${prefix}-sharedOfficeIds`} tabIndex={-1} className="mb-1 text-sm font-medium">{t("sharedOffices")}</legend>
            <p id={`${prefix}-sharedOfficeIds-hint`} className="mb-1 text-sm text-slate-600">{t("sharedOfficesHint")}</p>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {offices.map((office) => (
                <label key={office.id} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name="sharedOfficeIds" value={office.id} defaultChecked={shared.has(office.id)} />
                  {office.name}
                </label>
              ))}
            </div>
            <FieldError id={`${prefix}-sharedOfficeIds-error`} message={errors.sharedOfficeIds} />
          </fieldset>
        )}
      </div>
      <button type="submit" disabled={pending} className={`mt-3 ${buttonClass}`}>{list ? t("saveList") : t("createList")}</button>
    </form>
  );
}

/** Retiring: the list stays in the history, but no case offers it any more. */
export function RetireListForm({ list }: { list: { id: string; version: number; name: string } }) {
  const t = useTranslations("resourceLists");
  const { result, pending, formProps } = useFormAction(retireResourceListAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="listId" value={list.id} />
      <input type="hidden" name="version" value={list.version} />
      <ConfirmSubmit disabled={pending} className={secondaryButtonClass} title={t("confirmRetire.title", { list: list.name })} consequence={t("confirmRetire.consequence")} confirmLabel={t("confirmRetire.confirm")}>
        {t("retire")}<span className="sr-only"> {list.name}</span>
      </ConfirmSubmit>
      {result && !result.ok && <p role="alert" className="text-sm text-red-800">{result.error}</p>}
    </form>
  );
}

/** Putting a retired list back in use, where it was offered before. */
export function RestoreListForm({ list }: { list: { id: string; version: number; name: string } }) {
  const t = useTranslations("resourceLists");
  const { result, pending, formProps } = useFormAction(restoreResourceListAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="listId" value={list.id} />
      <input type="hidden" name="version" value={list.version} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {t("restore")}<span className="sr-only"> {list.name}</span>
      </button>
      {result && !result.ok && <p role="alert" className="text-sm text-red-800">{result.error}</p>}
    </form>
  );
}

/**
 * Move up / Move down: one button each, named with the option, absent where the option cannot go further. After a
 * move the focus stays on the option's controls (the button pressed, or the other one once it reached an end), and
 * the result is said beside them.
 */
export function MoveItemForm({ item, listVersion, canMoveUp, canMoveDown }: { item: { id: string; name: string }; listVersion: number; canMoveUp: boolean; canMoveDown: boolean }) {
  const t = useTranslations("resourceLists");
  const { result, pending, formProps } = useFormAction(moveResourceItemAction, { resetOnSuccess: false });
  const form = formProps.ref;
  const pressed = useRef<"UP" | "DOWN" | null>(null);
  useEffect(() => {
    if (!result?.ok || !pressed.current) return;
    const buttons = form.current?.querySelectorAll<HTMLButtonElement>("button[name=direction]") ?? [];
    const same = [...buttons].find((button) => button.value === pressed.current);
    (same ?? buttons[0])?.focus();
  }, [result, form, canMoveUp, canMoveDown]);
  if (!canMoveUp && !canMoveDown) return null;
  const button = (direction: "UP" | "DOWN", arrow: string, label: string) => (
    <button
      type="submit"
      name="direction"
      value={direction}
      disabled={pending}
      onClick={() => (pressed.current = direction)}
      className="rounded border border-slate-400 px-1.5 text-sm text-brand-800 hover:bg-slate-100 disabled:opacity-60"
    >
      <span aria-hidden="true">{arrow} </span>
      {label}
      <span className="sr-only"> {item.name}</span>
    </button>
  );
  return (
    <form {...formProps} className="ml-2 inline-flex flex-wrap items-center gap-1">
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={listVersion} />
      {canMoveUp && button("UP", "↑", t("moveUp"))}
      {canMoveDown && button("DOWN", "↓", t("moveDown"))}
      <span role="status" className="text-sm text-green-900">{result?.ok ? result.message : null}</span>
      {result && !result.ok && <p role="alert" className="text-sm text-red-800">{result.error}</p>}
    </form>
  );
}

export function ResourceItemForm({ list, providers }: { list: { id: string; version: number; name: string }; providers: Option[] }) {
  const t = useTranslations("resourceLists");
  const { result, errors, pending, formProps } = useFormAction(addResourceItemAction);
  const prefix = `item-${list.id}`;
  const field = (name: string) => ({ ...fieldProps(prefix, errors, name), className: inputClass });
  return (
    <form {...formProps} className="mt-2 rounded border border-slate-200 p-3" noValidate aria-label={t("addItemTo", { list: list.name })}>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="listId" value={list.id} />
      <input type="hidden" name="version" value={list.version} />
      <div className="grid gap-3 md:grid-cols-3">
        <div>
          <label htmlFor={`${prefix}-providerId`} className="mb-1 block text-sm font-medium">{t("itemProvider")}</label>
          <select {...fieldProps(prefix, errors, "providerId", `${prefix}-providerId-hint`)} className={inputClass} defaultValue="">
            <option value="">{t("noProvider")}</option>
            {providers.map((provider) => <option key={provider.id} value={provider.id}>{provider.name}</option>)}
          </select>
          <p id={`${prefix}-providerId-hint`} className="mt-1 text-sm text-slate-600">{t("itemProviderHint")}</p>
          <FieldError id={`${prefix}-providerId-error`} message={errors.providerId} />
        </div>
        <div>
          <label htmlFor={`${prefix}-name`} className="mb-1 block text-sm font-medium">{t("itemName")}</label>
          <input {...field("name")} />
          <FieldError id={`${prefix}-name-error`} message={errors.name} />
        </div>
        <div>
          <label htmlFor={`${prefix}-notes`} className="mb-1 block text-sm font-medium">{t("itemNotes")}</label>
          <input {...field("notes")} />
          <FieldError id={`${prefix}-notes-error`} message={errors.notes} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-2 ${secondaryButtonClass}`}>{t("addItem")}</button>
    </form>
  );
}

/** An option's wording, edited in place; the list's version guards it. */
export function ResourceItemEditForm({ item, listVersion }: { item: { id: string; name: string; notes: string | null }; listVersion: number }) {
  const t = useTranslations("resourceLists");
  const { result, errors, pending, formProps } = useFormAction(updateResourceItemAction, { resetOnSuccess: false });
  const prefix = `edit-item-${item.id}`;
  const field = (name: string) => ({ ...fieldProps(prefix, errors, name), className: inputClass });
  return (
    <form {...formProps} className="mt-2 rounded border border-slate-200 p-3" noValidate aria-label={t("editItemNamed", { item: item.name })}>
      <FormFeedback result={result} idPrefix={prefix} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={listVersion} />
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-name`} className="mb-1 block text-sm font-medium">{t("itemName")}</label>
          <input {...field("name")} defaultValue={item.name} />
          <FieldError id={`${prefix}-name-error`} message={errors.name} />
        </div>
        <div>
          <label htmlFor={`${prefix}-notes`} className="mb-1 block text-sm font-medium">{t("itemNotes")}</label>
          <input {...field("notes")} defaultValue={item.notes ?? ""} />
          <FieldError id={`${prefix}-notes-error`} message={errors.notes} />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`mt-2 ${secondaryButtonClass}`}>{t("saveItem")}</button>
    </form>
  );
}

export function RemoveItemForm({ item, listVersion }: { item: { id: string; name: string }; listVersion: number }) {
  const t = useTranslations("resourceLists");
  const { result, pending, formProps } = useFormAction(removeResourceItemAction, { resetOnSuccess: false });
  return (
    <form {...formProps} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={listVersion} />
      <ConfirmSubmit disabled={pending} className={secondaryButtonClass} title={t("confirmRemove.title", { item: item.name })} consequence={t("confirmRemove.consequence")} confirmLabel={t("confirmRemove.confirm")}>
        {t("removeItem")}<span className="sr-only"> {item.name}</span>
      </ConfirmSubmit>
      {result && !result.ok && <p role="alert" className="text-sm text-red-800">{result.error}</p>}
    </form>
  );
}
