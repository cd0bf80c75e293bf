import { Fold } from "@/components/case/fold";

/**
 * The frame of a case page section: a titled region the page's section navigation links to by id, folded in a native
 * <details> so the page is a list of headings a reader opens on demand. Native disclosure: it opens and closes from the
 * keyboard and announces its state to screen readers without any script; the one script of the page
 * (SectionOpener) only opens the section a link's fragment names (#case-plan).
 */
export function Section({ id, title, open = true, children }: { id: string; title: string; open?: boolean; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-3 scroll-mt-4 rounded border border-slate-300 bg-white">
      <Fold
        defaultOpen={open}
        summary={
          <summary className="cursor-pointer rounded px-4 py-3 hover:bg-slate-50">
            <h2 id={`${id}-title`} className="inline text-xl font-semibold">
              {title}
            </h2>
          </summary>
        }
      >
        <div className="px-4 pb-4">{children}</div>
      </Fold>
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
