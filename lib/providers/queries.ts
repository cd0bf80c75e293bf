import "server-only";
import { isUuid } from "@/lib/referrals/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { mayOpenOwnProvider, providerEditAccess, type ProviderEditAccess } from "@/lib/authz/providers";
import { screeningFlagScope } from "@/lib/authz/cases";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";
import { rankProviders, type ProviderMatch } from "@/lib/providers/rules";
import type { ProviderListParams } from "@/lib/providers/schema";
import { parseSearch } from "@/lib/search/rules";
import type { ServiceProviderWhereInput } from "@/lib/generated/prisma/models";
import type { Gender, ProviderKind, ProviderService, RiskLevel } from "@/lib/generated/prisma/enums";

export type ProviderRow = {
  id: string;
  organizationId: string;
  name: string;
  kind: ProviderKind;
  description: string | null;
  services: ProviderService[];
  servesGenders: Gender[];
  sogieAffirming: boolean;
  familiesWithChildren: boolean;
  minors: boolean;
  mentalHealthSupport: boolean;
  substanceUseSupport: boolean;
  riskLevelsAccepted: RiskLevel[];
  languages: string[];
  region: string;
  spacesTotal: number;
  spacesOpen: number;
  capacityUpdatedAt: Date;
  timeZone: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

export type ProviderDetail = ProviderRow & { version: number; updatedAt: Date; editAccess: ProviderEditAccess };

const providerSelect = {
  id: true,
  organizationId: true,
  kind: true,
  description: true,
  services: true,
  servesGenders: true,
  sogieAffirming: true,
  familiesWithChildren: true,
  minors: true,
  mentalHealthSupport: true,
  substanceUseSupport: true,
  riskLevelsAccepted: true,
  languages: true,
  region: true,
  spacesTotal: true,
  spacesOpen: true,
  capacityUpdatedAt: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  version: true,
  updatedAt: true,
  organization: { select: { name: true, timeZone: true } },
} as const;

type SelectedProvider = {
  organization: { name: string; timeZone: string };
  version: number;
  updatedAt: Date;
} & Omit<ProviderRow, "name" | "timeZone">;

function toRow({ organization, version: _version, updatedAt: _updatedAt, ...provider }: SelectedProvider): ProviderRow {
  return { ...provider, name: organization.name, timeZone: organization.timeZone };
}

/** What the directory may ever show: listed providers (never a program recorded for an outside referral) of active organisations. */
const DIRECTORY: ServiceProviderWhereInput = { listed: true, organization: { active: true } };

function directoryWhere(params: ProviderListParams, searchMatches: string[] | null): ServiceProviderWhereInput {
  const conditions: ServiceProviderWhereInput[] = [DIRECTORY];
  if (searchMatches) conditions.push({ id: { in: searchMatches } });
  if (params.service) conditions.push({ services: { has: params.service } });
  if (params.gender) conditions.push({ servesGenders: { has: params.gender } });
  if (params.risk) conditions.push({ riskLevelsAccepted: { has: params.risk } });
  if (params.language) conditions.push({ languages: { has: params.language } });
  if (params.region) conditions.push({ region: params.region });
  if (params.kind) conditions.push({ kind: params.kind });
  if (params.open) conditions.push({ spacesOpen: { gt: 0 } });
  if (params.sogieAffirming) conditions.push({ sogieAffirming: true });
  if (params.familiesWithChildren) conditions.push({ familiesWithChildren: true });
  if (params.minors) conditions.push({ minors: true });
  if (params.mentalHealthSupport) conditions.push({ mentalHealthSupport: true });
  if (params.substanceUseSupport) conditions.push({ substanceUseSupport: true });
  return { AND: conditions };
}

/**
 * The listed providers whose name or description holds every word of the search, ignoring case and accents and
 * matching parts of words ("accueil franco" and "ACCUEIL" find "Maison d'accueil francophone", "belanger" finds
 * "Bélanger"): the words are folded as lib/search/rules.ts folds the shell's search, and the text as the database's
 * f_unaccent(lower(…)) reads it (migration search_index). Null when there is no search. The directory holds a few
 * hundred providers at most, so this reads them without an index (see docs/architecture.md, Search).
 */
async function providersMatchingSearch(q: string | undefined): Promise<string[] | null> {
  const search = q ? parseSearch(q) : null;
  if (!search || search.nameWords.length === 0) return null;
  const text = Prisma.sql`public.f_unaccent(lower(o.name || ' ' || coalesce(sp.description, '')))`;
  const words = Prisma.join(
    search.nameWords.map((word) => Prisma.sql`${text} LIKE ${`%${word}%`} ESCAPE '\\'`),
    " AND ",
  );
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT sp.id FROM "ServiceProvider" sp JOIN "Organization" o ON o.id = sp."organizationId"
    WHERE sp.listed AND o.active AND ${words}`;
  return rows.map((row) => row.id);
}

/** The provider directory: every provider, community and contracted alike, filtered and paginated in SQL. */
export async function listProviders(actor: Actor, params: ProviderListParams): Promise<Page<ProviderRow>> {
  if (!can(actor, "providers.view")) return toPage([], 0, 1);
  const where = directoryWhere(params, await providersMatchingSearch(params.q));
  const [rows, total] = await Promise.all([
    db().serviceProvider.findMany({
      where,
      orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: providerSelect,
    }),
    db().serviceProvider.count({ where }),
  ]);
  return toPage(rows.map(toRow), total, params.page);
}

/** The choices for the directory's language and region filters: the values providers actually list. */
export async function providerFilterOptions(actor: Actor): Promise<{ languages: string[]; regions: string[] }> {
  if (!can(actor, "providers.view")) return { languages: [], regions: [] };
  const rows = await db().serviceProvider.findMany({ where: DIRECTORY, select: { languages: true, region: true } });
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, "en"));
  return { languages: sorted(rows.flatMap((row) => row.languages)), regions: sorted(rows.map((row) => row.region)) };
}

export async function getProvider(actor: Actor, providerId: string): Promise<ProviderDetail | null> {
  if (!isUuid(providerId)) return null;
  if (!can(actor, "providers.view")) return null;
  const provider = await db().serviceProvider.findFirst({ where: { id: providerId, listed: true }, select: providerSelect });
  if (!provider) return null;
  return { ...toRow(provider), version: provider.version, updatedAt: provider.updatedAt, editAccess: providerEditAccess(actor, provider) };
}

/**
 * "My organization": the directory page of the caseworker's own organisation, where they keep its open spaces and
 * intake details current (lib/authz/providers.ts). Null for anyone else, and for an organisation with no listed
 * provider (an NGO that is not in the directory).
 */
export async function ownProviderId(actor: Actor): Promise<string | null> {
  if (!mayOpenOwnProvider(actor)) return null;
  const provider = await db().serviceProvider.findFirst({ where: { organizationId: actor.organizationId, listed: true }, select: { id: true } });
  return provider?.id ?? null;
}

/** Providers by name, for choosing one in a form (referrals, outreach, resource lists). */
export async function providerChoices(actor: Actor): Promise<{ id: string; name: string; organizationId: string }[]> {
  if (!can(actor, "providers.view")) return [];
  const rows = await db().serviceProvider.findMany({
    where: { listed: true, organization: { active: true } },
    orderBy: [{ organization: { name: "asc" } }],
    select: { id: true, organizationId: true, organization: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, organizationId: row.organizationId, name: row.organization.name }));
}

export type CaseMatches = { detentionId: string; reference: string; region: string; matches: (ProviderMatch & { row: ProviderRow })[] };

/**
 * "Find a provider" for a case: every provider ranked by fit with the person's needs, vulnerabilities,
 * languages, the office's region and open spaces (lib/providers/rules.ts). Only the flags the viewer may see
 * are read (screeningFlagScope): the ranking must not hint at a trafficking indicator the viewer may not see.
 */
export async function matchProvidersForCase(actor: Actor, detentionId: string): Promise<CaseMatches | null> {
  if (!isUuid(detentionId)) return null;
  if (!can(actor, "referrals.compose")) return null;
  const detention = await db().detention.findFirst({
    where: { AND: [detentionScope(actor), { id: detentionId }] },
    select: {
      id: true,
      reference: true,
      office: { select: { region: true } },
      detainee: { select: { gender: true, languages: true, interpreterLanguage: true } },
      screening: { select: { flags: { where: screeningFlagScope(actor), select: { flag: true } } } },
      assessment: { select: { needs: { select: { area: true } } } },
    },
  });
  if (!detention) return null;
  const providers = await db().serviceProvider.findMany({ where: { listed: true, organization: { active: true } }, select: providerSelect });
  const rows = new Map(providers.map((provider) => [provider.id, toRow(provider)]));
  const ranked = rankProviders(
    {
      gender: detention.detainee.gender,
      languages: detention.detainee.languages,
      interpreterLanguage: detention.detainee.interpreterLanguage,
      region: detention.office.region,
      needs: detention.assessment?.needs.map((need) => need.area) ?? [],
      flags: detention.screening?.flags.map((flag) => flag.flag) ?? [],
    },
    [...rows.values()].map((row) => ({ ...row })),
  );
  return {
    detentionId: detention.id,
    reference: detention.reference,
    region: detention.office.region,
    matches: ranked.map((match) => ({ ...match, row: rows.get(match.provider.id)! })),
  };
}
