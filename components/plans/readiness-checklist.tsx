import { getTranslations } from "next-intl/server";
import type { Readiness } from "@/lib/release-plans/rules";

/**
 * The plan's readiness checklist (computed from the database, never stored). Each item's state is
 * written out in words, never shown by colour or icon alone.
 */
export async function ReadinessChecklist({ readiness, headingLevel = 3, id }: { readiness: Readiness; headingLevel?: 2 | 3; id: string }) {
  const t = await getTranslations("planReadiness");
  const labels = await getTranslations("planLabels");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div aria-labelledby={`${id}-title`} role="group">
      <Heading id={`${id}-title`} className="font-semibold">
        {t("title")}
      </Heading>
      <p className={readiness.ready ? "font-semibold text-green-900" : "font-semibold text-amber-900"}>
        {t("summary", { met: readiness.metCount, required: readiness.requiredCount })}. {readiness.ready ? t("ready") : t("notReady")}
      </p>
      <ul className="mt-1 space-y-1">
        {readiness.items.map((item) => {
          const state = !item.required ? t("notRequired") : item.met ? t("met") : t("missing");
          return (
            <li key={item.key} className={!item.required ? "text-slate-600" : item.met ? "text-green-900" : "text-red-900"}>
              <span aria-hidden="true" className="mr-1 inline-block w-4 font-bold">
                {!item.required ? "–" : item.met ? "✓" : "✗"}
              </span>
              <span className="font-medium">{state}:</span> {labels(`readiness.${item.key}`)}
              {item.required && !item.met && item.missingGrounds && item.missingGrounds.length > 0 && item.key === "MITIGATION_PER_GROUND" && (
                <span className="block pl-5 text-sm">{t("missingGrounds", { grounds: item.missingGrounds.map((ground) => labels(`ground.${ground}`)).join("; ") })}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A version's changed field names in the reader's language ("mitigations.UNLIKELY_TO_APPEAR" → "mitigation: Unlikely to appear"). */
export function describeChanges(changes: readonly string[], labels: (key: string, values?: Record<string, string>) => string, has: (key: string) => boolean): string {
  return changes
    .map((change) => {
      if (change.startsWith("mitigations.")) {
        const ground = change.slice("mitigations.".length);
        return labels("change.mitigations", { ground: has(`ground.${ground}`) ? labels(`ground.${ground}`) : ground });
      }
      return has(`change.${change}`) ? labels(`change.${change}`) : labels("change.other");
    })
    .join(", ");
}
