"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";

type Result = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * A server action bound to a form that keeps what the user typed when the server refuses it.
 * React resets a form after its `action` runs; submitting through onSubmit avoids that, and the form
 * is cleared only on success. Without JavaScript the `action` still posts the form.
 */
export function useFormAction(action: (previous: Result | null, formData: FormData) => Promise<Result>, options: { resetOnSuccess?: boolean } = {}) {
  const [result, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? true;
  useEffect(() => {
    if (result?.ok && resetOnSuccess) formRef.current?.reset();
  }, [result, resetOnSuccess]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return { result, errors, pending, formProps: { ref: formRef, action: dispatch, onSubmit } };
}
