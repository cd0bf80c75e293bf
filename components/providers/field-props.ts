/** Props for a form control with an id, name and its error wiring (aria-invalid, aria-describedby). */
export function fieldProps(prefix: string, errors: Record<string, string>, name: string, hintId?: string) {
  const errorId = `${prefix}-${name}-error`;
  const describedBy = [errors[name] ? errorId : null, hintId ?? null].filter(Boolean).join(" ");
  return {
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

export const inputClass = "w-full rounded border border-slate-500 px-2 py-1";
export const buttonClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-60";
