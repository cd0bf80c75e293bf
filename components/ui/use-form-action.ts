"use client";

import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import { usePathname } from "next/navigation";
import { useActionStatus } from "@/components/ui/action-status";

type Result = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * A server action bound to a form that keeps what the user typed when the server refuses it.
 *
 * With JavaScript the form is submitted through onSubmit, which calls the action itself: React's form `action`
 * would reset the form even when the server refused it, and the form is cleared only on success. Without
 * JavaScript the form's `action` (useActionState's) posts the form and the page renders its answer.
 *
 * The result is the page's latest only until the next action (components/ui/action-status.tsx): a submission of any
 * other form hides it. The success message is reported to the shell when the call returns, because the change may
 * remove the form in the very render that would have shown it (withdrawing a consent removes its button); the shell
 * shows it only if the form is gone.
 */
export function useFormAction(action: (previous: Result | null, formData: FormData) => Promise<Result>, options: { resetOnSuccess?: boolean } = {}) {
  const [postedResult, dispatch] = useActionState(action, null);
  const [calledResult, setCalledResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? true;
  const formId = useId();
  const pathname = usePathname();
  const { begin, latest, report, register } = useActionStatus();
  const [submission, setSubmission] = useState(0);

  useEffect(() => register(formId), [register, formId]);

  const result = calledResult ?? postedResult;
  const current = submission === latest ? result : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed is part of the submission (name and value), as in a form posted without script.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter?.getAttribute("name") ? submitter : null);
    const number = begin();
    setSubmission(number);
    startTransition(async () => {
      const answer = await action(null, formData);
      startTransition(() => setCalledResult(answer));
      if (answer.ok) {
        if (resetOnSuccess) formRef.current?.reset();
        if (answer.message) report({ message: answer.message, action: number, formId, pathname });
      }
    });
  };
  const errors = current && !current.ok ? (current.fieldErrors ?? {}) : {};
  return { result: current, errors, pending, formProps: { ref: formRef, action: dispatch, onSubmit } };
}
