import { getTranslations } from "next-intl/server";
import { listName } from "@/lib/format";
import type { CaseFamilyMembers } from "@/lib/families/case-queries";
import { CaseReference } from "@/components/case/case-reference";
import { LinkFamilyForm, UnlinkFamilyForm } from "@/components/families/family-forms";

/** The other cases of the family group that the viewer may open; the case team links and unlinks here. */
export async function FamilyMembersSection({ detentionId, slice }: { detentionId: string; slice: CaseFamilyMembers }) {
  const t = await getTranslations("families");
  const tStatus = await getTranslations("detentionStatus");
  return (
    <div>
      <p className="mb-2 text-slate-700">{t("membersIntro")}</p>
      {slice.members.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noMembers")}</p>
      ) : (
        <div tabIndex={0} className="table-scroll rounded border border-slate-300">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.reference")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.status")}</th>
                {slice.mayLink && <th scope="col" className="px-3 py-2 text-left font-semibold">{t("columns.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {slice.members.map((member) => (
                <tr key={member.detentionId} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium"><CaseReference reference={member.reference} href={`/cases/${member.detentionId}`} /></th>
                  <td className="px-3 py-2">{listName(member)}</td>
                  <td className="px-3 py-2">{tStatus(member.status)}</td>
                  {slice.mayLink && <td className="px-3 py-2"><UnlinkFamilyForm detentionId={detentionId} member={member} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {slice.mayLink && <LinkFamilyForm detentionId={detentionId} />}
    </div>
  );
}
