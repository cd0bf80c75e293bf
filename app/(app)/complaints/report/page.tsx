import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { complaintReport } from "@/lib/complaints/queries";
import { policyInForce } from "@/lib/policy/queries";
import { ComplaintsReport } from "@/components/complaints/complaints-report";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints.report");
  return { title: t("title") };
}

/** The office's complaints in numbers, for its supervisors (the query owns the gate). */
export default async function ComplaintReportPage() {
  const actor = await requireActor();
  const report = await complaintReport(actor);
  if (!report) notFound();
  const t = await getTranslations("complaints");
  // The response time in force now (the release-first policy): each complaint keeps the due date set when it was filed.
  const responseDays = (await policyInForce(new Date())).complaintResponseDays;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/complaints" className="underline">{t("back")}</Link></p>
      <ComplaintsReport report={report} responseDays={responseDays} level={1} />
    </>
  );
}
