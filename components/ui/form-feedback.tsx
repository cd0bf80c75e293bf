"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

type Result = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

/**
 * The error summary at the top of a form (GOV.UK pattern): focused when it appears, each error a link to its field.
 * Success messages are announced politely.
 */
export function FormFeedback({ result, idPrefix }: { result: Result; idPrefix: string }) {
  const t = useTranslations("form");
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result && !result.ok) summary.current?.focus();
  }, [result]);
  if (!result) return <div role="status" aria-live="polite" className="sr-only" />;
  if (result.ok) {
    return (
      <div role="status" aria-live="polite" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
        {result.message}
      </div>
    );
  }
  const fieldErrors = Object.entries(result.fieldErrors ?? {});
  return (
    <div ref={summary} tabIndex={-1} role="alert" aria-labelledby={`${idPrefix}-error-title`} className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <h2 id={`${idPrefix}-error-title`} className="font-semibold">
        {fieldErrors.length > 0 ? t("errorSummaryTitle") : result.error}
      </h2>
      {fieldErrors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {fieldErrors.map(([field, message]) => (
            <li key={field}>
              <a href={`#${idPrefix}-${field}`} onClick={(event) => focusField(event, `${idPrefix}-${field}`)} className="underline">
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Moves focus to the field a summary link names (GOV.UK pattern). Following a fragment only scrolls in some browsers;
 * a person using a keyboard or a screen reader must land in the field to correct it. Without script the link still
 * scrolls to it.
 */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

/** A field's own error message, referenced by aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {message}
    </p>
  );
}
