import "server-only";
import { db } from "@/lib/db";
import { can, detentionScope, type Actor } from "@/lib/authz";
import { familyResourceLists, type ResourceListView } from "@/lib/resource-lists/queries";
import { mayEditResourceList } from "@/lib/authz/resource-lists";
import { familyCapableProviderScope } from "@/lib/resource-lists/rules";
import { showsFamilyMembers, showsFamilySection } from "@/lib/families/rules";
import type { ChildAgeBand, ChildCareArrangement, ChildWhereabouts, DetentionStatus, ProviderService, VulnerabilityFlag } from "@/lib/generated/prisma/enums";

/**
 * The case file's families slices (docs/domain.md, Families and minors), read by getCaseFile (lib/case-file/queries.ts):
 * the family group's other cases and the best-interests record come in the case file's own statement (familySliceSelect);
 * the families-and-minors lists and the region's family-capable providers are read after it, in parallel, and only when
 * the section shows, since whether it shows depends on the flags the viewer may see.
 */

export type BestInterestsView = {
  ageBand: ChildAgeBand;
  whereabouts: ChildWhereabouts;
  careArrangement: ChildCareArrangement;
  considerations: string;
  recordedBy: { name: string };
  recordedAt: Date;
  version: number;
};

export type FamilyProvider = { id: string; name: string; services: ProviderService[]; familiesWithChildren: boolean; minors: boolean; spacesOpen: number };

export type CaseFamilies = {
  /** The families-and-minors lists in use for the viewer's office (own and shared); none for viewers outside the office. */
  lists: ResourceListView[];
  /** Whether the viewer reads office lists at all (CLOs and supervisors of a CBSA office). */
  readsLists: boolean;
  /** Listed providers of the case office's region that serve families or children (lib/resource-lists/rules.ts isFamilyCapable). */
  providers: FamilyProvider[];
  region: string;
  /** The case team's record of the child's best interests; null when none yet or for viewers outside the case team. */
  bestInterests: BestInterestsView | null;
  /** Whether the viewer reads and records best interests (the case team). */
  recordsBestInterests: boolean;
};

export type CaseFamilyMember = { detentionId: string; reference: string; givenName: string; familyName: string; status: DetentionStatus };

export type CaseFamilyMembers = {
  /** Only the cases the viewer may open (detentionScope): others in the group are neither listed nor counted. */
  members: CaseFamilyMember[];
  /** The case team links and unlinks. */
  mayLink: boolean;
};

/** The families part of the case file's select: the group's members under the viewer's detentionScope; best interests for the case team only. */
export function familySliceSelect(actor: Actor) {
  const team = can(actor, "cases.edit");
  return {
    familyMember: {
      select: {
        group: {
          select: {
            members: {
              where: { detention: detentionScope(actor) },
              orderBy: [{ addedAt: "asc" as const }, { id: "asc" as const }],
              select: { detention: { select: { id: true, reference: true, status: true, detainee: { select: { givenName: true, familyName: true } } } } },
            },
          },
        },
      },
    },
    bestInterests: {
      // A relation of one row cannot be filtered: for anyone outside the case team it is selected as its id only and dropped.
      select: team
        ? { id: true, ageBand: true, whereabouts: true, careArrangement: true, considerations: true, recordedAt: true, version: true, recordedBy: { select: { name: true } } }
        : { id: true },
    },
  };
}

type LoadedFamily = {
  id: string;
  familyMember: { group: { members: { detention: { id: string; reference: string; status: DetentionStatus; detainee: { givenName: string; familyName: string } } }[] } } | null;
  bestInterests: (Partial<Omit<BestInterestsView, "recordedBy">> & { id: string; recordedBy?: { name: string } }) | null;
};

/** The slices from the loaded case and the flags the viewer may see; the families section still needs its lists and providers. */
export function toFamilySlices(actor: Actor, loaded: LoadedFamily, visible: VulnerabilityFlag[]): { families: Omit<CaseFamilies, "lists" | "readsLists" | "providers" | "region"> | null; members: CaseFamilyMembers | null } {
  const team = can(actor, "cases.edit");
  const others: CaseFamilyMember[] = (loaded.familyMember?.group.members ?? [])
    .map(({ detention }) => ({ detentionId: detention.id, reference: detention.reference, status: detention.status, givenName: detention.detainee.givenName, familyName: detention.detainee.familyName }))
    .filter((member) => member.detentionId !== loaded.id);
  const members = showsFamilyMembers({ visibleOthers: others.length, mayLink: team }) ? { members: others, mayLink: team } : null;
  if (!showsFamilySection(visible)) return { families: null, members };
  const record = loaded.bestInterests;
  const bestInterests: BestInterestsView | null =
    team && record && record.ageBand && record.whereabouts && record.careArrangement && record.considerations !== undefined && record.recordedAt && record.version !== undefined && record.recordedBy
      ? { ageBand: record.ageBand, whereabouts: record.whereabouts, careArrangement: record.careArrangement, considerations: record.considerations, recordedAt: record.recordedAt, version: record.version, recordedBy: record.recordedBy }
      : null;
  return { families: { bestInterests, recordsBestInterests: team }, members };
}

/** The section's lists and providers, read in parallel once the section is known to show. */
export async function loadFamilyResources(actor: Actor, region: string, partial: Omit<CaseFamilies, "lists" | "readsLists" | "providers" | "region">): Promise<CaseFamilies> {
  // An office's lists are read by CLOs and supervisors of an office (lib/authz/resource-lists.ts): never counsel.
  const readsLists = mayEditResourceList(actor, { officeId: actor.organizationId });
  const [lists, providers] = await Promise.all([
    readsLists ? familyResourceLists(actor) : Promise.resolve([]),
    can(actor, "providers.view")
      ? db().serviceProvider.findMany({
          where: familyCapableProviderScope(region),
          orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
          take: 50,
          select: { id: true, services: true, familiesWithChildren: true, minors: true, spacesOpen: true, organization: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ]);
  return { ...partial, region, lists, readsLists, providers: providers.map(({ organization, ...provider }) => ({ ...provider, name: organization.name })) };
}
