import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Database, type Transaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DetentionSelect } from "@/lib/generated/prisma/models";
import type { Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import { teamCaseScope, teamMessageReadScope, TEAM_REFERRAL_STATUSES } from "@/lib/authz/team";
import { allowedAudience, audienceShownTo, teamSide, type AudienceFacts, type TeamSide } from "@/lib/team/rules";

/** What the audience rules read of a case: counsel of record and the providers on the team within consent, named. */
const AUDIENCE_SELECT = {
  detainee: { select: { counsel: { select: { organizationId: true, active: true, organization: { select: { kind: true, name: true } } } } } },
  referrals: {
    where: { status: { in: [...TEAM_REFERRAL_STATUSES] }, outside: false, consent: { is: { withdrawnAt: null } } },
    select: { provider: { select: { organizationId: true, organization: { select: { name: true } } } }, consent: { select: { recipientOrgId: true } } },
  },
} satisfies DetentionSelect;

type AudienceRow = Prisma.DetentionGetPayload<{ select: typeof AUDIENCE_SELECT }>;

/** The audience facts of a case read with AUDIENCE_SELECT, and the names of the organisations they name. */
async function audienceFactsOf(
  tx: Transaction | Database,
  detentionId: string,
  row: AudienceRow,
  authorOrgId: string,
  side: TeamSide,
): Promise<{ facts: AudienceFacts; names: Map<string, string> }> {
  const counsel = row.detainee.counsel;
  const counselOrgId = counsel?.active && counsel.organization.kind === "LEGAL" ? counsel.organizationId : null;
  // The same rule as teamReferral: the consent is the person's consent to that provider's organisation.
  const onTeam = row.referrals.filter((referral) => referral.consent?.recipientOrgId === referral.provider.organizationId);
  const providerOrgIds = [...new Set(onTeam.map((referral) => referral.provider.organizationId))].sort();
  const names = new Map<string, string>(onTeam.map((referral) => [referral.provider.organizationId, referral.provider.organization.name]));
  if (counselOrgId && counsel) names.set(counselOrgId, counsel.organization.name);
  const counselWroteToAuthor =
    side === "PROVIDER" && counselOrgId !== null
      ? (await tx.caseMessage.count({ where: { detentionId, authorOrgId: counselOrgId, audience: { some: { organizationId: authorOrgId } } } })) > 0
      : false;
  return { facts: { counselOrgId, providerOrgIds, counselWroteToAuthor }, names };
}

/**
 * What the thread knows about a case when someone writes to it, read in the caller's transaction (or outside one,
 * for the form): counsel of record's organisation, the providers on the team within consent, and whether counsel
 * has written to the author's organisation.
 */
export async function readAudienceFacts(tx: Transaction, detentionId: string, authorOrgId: string, side: TeamSide): Promise<AudienceFacts> {
  const detention = await tx.detention.findUnique({ where: { id: detentionId }, select: AUDIENCE_SELECT });
  if (!detention) return { counselOrgId: null, providerOrgIds: [], counselWroteToAuthor: false };
  return (await audienceFactsOf(tx, detentionId, detention, authorOrgId, side)).facts;
}

/** One message as its reader may see it. */
export type TeamMessageView = {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string;
  authorOrganization: string;
  mine: boolean;
  /** "Visible to", as this reader may be told it (lib/team/rules.ts audienceShownTo). */
  visibleTo: { office: string; author: string | null; counsel: string | null; counselAsRole: boolean; organizations: string[] };
};

/** The form: where it posts, its one-time token, and only the audiences this author may choose. */
export type TeamComposer = {
  target: { detentionId: string } | { referralId: string };
  token: string;
  officeName: string;
  counsel: { organizationName: string } | null;
  providers: { organizationId: string; name: string }[];
  side: TeamSide;
};

export type TeamThread = { messages: TeamMessageView[]; composer: TeamComposer; timeZone: string };

/** The most recent messages shown; older ones stay in the database (and the audit log), not on the page. */
const THREAD_LIMIT = 200;

async function threadOf(actor: Actor, side: TeamSide, detentionId: string, target: TeamComposer["target"]): Promise<TeamThread | null> {
  // The case under the team's scope and its audience facts, with the organisations' names, in one read.
  const detention = await db().detention.findFirst({
    where: { AND: [teamCaseScope(actor), { id: detentionId }] },
    select: { id: true, office: { select: { name: true } }, facility: { select: { timeZone: true } }, ...AUDIENCE_SELECT },
  });
  if (!detention) return null;
  const [rows, { facts, names }] = await Promise.all([
    db().caseMessage.findMany({
      where: { AND: [teamMessageReadScope(actor), { detentionId: detention.id }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: THREAD_LIMIT,
      select: {
        id: true,
        body: true,
        createdAt: true,
        authorId: true,
        author: { select: { name: true } },
        authorOrg: { select: { name: true, kind: true } },
        audience: { select: { organizationId: true, organization: { select: { name: true, kind: true } } } },
      },
    }),
    audienceFactsOf(db(), detention.id, detention, actor.organizationId, side),
  ]);
  const allowed = allowedAudience(side, actor.organizationId, facts);

  const messages = rows.reverse().map((row): TeamMessageView => {
    const shown = audienceShownTo(side, actor.organizationId, row.audience.map((entry) => ({ organizationId: entry.organizationId, kind: entry.organization.kind })));
    const byId = new Map(row.audience.map((entry) => [entry.organizationId, entry.organization]));
    const counselEntry = row.audience.find((entry) => entry.organization.kind === "LEGAL");
    return {
      id: row.id,
      body: row.body,
      createdAt: row.createdAt,
      authorName: row.author.name,
      authorOrganization: row.authorOrg.name,
      mine: row.authorId === actor.userId,
      visibleTo: {
        office: detention.office.name,
        // The author's own organisation reads its message too; the office is already named.
        author: row.authorOrg.kind === "CBSA_OFFICE" ? null : row.authorOrg.name,
        counsel: shown.counsel && side !== "PROVIDER" && counselEntry ? counselEntry.organization.name : null,
        counselAsRole: shown.counsel && side === "PROVIDER",
        organizations: shown.organizationIds.filter((id) => byId.get(id)?.kind !== "LEGAL").map((id) => byId.get(id)?.name ?? ""),
      },
    };
  });
  return {
    messages,
    timeZone: detention.facility.timeZone,
    composer: {
      target,
      token: randomUUID(),
      officeName: detention.office.name,
      side,
      counsel: allowed.counsel && facts.counselOrgId ? { organizationName: names.get(facts.counselOrgId) ?? "" } : null,
      providers: allowed.providerOrgIds.map((organizationId) => ({ organizationId, name: names.get(organizationId) ?? "" })).sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
}

/** The thread on a case page (the office, counsel of record); null when the actor is not on this case's team. */
export async function getTeamThread(actor: Actor, detentionId: string): Promise<TeamThread | null> {
  const side = teamSide(actor);
  if (side !== "OFFICE" && side !== "COUNSEL") return null;
  return threadOf(actor, side, detentionId, { detentionId });
}

/**
 * The thread on a provider's referral page: only while that referral keeps the organisation on the team (pending or
 * accepted, consent in force); a declined or withdrawn referral, or a withdrawn consent, shows none.
 */
export async function getTeamThreadForReferral(actor: Actor, referralId: string): Promise<TeamThread | null> {
  if (teamSide(actor) !== "PROVIDER") return null;
  const referral = await db().referral.findFirst({
    where: { AND: [referralAccessScope(actor), { id: referralId, status: { in: [...TEAM_REFERRAL_STATUSES] } }] },
    select: { id: true, detentionId: true },
  });
  if (!referral) return null;
  return threadOf(actor, "PROVIDER", referral.detentionId, { referralId: referral.id });
}
