import "server-only";
import { db } from "@/lib/db";
import { detentionScope, type Actor } from "@/lib/authz";
import { documentReadScope, mayShareWithProviders, mayUploadDocuments, providerConsentInForce } from "@/lib/authz/documents";
import { referralAccessScope } from "@/lib/authz/referrals";
import type { AtdMeasure, DetentionGround, DocumentSharing } from "@/lib/generated/prisma/enums";
import type { DocumentShareWhereInput, ReferralWhereInput } from "@/lib/generated/prisma/models";
import type { CaseFile } from "@/lib/case-file/queries";

/** A document as a list shows it: never its bytes (they are in another table, or another store). */
export type CaseDocument = {
  id: string;
  detentionId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  sharing: DocumentSharing;
  createdAt: Date;
  author: { name: string; organizationName: string };
  /** Whether the viewer's organisation owns it (and so may remove it). */
  ownOrganisation: boolean;
  /** The providers it is shared with that the viewer may know of: all of them for the CBSA office; a provider only itself; counsel none. */
  sharedWithProviders: string[];
  planItem:
    | { kind: "BONDSPERSON"; name: string }
    | { kind: "REFERRAL"; providerName: string }
    | { kind: "MITIGATION"; ground: DetentionGround }
    | { kind: "MEASURE"; measure: AtdMeasure }
    | null;
};

/**
 * The providers named on a document that the viewer may learn of. The office chose them; a provider learns only of
 * itself; counsel sees no referral, so no provider a document was shared with (that would reveal the referral).
 */
function visibleShareScope(actor: Actor): DocumentShareWhereInput {
  if (mayShareWithProviders(actor)) return {};
  if (actor.role === "NGO_CASEWORKER") return { organizationId: actor.organizationId };
  return { organizationId: { in: [] } };
}

/** Referrals whose provider a viewer may learn of through a document's plan item (the same rule as the referral itself). */
function visibleReferralScope(actor: Actor): ReferralWhereInput {
  return referralAccessScope(actor);
}

/**
 * The documents a viewer may see on one case, newest first: the reusable read (the case page, the referral page, the
 * hearing bundle's index of CASE_TEAM documents). Everything is decided in the where clause (documentReadScope), so
 * a case the viewer may not open, or a document not shared with them, is simply absent.
 */
