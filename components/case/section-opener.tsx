"use client";

import { useEffect } from "react";

/** The folded section (or the folded part of one) an element belongs to, from its id. */
function foldOf(id: string): HTMLDetailsElement | null {
  const target = document.getElementById(id);
  if (!target) return null;
  if (target instanceof HTMLDetailsElement) return target;
  return target.querySelector<HTMLDetailsElement>(":scope > details[data-case-section]") ?? target.closest("details");
}

function openFold(id: string): void {
  const fold = foldOf(id);
  if (!fold) return;
  // Open every fold around the target, innermost first, so a part of a section opens with its section.
  for (let current: HTMLDetailsElement | null = fold; current; current = current.parentElement?.closest("details") ?? null) current.open = true;
}

/**
 * Opens the case page's section a URL fragment names (#case-plan), on load and when the fragment changes: from the
 * section navigation, a notification, My tasks. Without script the section is still there, folded, under its heading.
 */
export function SectionOpener() {
  useEffect(() => {
    const fromHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      openFold(id);
      document.getElementById(id)?.scrollIntoView();
    };
    // A link to the fragment already in the address fires no hashchange: open on the click itself.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href*='#']");
      if (!(link instanceof HTMLAnchorElement)) return;
      const url = new URL(link.href);
      if (url.pathname !== window.location.pathname || !url.hash) return;
      openFold(decodeURIComponent(url.hash.slice(1)));
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", fromHash);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return null;
}
