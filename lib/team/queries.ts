import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Transaction } from "@/lib/db";
import type { Actor } from "@/lib/authz";
import { referralAccessScope } from "@/lib/authz/referrals";
import { teamCaseScope, teamMessageReadScope, TEAM_REFERRAL_STATUSES } from "@/lib/authz/team";
import { allowedAudience, audienceShownTo, teamSide, type AudienceFacts, type TeamSide } from "@/lib/team/rules";

/**
 * What the thread knows about a case when someone writes to it, read in the caller's transaction (or outside one,
 * for the form): counsel of record's organisation, the providers on the team within consent, and whether counsel
 * has written to the author's organisation.
 */
export async function readAudienceFacts(tx: Transaction, detentionId: string, authorOrgId: string, side: TeamSide): Promise<AudienceFacts> {
  const detention = await tx.detention.findUnique({
    where: { id: detentionId },
    select: {
      detainee: { select: { counsel: { select: { organizationId: true, active: true, organization: { select: { kind: true } } } } } },
      referrals: {
        where: { status: { in: [...TEAM_REFERRAL_STATUSES] }, outside: false, consent: { is: { withdrawnAt: null } } },
        select: { provider: { select: { organizationId: true } }, consent: { select: { recipientOrgId: true } } },
      },
    },
  });
  if (!detention) return { counselOrgId: null, providerOrgIds: [], counselWroteToAuthor: false };
  const counsel = detention.detainee.counsel;
  const counselOrgId = counsel?.active && counsel.organization.kind === "LEGAL" ? counsel.organizationId : null;
  // The same rule as teamReferral: the consent is the person's consent to that provider's organisation.
  const providerOrgIds = [
    ...new Set(detention.referrals.filter((referral) => referral.consent?.recipientOrgId === referral.provider.organizationId).map((referral) => referral.provider.organizationId)),
  ].sort();
  const counselWroteToAuthor =
    side === "PROVIDER" && counselOrgId !== null
      ? (await tx.caseMessage.count({ where: { detentionId, authorOrgId: counselOrgId, audience: { some: { organizationId: authorOrgId } } } })) > 0
      : false;
  return { counselOrgId, providerOrgIds, counselWroteToAuthor };
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
  const detention = await db().detention.findFirst({
    where: { AND: [teamCaseScope(actor), { id: detentionId }] },
    select: { id: true, office: { select: { name: true } }, facility: { select: { timeZone: true } } },
  });
  if (!detention) return null;
  const [rows, facts] = await Promise.all([
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
    readAudienceFacts(db(), detention.id, actor.organizationId, side),
  ]);
  const allowed = allowedAudience(side, actor.organizationId, facts);
  const names = new Map<string, string>();
  const wanted = [...allowed.providerOrgIds, ...(allowed.counsel && facts.counselOrgId ? [facts.counselOrgId] : [])];
  if (wanted.length > 0) for (const org of await db().organization.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })) names.set(org.id, org.name);

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