export async function visibleCaseDocuments(actor: Actor, detentionId: string): Promise<CaseDocument[]> {
  const referralScope = visibleReferralScope(actor);
  const rows = await db().document.findMany({
    where: { AND: [documentReadScope(actor), { detentionId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      detentionId: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      sharing: true,
      createdAt: true,
      authorOrgId: true,
      author: { select: { name: true } },
      authorOrg: { select: { name: true } },
      shares: { where: visibleShareScope(actor), select: { organization: { select: { name: true } } } },
      bondsperson: { select: { name: true } },
      referralId: true,
      mitigationGround: true,
      measure: true,
    },
  });
  // A referral's provider is named only to those who may see that referral.
  const referralIds = [...new Set(rows.flatMap((row) => (row.referralId ? [row.referralId] : [])))];
  const referrals = referralIds.length
    ? await db().referral.findMany({ where: { AND: [referralScope, { id: { in: referralIds } }] }, select: { id: true, provider: { select: { organization: { select: { name: true } } } } } })
    : [];
  const providerOfReferral = new Map(referrals.map((referral) => [referral.id, referral.provider.organization.name]));
  return rows.map((row) => ({
    id: row.id,
    detentionId: row.detentionId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    sharing: row.sharing,
    createdAt: row.createdAt,
    author: { name: row.author.name, organizationName: row.authorOrg.name },
    ownOrganisation: row.authorOrgId === actor.organizationId,
    sharedWithProviders: row.shares.map((share) => share.organization.name).sort(),
    planItem: row.bondsperson
      ? { kind: "BONDSPERSON", name: row.bondsperson.name }
      : row.referralId && providerOfReferral.has(row.referralId)
        ? { kind: "REFERRAL", providerName: providerOfReferral.get(row.referralId)! }
        : row.mitigationGround
          ? { kind: "MITIGATION", ground: row.mitigationGround }
          : row.measure
            ? { kind: "MEASURE", measure: row.measure }
            : null,
  }));
}

/** The documents shared with a provider on one of its referrals (the referral page), under the referral's own access. */
export async function referralDocuments(actor: Actor, referralId: string): Promise<CaseDocument[]> {
  const referral = await db().referral.findFirst({ where: { AND: [referralAccessScope(actor), { id: referralId }] }, select: { detentionId: true } });
  return referral ? visibleCaseDocuments(actor, referral.detentionId) : [];
}

/** What the upload form offers: the plan items to attach to and the providers the document may be shared with. */
export type DocumentFormOptions = {
  bondspersons: { id: string; name: string }[];
  referrals: { id: string; providerName: string }[];
  grounds: DetentionGround[];
  measures: AtdMeasure[];
  /** Provider organisations with a referral on this case and the person's consent in force covering the plan. */
  providers: { organizationId: string; name: string }[];
};

/** The upload form's options for a case, or null when the viewer may not add documents to it. */
export async function documentFormOptions(actor: Actor, detentionId: string): Promise<DocumentFormOptions | null> {
  if (!mayUploadDocuments(actor)) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: {
      grounds: true,
      detaineeId: true,
      releasePlan: { select: { measures: true, bondspersons: { select: { id: true, name: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!detention) return null;
  const shareable = mayShareWithProviders(actor) ? await shareableProviders(actor, detentionId, detention.detaineeId) : { referrals: [], providers: [] };
  return {
    bondspersons: detention.releasePlan?.bondspersons ?? [],
    referrals: shareable.referrals,
    grounds: detention.grounds,
    measures: detention.releasePlan?.measures ?? [],
    providers: shareable.providers,
  };
}

/**
 * The same options for the case page, from the case file getCaseFile read for this actor under detentionScope (as
 * recordCaseFileOpened takes it): its grounds, person and plan stand for a second read of the detention. Whoever may
 * upload may read the plan (the case team, counsel of record), so the case file carries it.
 */
export async function documentFormOptionsForCaseFile(
  actor: Actor,
  caseFile: Pick<CaseFile, "id" | "grounds" | "plan"> & { corrections: Pick<CaseFile["corrections"], "detaineeId"> },
): Promise<DocumentFormOptions | null> {
  if (!mayUploadDocuments(actor)) return null;
  const plan = caseFile.plan?.view ?? null;
  const shareable = mayShareWithProviders(actor) ? await shareableProviders(actor, caseFile.id, caseFile.corrections.detaineeId) : { referrals: [], providers: [] };
  return {
    bondspersons: plan?.bondspersons.map(({ id, name }) => ({ id, name })) ?? [],
    referrals: shareable.referrals,
    grounds: caseFile.grounds,
    measures: plan?.measures ?? [],
    providers: shareable.providers,
  };
}

async function shareableProviders(actor: Actor, detentionId: string, detaineeId: string) {
  const referrals = await db().referral.findMany({
    where: { AND: [referralAccessScope(actor), { detentionId, status: { not: "DRAFT" } }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, outside: true, provider: { select: { organizationId: true, organization: { select: { name: true } } } } },
  });
  // A document may be about an outside referral (the program's letter), but is never shared with an outside program:
  // it has no users to read it.
  const organizationIds = [...new Set(referrals.filter((referral) => !referral.outside).map((referral) => referral.provider.organizationId))];
  const consented = organizationIds.length
    ? await db().consent.findMany({ where: { detaineeId, OR: organizationIds.map((organizationId) => providerConsentInForce(organizationId)) }, select: { recipientOrgId: true } })
    : [];
  const allowed = new Set(consented.map((consent) => consent.recipientOrgId));
  const providers = new Map<string, string>();
  for (const referral of referrals) if (allowed.has(referral.provider.organizationId)) providers.set(referral.provider.organizationId, referral.provider.organization.name);
  return {
    referrals: referrals.map((referral) => ({ id: referral.id, providerName: referral.provider.organization.name })),
    providers: [...providers].map(([organizationId, name]) => ({ organizationId, name })),
  };
}
