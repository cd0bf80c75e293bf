"use client";

import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";

/**
 * The signed-in user's own controls (who they are, language, notification preferences, password, sign out). On wide
 * screens they sit in the banner's row; on narrow ones (below Tailwind's md) they fold behind one "Account" button,
 * a disclosure like the main menu's (components/shell/main-menu.tsx): aria-expanded and aria-controls, Escape closes
 * it and gives focus back to the button, and a new page closes it. Without JavaScript the button is hidden and the
 * controls are shown (app/globals.css, "scripting: none").
 */
export function AccountMenu({ label, beside, children }: { label: string; beside: React.ReactNode; children: React.ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpenOn(null);
      toggle.current?.focus();
    }
  }

  return (
    <>
      <div className="flex items-center gap-3 text-sm">
        {beside}
        <button
          ref={toggle}
          type="button"
          className="disclosure-toggle flex items-center gap-2 rounded border border-white/70 px-3 py-1 font-medium hover:bg-white/10 md:hidden"
          aria-expanded={open}
          aria-controls="account-menu"
          onClick={() => setOpenOn(open ? null : pathname)}
          onKeyDown={onKeyDown}
        >
          <span aria-hidden="true">{open ? "✕" : "☰"}</span>
          {label}
        </button>
      </div>
      {/* On a phone the controls take a row of their own, under the banner's first row. */}
      <div
        id="account-menu"
        data-open={open}
        onKeyDown={onKeyDown}
        className="disclosure-panel flex w-full flex-col items-start gap-2 text-sm max-md:order-1 md:w-auto md:flex-row md:flex-wrap md:items-center md:gap-3"
      >
        {children}
      </div>
    </>
  );
}
