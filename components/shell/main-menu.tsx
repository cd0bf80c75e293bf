"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";

export type MenuItem = { href: string; label: string };

/**
 * The item that holds the page shown: the one whose address is the page's or the longest one the page lies under, so
 * that "My organization" (/providers/mine), not "Providers" as well, is current on its page. Its value for
 * aria-current: "page" on the item's own page, "true" on a page under it (a case under the caseload).
 */
function currentItem(pathname: string, items: MenuItem[]): { href: string; current: "page" | "true" } | null {
  let best: { href: string; current: "page" | "true" } | null = null;
  for (const item of items) {
    const current = pathname === item.href ? "page" : pathname.startsWith(`${item.href}/`) ? "true" : null;
    if (current && (!best || item.href.length > best.href.length)) best = { href: item.href, current };
  }
  return best;
}

/**
 * The main menu. On wide screens a row of links; on narrow ones (below Tailwind's md) the links fold behind a button
 * (a disclosure: aria-expanded, aria-controls), which Escape closes, giving focus back to the button, and which
 * closes itself when the page changes. Without JavaScript the button is hidden and the whole list shown
 * (app/globals.css, "scripting: none"). The current page is marked with aria-current and with a bold underline, not by
 * colour alone.
 */
export function MainMenu({ items, label, toggleLabel }: { items: MenuItem[]; label: string; toggleLabel: string }) {
  const pathname = usePathname();
  // The path on which the menu was opened: it is open only there, so navigating closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);
  const here = currentItem(pathname, items);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpenOn(null);
      toggle.current?.focus();
    }
  }

  return (
    <nav aria-label={label} className="bg-brand-700" onKeyDown={onKeyDown}>
      <div className="mx-auto max-w-7xl px-4">
        <button
          ref={toggle}
          type="button"
          className="main-menu-toggle my-2 flex items-center gap-2 rounded border border-white/70 px-3 py-1 text-sm font-medium hover:bg-white/10 md:hidden"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <span aria-hidden="true">{open ? "✕" : "☰"}</span>
          {toggleLabel}
        </button>
        <ul id="main-menu" data-open={open} className="main-menu-list flex flex-col gap-1 pb-2 md:flex-row md:flex-wrap md:pb-0">
          {items.map((item) => {
            const current = here?.href === item.href ? here.current : undefined;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current}
                  className={`block px-3 py-2 text-sm font-medium hover:bg-white/10 ${current ? "bg-white/15 font-bold underline decoration-2 underline-offset-4" : ""}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
