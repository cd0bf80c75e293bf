"use client";

import { useId, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * A submit button for an irreversible or far-reaching action that first asks, in plain words, what will happen.
 * The question is a native modal <dialog>: the browser traps focus in it, Escape and "Cancel" close it without
 * effect, and focus returns to the button. "Confirm" submits the enclosing form (its own onSubmit, so the
 * form's action and its result messages work as before). Without JavaScript the button submits directly, as any
 * submit button does: the action stays reachable, only the question is lost.
 */
export function ConfirmSubmit({
  children,
  title,
  consequence,
  confirmLabel,
  disabled,
  className,
}: {
  children: React.ReactNode;
  /** The question, e.g. "Withdraw consent for Harbour House?" */
  title: string;
  /** What will happen, in plain words. */
  consequence: string;
  /** The confirming button's words, e.g. "Withdraw consent". */
  confirmLabel: string;
  disabled?: boolean;
  className?: string;
}) {
  const t = useTranslations("confirmDialog");
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="submit"
        disabled={disabled}
        className={className}
        aria-haspopup="dialog"
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {children}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-consequence`} className="max-w-md rounded border border-slate-400 bg-white p-4 shadow-xl backdrop:bg-slate-900/50">
        <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        <p id={`${id}-consequence`} className="mb-4 text-slate-800">
          {consequence}
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded border border-slate-500 px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-100">
            {t("cancel")}
          </button>
          <button type="submit" formNoValidate onClick={() => dialog.current?.close()} className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900">
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
