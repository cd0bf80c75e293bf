import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getOutsideReferralForm } from "@/lib/outside-referrals/queries";
import { OutsideReferralForm } from "@/components/outside-referrals/outside-referral-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outsideReferrals");
  return { title: t("title") };
}

/** Refer the person to a program outside Liaison: the CLO's office only (the query owns the gate). */
export default withClientMessages(["form", "outsideReferrals", "referralConsent", "referralPacket"], async function OutsideReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const view = await getOutsideReferralForm(actor, id);
  if (!view) notFound();
  const t = await getTranslations("outsideReferrals");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${view.detentionId}`} className="underline">{t("backToCase", { reference: view.reference })}</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{t("heading", { person: view.personName })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <OutsideReferralForm detentionId={view.detentionId} providers={view.providers} />
    </>
  );
});
