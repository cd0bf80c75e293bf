import Link from "next/link";

/**
 * A case reference ("TOR-26-0003") shown as one unit: it never wraps at its hyphens, whatever the column's width.
 * With an href it is the link to the case.
 */
export function CaseReference({ reference, href }: { reference: string; href?: string }) {
  if (!href) return <span className="whitespace-nowrap font-mono">{reference}</span>;
  return (
    <Link href={href} className="whitespace-nowrap font-mono text-brand-800 underline">
      {reference}
    </Link>
  );
}
