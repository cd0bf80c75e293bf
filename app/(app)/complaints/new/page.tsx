import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { getComplaintForm } from "@/lib/complaints/queries";
import { complaintTargetSchema } from "@/lib/complaints/schema";
import { firstValue } from "@/lib/query-string";
import { ComplaintForm } from "@/components/complaints/complaint-form";
import { withClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("new.title") };
}

/** Filing a complaint, about a case or referral the filer may see (the link on its page) or about the service. */
export default withClientMessages(["complaints", "form"], async function NewComplaintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const target = complaintTargetSchema.parse({ case: firstValue(query.case), referral: firstValue(query.referral) });
  const view = await getComplaintForm(actor, target);
  if (!view) notFound();
  const t = await getTranslations("complaints");
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/complaints" className="underline">{t("back")}</Link></p>
      <h1 className="mb-1 text-2xl font-bold">{t("new.title")}</h1>
      <p className="mb-2 max-w-3xl text-slate-700">
        {view.about.kind === "CASE" ? t("new.aboutCase", { reference: view.about.reference }) : view.about.kind === "REFERRAL" ? t("new.aboutReferral") : t("new.aboutService")}
      </p>
      <p className="mb-4 max-w-3xl text-slate-700">{t("new.intro")}</p>
      <ComplaintForm about={view.about} offices={view.offices} ownOffice={view.ownOffice} />
    </>
  );
});
