type Status = "UPCOMING" | "DUE_SOON" | "OVERDUE" | "HELD";

const STYLES: Record<Status, string> = {
  OVERDUE: "border-red-800 bg-red-50 text-red-900 font-bold",
  DUE_SOON: "border-amber-700 bg-amber-50 text-amber-950 font-semibold",
  UPCOMING: "border-slate-400 bg-white text-slate-800",
  HELD: "border-green-700 bg-green-50 text-green-900",
};

/** A review's status in words, with an icon and a colour: never colour alone (WCAG 1.4.1). */
export function ReviewStatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-sm ${STYLES[status]}`}>
      <StatusIcon status={status} />
      {label}
    </span>
  );
}

function StatusIcon({ status }: { status: Status }) {
  if (status === "OVERDUE" || status === "DUE_SOON") {
    // A warning triangle: the text beside it carries the meaning.
    return (
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor">
        <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
      </svg>
    );
  }
  if (status === "HELD") {
    return (
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor">
        <path d="M7.5 13.6 3.9 10l-1.4 1.4 5 5 10-10-1.4-1.4-8.6 8.6Z" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="currentColor">
      <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 4v4.4l3 1.8-1 1.6-4-2.4V6h2Z" />
    </svg>
  );
}
