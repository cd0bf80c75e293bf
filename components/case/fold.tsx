"use client";

import { useState } from "react";

/**
 * A native <details> whose open state, once the page has loaded, belongs to the reader: the server's choice is only
 * where it starts. A refresh after a save (revalidation) re-renders the page with a new choice, e.g. a section no
 * longer in "what next"; the fold the reader opened stays open.
 */
export function Fold({ defaultOpen, summary, children }: { defaultOpen: boolean; summary: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-case-section="">
      {summary}
      {children}
    </details>
  );
}
