/** The frame of a case page section: a titled region the page's section navigation links to by id. */
export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-6 scroll-mt-4 rounded border border-slate-300 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One fact of the case at a glance: a term and its value. */
export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-1.5 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-3">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
