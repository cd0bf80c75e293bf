import "server-only";
import { db } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { mayGenerateBundle } from "@/lib/authz/plans";
import { bundleLabels } from "@/lib/bundle/layout";
import { plainTemplates } from "@/lib/i18n/plain";
import type { BundleModel } from "@/lib/bundle/model";
import { visibleCaseDocuments, type CaseDocument } from "@/lib/documents/queries";
import { DOCUMENT_TYPE_LABEL, isAllowedDocumentType } from "@/lib/documents/rules";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { BundleRequest } from "@/lib/bundle/schema";

/** Referrals that count as a program's acceptance in the bundle (and for readiness: lib/release-plans/rules.ts). */
const ACCEPTED = ["ACCEPTED", "INTAKE_COMPLETE"] as const;

/**
 * The hearing bundle's model for one case, as the actor may generate it, or null ("not found": no such case, a case
 * the actor may not open, or no plan yet). Gate: mayGenerateBundle (the office's CLOs and supervisors, counsel of
 * record) and detentionScope in the where clause.
 *
 * The select is the bundle's whole content: the assessment is read for each ground's concern only (never the risk
 * opinion), the screening, notes, tasks and review notes are not selected at all, and a referral gives its program
 * and the date it answered, never its packet, messages or any decline. A read: the generation's audit event is
 * recordBundleGenerated (lib/bundle/reading.ts), written once the PDF exists.
 */
export async function loadHearingBundle(actor: Actor, request: BundleRequest, now = new Date()): Promise<BundleModel | null> {
  if (!mayGenerateBundle(actor)) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: request.detentionId }] },
    select: {
      reference: true,
      grounds: true,
      facility: { select: { name: true, timeZone: true } },
      detainee: { select: { givenName: true, familyName: true, clientId: true } },
      assessment: { select: { grounds: { select: { ground: true, concern: true } } } },
      releasePlan: {
        select: {
          version: true,
          status: true,
          updatedAt: true,
          measures: true,
          residenceAddress: true,
          residenceDetails: true,
          proposedConditions: true,
          mitigations: { select: { ground: true, mitigation: true } },
          bondspersons: {
            select: { name: true, relationship: true, amountCents: true, citizenOrPermanentResident: true, residesInCanada: true, noGuaranteeInDefault: true, confirmed: true },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          },
          versions: { select: { changedAt: true }, orderBy: { version: "desc" }, take: 1 },
        },
      },
      referrals: {
        where: { status: { in: [...ACCEPTED] } },
        orderBy: [{ respondedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: { respondedAt: true, provider: { select: { kind: true, services: true, organization: { select: { name: true } } } } },
      },
    },
  });
  if (!detention?.releasePlan) return null;
  const { releasePlan: plan } = detention;
  const concernOf = new Map(detention.assessment?.grounds.map((entry) => [entry.ground, entry.concern]) ?? []);
  const mitigationOf = new Map(plan.mitigations.map((entry) => [entry.ground, entry.mitigation]));
  return {
    locale: request.lang,
    reference: detention.reference,
    person: detention.detainee,
    facility: detention.facility,
    plan: {
      version: plan.version,
      status: plan.status,
      versionAt: plan.versions[0]?.changedAt ?? plan.updatedAt,
      measures: plan.measures,
      residenceAddress: plan.residenceAddress,
      residenceDetails: plan.residenceDetails,
      proposedConditions: plan.proposedConditions,
    },
    grounds: detention.grounds.map((ground) => ({ ground, concern: concernOf.get(ground) ?? null, mitigation: mitigationOf.get(ground) ?? null })),
    bondspersons: plan.bondspersons,
    acceptedReferrals: detention.referrals.map((referral) => ({
      programName: referral.provider.organization.name,
      kind: referral.provider.kind,
      services: referral.provider.services,
      acceptedAt: referral.respondedAt,
    })),
    documents: await sharedDocumentIndex(actor, request),
    generatedAt: now,
  };
}

/**
 * The index of documents: those shared with the case team that the generating actor may read (the same read as the
 * case page's list, lib/documents/queries.ts), oldest first. A document kept to its author's organisation is the
 * organisation's own working file and is never listed, whoever generates the bundle.
 */
async function sharedDocumentIndex(actor: Actor, request: BundleRequest): Promise<NonNullable<BundleModel["documents"]>> {
  const labels = bundleLabels(request.lang);
  // The list's own words for a type ("Word document", « Document Word »).
  const typeNames = plainTemplates((messagesFor(request.lang) as { documents: { types: unknown } }).documents.types, "documents.types");
  const attachedTo = (item: CaseDocument["planItem"]): string | null => {
    if (!item) return null;
    switch (item.kind) {
      case "BONDSPERSON":
        return item.name;
      case "REFERRAL":
        return item.providerName;
      case "MITIGATION":
        return labels.ground[item.ground] ?? item.ground;
      case "MEASURE":
        return labels.measure[item.measure] ?? item.measure;
    }
  };
  const documents = await visibleCaseDocuments(actor, request.detentionId);
  return documents
    .filter((document) => document.sharing === "CASE_TEAM")
    .reverse()
    .map((document) => ({ title: document.fileName, kind: isAllowedDocumentType(document.contentType) ? (typeNames[DOCUMENT_TYPE_LABEL[document.contentType]] ?? document.contentType) : document.contentType, attachedTo: attachedTo(document.planItem), addedAt: document.createdAt }));
}
