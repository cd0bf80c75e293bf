"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { usePathname } from "next/navigation";

/**
 * The page's result messages, kept until the next action (issue 15, "no accidents").
 *
 * Each form shows its own result beside it (components/ui/form-feedback.tsx). Two things went wrong with that alone:
 * an old "Plan saved" stayed on screen after a later action elsewhere on the page, and a confirmation vanished with
 * its form when the change removed the form (withdrawing a consent replaces its button with the withdrawal's date).
 * So:
 * - every submission starts a new *action*: a form shows its result only while its submission is the latest action
 *   on the page, and any later submission (of any form) clears it;
 * - every success message is reported here, and when the form that sent it is gone, the shell's status region (at
 *   the top of the main landmark) shows it, focused and announced, until the next action or another page.
 */
type Success = { message: string; action: number; formId: string; pathname: string };

type ActionStatus = {
  /** Starts an action: returns its number. Earlier actions' results are no longer shown. */
  begin: () => number;
  /** The latest action's number. */
  latest: number;
  /** A form's successful result. */
  report: (success: Success) => void;
  /** A form is on the page: returns what to call when it leaves. */
  register: (formId: string) => () => void;
};

const ActionStatusContext = createContext<ActionStatus | null>(null);

export function ActionStatusProvider({ children }: { children: React.ReactNode }) {
  const [latest, setLatest] = useState(0);
  const counter = useRef(0);
  const [success, setSuccess] = useState<Success | null>(null);
  // The forms that left the page since the latest action began (a success reported by one of them has no form to
  // show it). Reported and left may come in either order: the call returns around the render that removes the form.
  const [departed, setDeparted] = useState<ReadonlySet<string>>(new Set());

  const begin = useCallback(() => {
    counter.current += 1;
    setLatest(counter.current);
    setDeparted(new Set());
    return counter.current;
  }, []);
  const report = useCallback((reported: Success) => {
    if (reported.action === counter.current) setSuccess(reported);
  }, []);
  const register = useCallback((formId: string) => {
    return () => setDeparted((forms) => new Set(forms).add(formId));
  }, []);
  const value = useMemo(() => ({ begin, latest, report, register }), [begin, latest, report, register]);

  const orphaned = success && success.action === latest && departed.has(success.formId) ? success : null;
  return (
    <ActionStatusContext.Provider value={value}>
      <OrphanedStatus success={orphaned} />
      {children}
    </ActionStatusContext.Provider>
  );
}

/**
 * The shell's status region. It is always in the page (a live region must exist before its text changes to be
 * announced); when a message arrives it takes focus, since the control the user was on has gone.
 */
function OrphanedStatus({ success }: { success: Success | null }) {
  const pathname = usePathname();
  const shown = success && success.pathname === pathname ? success : null;
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) region.current?.focus();
  }, [shown]);
  return (
    <div ref={region} tabIndex={-1} role="status" aria-live="polite" className={shown ? "mb-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900" : "sr-only"}>
      {shown?.message}
    </div>
  );
}

/**
 * A form's side of the page's action status. Outside the provider (a page without the signed-in shell, such as the
 * sign-in page) every result is shown and nothing is reported.
 */
export function useActionStatus(): ActionStatus {
  return useContext(ActionStatusContext) ?? STANDALONE;
}

const STANDALONE: ActionStatus = { begin: () => 0, latest: 0, report: () => undefined, register: () => () => undefined };
