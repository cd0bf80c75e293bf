import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { matchProvidersForCase } from "@/lib/providers/queries";
import { MatchReasons } from "@/components/providers/match-reasons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("providerMatching");
  return { title: t("title") };
}

export default async function FindProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const result = await matchProvidersForCase(actor, id);
  if (!result) notFound();
  const t = await getTranslations("providerMatching");
  const tProviders = await getTranslations("providers");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${result.detentionId}`} className="underline">{t("backToCase", { reference: result.reference })}</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("heading", { reference: result.reference })}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <ol className="space-y-3" aria-label={t("listLabel")}>
        {result.matches.map((match, index) => (
          <li key={match.provider.id} className="rounded border border-slate-300 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">
                <span className="text-slate-600">{t("rank", { rank: index + 1 })} </span>
                <Link href={`/providers/${match.provider.id}`} className="text-brand-800 underline">{match.provider.name}</Link>
              </h2>
              <span className="text-sm text-slate-700">{tProviders(`kinds.${match.provider.kind}`)}</span>
            </div>
            <MatchReasons reasons={match.reasons} />
            <p className="mt-2">
              <Link href={`/cases/${result.detentionId}/referrals/new?provider=${match.provider.id}`} className="font-semibold text-brand-800 underline">
                {t("refer", { provider: match.provider.name })}
              </Link>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
