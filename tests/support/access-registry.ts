/**
 * The access registry: every page, route handler and server action, with who may use it. It is checked two ways:
 * - tests/unit/access-registry.test.ts fails when the code has a page, route or action this list does not name
 *   (or the list names one the code no longer has), so nothing ships unlisted;
 * - tests/e2e/access-matrix.spec.ts requests every page and route as every persona below, against the demo data,
 *   and checks each is allowed or refused exactly as written here (refused reads answer "not found");
 * - tests/e2e/action-matrix.spec.ts calls every action with valid input as every persona: the allowed ones make
 *   their change, every other one is refused as "not found" with not one row written.
 *
 * Personas are demo accounts (prisma/seed/demo.ts) chosen for their relationships to the records the matrix uses:
 * CASE is a Toronto detention whose counsel of record is counsel.clinic; REFERRAL is a referral sent, with consent
 * in force, to Harbour House about a Toronto detention; PROVIDER is Rainbow Newcomer Network; COMPLAINT is the demo's
 * complaint by counsel.clinic about CASE, under review by the Toronto office.
 */

export const PERSONAS = {
  SIGNED_OUT: null,
  CLO_TORONTO: "clo.toronto@liaison.example",
  SUPERVISOR_TORONTO: "supervisor.toronto@liaison.example",
  CLO_OTHER_OFFICE: "clo.vancouver@liaison.example",
  CASEWORKER_RECIPIENT: "caseworker.harbour@liaison.example",
  CASEWORKER_OTHER: "caseworker.rainbow@liaison.example",
  COUNSEL_OF_RECORD: "counsel.clinic@liaison.example",
  COUNSEL_OTHER: "counsel.marchand@liaison.example",
  ADMIN: "admin@liaison.example",
} as const;
export type Persona = keyof typeof PERSONAS;

const SIGNED_IN: Persona[] = ["CLO_TORONTO", "SUPERVISOR_TORONTO", "CLO_OTHER_OFFICE", "CASEWORKER_RECIPIENT", "CASEWORKER_OTHER", "COUNSEL_OF_RECORD", "COUNSEL_OTHER", "ADMIN"];
const CBSA: Persona[] = ["CLO_TORONTO", "SUPERVISOR_TORONTO", "CLO_OTHER_OFFICE"];
const CASE_TEAM: Persona[] = ["CLO_TORONTO", "SUPERVISOR_TORONTO"];
const COUNSEL: Persona[] = ["COUNSEL_OF_RECORD", "COUNSEL_OTHER"];
const CASEWORKERS: Persona[] = ["CASEWORKER_RECIPIENT", "CASEWORKER_OTHER"];

export type PageEntry = {
  /** The page file, relative to the project root. */
  file: string;
  /** The URL requested, with :case, :referral or :provider replaced by the matrix's records. */
  url: string;
  /** Who gets the page (200, or a redirect that is not to sign-in); everyone else signed in gets 404. */
  allowed: readonly Persona[];
  rule: string;
};

export type RouteEntry = { file: string; method: "GET" | "POST"; url: string; allowed: readonly Persona[] | "PUBLIC"; rule: string };

export type ActionEntry = { file: string; name: string; allowed: readonly Persona[]; rule: string };

export const PAGES: PageEntry[] = [
  { file: "app/(public)/sign-in/page.tsx", url: "/sign-in", allowed: [...SIGNED_IN], rule: "public; signed-in users are sent home" },
  { file: "app/(public)/sign-out/page.tsx", url: "/sign-out", allowed: [...SIGNED_IN], rule: "public" },
  { file: "app/(public)/set-password/page.tsx", url: "/set-password", allowed: [...SIGNED_IN], rule: "public: the link's token is in the fragment, read by the page's script" },
  { file: "app/(app)/page.tsx", url: "/", allowed: [...SIGNED_IN], rule: "redirects each role to its home" },
  { file: "app/(app)/cases/page.tsx", url: "/cases", allowed: CBSA, rule: "detentions.list: the office's caseload" },
  { file: "app/(app)/search/page.tsx", url: "/search?q=a", allowed: CBSA, rule: "the shell's search: CLOs and supervisors of a CBSA office, results from their office only" },
  { file: "app/(app)/cases/new/page.tsx", url: "/cases/new", allowed: CBSA, rule: "cases.create" },
  { file: "app/(app)/cases/[id]/page.tsx", url: "/cases/:case", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "detentionScope: own office, or counsel of record" },
  { file: "app/(app)/cases/[id]/assessment/page.tsx", url: "/cases/:case/assessment", allowed: CASE_TEAM, rule: "cases.edit + own office (counsel read the assessment on the case page)" },
  { file: "app/(app)/cases/[id]/plan/page.tsx", url: "/cases/:case/plan", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "own office edits; counsel of record reads and proposes a bondsperson" },
  { file: "app/(app)/cases/[id]/plan/print/page.tsx", url: "/cases/:case/plan/print", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "whoever may read the plan" },
  { file: "app/(app)/cases/[id]/merge/page.tsx", url: "/cases/:case/merge", allowed: ["SUPERVISOR_TORONTO"], rule: "people.merge (supervisors) + own office" },
  { file: "app/(app)/cases/[id]/consent/page.tsx", url: "/cases/:case/consent", allowed: CASE_TEAM, rule: "consent.record + own office" },
  { file: "app/(app)/cases/[id]/providers/page.tsx", url: "/cases/:case/providers", allowed: CASE_TEAM, rule: "referrals.compose + own office" },
  { file: "app/(app)/cases/[id]/referrals/new/page.tsx", url: "/cases/:case/referrals/new", allowed: CASE_TEAM, rule: "referrals.compose + own office" },
  { file: "app/(app)/cases/[id]/referrals/outside/page.tsx", url: "/cases/:case/referrals/outside", allowed: CASE_TEAM, rule: "referrals.compose + own office: record a referral to a program outside Liaison" },
  { file: "app/(app)/clients/page.tsx", url: "/clients", allowed: COUNSEL, rule: "clients.list" },
  { file: "app/(app)/tasks/page.tsx", url: "/tasks", allowed: CBSA, rule: "tasks.mine" },
  { file: "app/(app)/reviews/page.tsx", url: "/reviews", allowed: [...CBSA, ...COUNSEL], rule: "reviews.dashboard, scoped by detentionScope" },
  { file: "app/(app)/referrals/page.tsx", url: "/referrals", allowed: [...CBSA, ...CASEWORKERS], rule: "referrals.inbox or referrals.compose" },
  { file: "app/(app)/referrals/[id]/page.tsx", url: "/referrals/:referral", allowed: [...CASE_TEAM, "CASEWORKER_RECIPIENT"], rule: "the recipient organisation with consent in force, or the sending office" },
  { file: "app/(app)/providers/page.tsx", url: "/providers", allowed: [...SIGNED_IN], rule: "providers.view" },
  { file: "app/(app)/providers/mine/page.tsx", url: "/providers/mine", allowed: CASEWORKERS, rule: "\"My organization\": an NGO caseworker, sent to their own organisation's provider page (or told it has none)" },
  { file: "app/(app)/providers/new/page.tsx", url: "/providers/new", allowed: [...CBSA, "ADMIN"], rule: "providers.edit" },
  { file: "app/(app)/providers/[id]/page.tsx", url: "/providers/:provider", allowed: [...SIGNED_IN], rule: "providers.view" },
  { file: "app/(app)/providers/[id]/edit/page.tsx", url: "/providers/:provider/edit", allowed: [...CBSA, "ADMIN", "CASEWORKER_OTHER"], rule: "providers.edit, or the provider's own caseworkers" },
  { file: "app/(app)/outreach/page.tsx", url: "/outreach", allowed: CBSA, rule: "outreach.manage" },
  { file: "app/(app)/resource-lists/page.tsx", url: "/resource-lists", allowed: CBSA, rule: "CLOs and supervisors of a CBSA office: their office's lists to edit, lists shared with it to read" },
  { file: "app/(app)/calendar/page.tsx", url: "/calendar", allowed: [...CBSA, ...COUNSEL], rule: "calendar.feed" },
  { file: "app/(app)/complaints/page.tsx", url: "/complaints", allowed: [...CBSA, ...CASEWORKERS, ...COUNSEL], rule: "complaints.file or complaints.handle: one's own complaints; a supervisor's office queue; summaries shared with an officer named" },
  { file: "app/(app)/complaints/new/page.tsx", url: "/complaints/new", allowed: [...CBSA, ...CASEWORKERS, ...COUNSEL], rule: "complaints.file: about the service, or a case or referral the filer may see" },
  { file: "app/(app)/complaints/[id]/page.tsx", url: "/complaints/:complaint", allowed: ["SUPERVISOR_TORONTO", "COUNSEL_OF_RECORD"], rule: "the complaint's filer and its office's supervisors; never the officer it names (only a summary shared with them)" },
  { file: "app/(app)/complaints/report/page.tsx", url: "/complaints/report", allowed: ["SUPERVISOR_TORONTO"], rule: "complaints.handle: the office's complaints in numbers" },
  { file: "app/(app)/reports/page.tsx", url: "/reports", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "reports.view" },
  { file: "app/(app)/audit/page.tsx", url: "/audit", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "audit.view" },
  { file: "app/(app)/account/password/page.tsx", url: "/account/password", allowed: [...SIGNED_IN], rule: "any signed-in user: their own password" },
  { file: "app/(app)/admin/users/page.tsx", url: "/admin/users", allowed: ["ADMIN"], rule: "users.manage, with the access grants awaiting a second admin" },
  { file: "app/(app)/admin/users/new/page.tsx", url: "/admin/users/new", allowed: ["ADMIN"], rule: "users.manage: a new account, without a password (the person sets it through a link)" },
  { file: "app/(app)/admin/users/[id]/page.tsx", url: "/admin/users/:user", allowed: ["ADMIN"], rule: "users.manage (managedUserScope): one user's details, status and password link" },
  { file: "app/(app)/admin/organizations/page.tsx", url: "/admin/organizations", allowed: ["ADMIN"], rule: "organizations.manage" },
  { file: "app/(app)/admin/jobs/page.tsx", url: "/admin/jobs", allowed: ["ADMIN"], rule: "jobs.view: the job runner's health, counts only" },
  { file: "app/(app)/policy/page.tsx", url: "/policy", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "policy.view: the release-first policy and its history; policy.manage (admins) schedules changes" },
  { file: "app/(app)/reports/targets/page.tsx", url: "/reports/targets", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "reports.view: a supervisor's own office, an admin's chosen CBSA office; admins set targets (policy.manage)" },
  { file: "app/(app)/account/notifications/page.tsx", url: "/account/notifications", allowed: [...SIGNED_IN], rule: "any signed-in user: their own notification preferences" },
  { file: "app/(app)/notifications/page.tsx", url: "/notifications", allowed: [...SIGNED_IN], rule: "any signed-in user: their own notifications only" },
];

export const ROUTES: RouteEntry[] = [
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", url: "/api/auth/csrf", allowed: "PUBLIC", rule: "next-auth: sign-in and sign-out" },
  { file: "app/api/calendar/[token]/route.ts", method: "GET", url: "/api/calendar/not-a-real-token", allowed: "PUBLIC", rule: "the secret token is the credential; an unknown one is not found" },
  { file: "app/api/bench/query-count/route.ts", method: "GET", url: "/api/bench/query-count", allowed: [], rule: "only with LIAISON_BENCH=1 (npm run bench); not found otherwise" },
  { file: "app/(app)/audit/export/route.ts", method: "GET", url: "/audit/export", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "audit.view" },
  { file: "app/(app)/reports/export/route.ts", method: "GET", url: "/reports/export?table=indicators", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "reports.view" },
  { file: "app/(app)/reports/targets/export/route.ts", method: "GET", url: "/reports/targets/export?period=2026-Q4", allowed: ["SUPERVISOR_TORONTO", "ADMIN"], rule: "reports.view, as the targets page" },
  {
    file: "app/(app)/cases/[id]/bundle/route.ts",
    method: "GET",
    url: "/cases/:case/bundle?lang=en",
    allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"],
    rule: "mayGenerateBundle (whoever may read the plan: the office, counsel of record) + detentionScope; a PDF attachment, audited",
  },
  { file: "app/api/notifications/unread/route.ts", method: "GET", url: "/api/notifications/unread", allowed: [...SIGNED_IN], rule: "any signed-in user: their own unread count" },
  {
    file: "app/api/document-uploads/route.ts",
    method: "POST",
    url: "/api/document-uploads",
    allowed: [],
    rule: "POST by the case team (CLOs and supervisors of the office, counsel of record; lib/authz/documents.ts), same-origin, at most 20 MB; GET shows nothing to anyone (not found)",
  },
  {
    file: "app/api/documents/[id]/route.ts",
    method: "GET",
    url: "/api/documents/00000000-0000-7000-8000-000000000000",
    allowed: [],
    rule: "documentReadScope: the author's organisation, the case team when shared with it, a named provider within consent in force; audited; an unknown one is not found",
  },
  {
    file: "app/(app)/notifications/[id]/open/route.ts",
    method: "GET",
    url: "/notifications/00000000-0000-7000-8000-000000000000/open",
    allowed: [],
    rule: "the recipient only (marks it read and redirects); anyone else's, or an unknown one, is not found",
  },
];

/**
 * Server actions. Each checks its own capability and scopes its where clause by lib/authz; refused callers get
 * "not found" and nothing is written (tests/e2e/action-matrix.spec.ts; actions.spec.ts for hostile input).
 */
export const ACTIONS: ActionEntry[] = [
  { file: "lib/i18n/actions.ts", name: "setLocaleAction", allowed: ["SIGNED_OUT", ...SIGNED_IN], rule: "anyone: a cookie, and the user's own saved language" },
  { file: "lib/users/actions.ts", name: "createUserAction", allowed: ["ADMIN"], rule: "users.manage; a role with case access (or ADMIN) is created inactive, pending a second admin" },
  { file: "lib/users/actions.ts", name: "updateUserAction", allowed: ["ADMIN"], rule: "users.manage, never one's own; giving case access (or ADMIN) is a pending grant" },
  { file: "lib/users/actions.ts", name: "setUserActiveAction", allowed: ["ADMIN"], rule: "users.manage, never one's own; reactivating case access is a pending grant" },
  { file: "lib/users/actions.ts", name: "approveRoleGrantAction", allowed: ["ADMIN"], rule: "users.manage, by an admin other than the one who asked and not the grant's subject" },
  { file: "lib/users/actions.ts", name: "declineRoleGrantAction", allowed: ["ADMIN"], rule: "users.manage" },
  { file: "lib/users/actions.ts", name: "issuePasswordLinkAction", allowed: ["ADMIN"], rule: "users.manage, never for one's own account; revokes the user's earlier unused links" },
  { file: "lib/password-links/actions.ts", name: "setPasswordWithLinkAction", allowed: ["SIGNED_OUT", ...SIGNED_IN], rule: "anyone holding a usable link: the token is the credential, single use, throttled by address" },
  { file: "lib/users/actions.ts", name: "changeOwnPasswordAction", allowed: [...SIGNED_IN], rule: "any signed-in user, their own password only, with the current one; ends their other sessions" },
  { file: "lib/organizations/actions.ts", name: "createOrganizationAction", allowed: ["ADMIN"], rule: "organizations.manage" },
  { file: "lib/policy/actions.ts", name: "schedulePolicyAction", allowed: ["ADMIN"], rule: "policy.manage; today or later, never before a version already scheduled" },
  { file: "lib/policy/actions.ts", name: "withdrawPolicyAction", allowed: ["ADMIN"], rule: "policy.manage; only a version not yet in force" },
  { file: "lib/targets/actions.ts", name: "setTargetsAction", allowed: ["ADMIN"], rule: "policy.manage; a CBSA office; versioned per indicator" },
  { file: "lib/detentions/actions.ts", name: "createDetentionAction", allowed: CBSA, rule: "cases.create, in the actor's own office" },
  { file: "lib/detentions/actions.ts", name: "assignDetentionAction", allowed: ["SUPERVISOR_TORONTO"], rule: "detentions.assign + own office" },
  { file: "lib/detentions/actions.ts", name: "setNoProspectAction", allowed: CASE_TEAM, rule: "cases.edit + own office" },
  { file: "lib/detentions/actions.ts", name: "clearNoProspectAction", allowed: CASE_TEAM, rule: "cases.edit + own office" },
  { file: "lib/corrections/actions.ts", name: "correctPersonAction", allowed: CASE_TEAM, rule: "cases.edit + own office (through the case), versioned on the person" },
  { file: "lib/corrections/actions.ts", name: "correctDetentionAction", allowed: CASE_TEAM, rule: "cases.edit + own office, versioned" },
  { file: "lib/corrections/actions.ts", name: "mergePeopleAction", allowed: ["SUPERVISOR_TORONTO"], rule: "people.merge (supervisors); both records visible to the office" },
  { file: "lib/transfers/actions.ts", name: "recordTransferAction", allowed: CASE_TEAM, rule: "cases.edit + own office (the sending office), versioned; a facility of another office hands the case over" },
  { file: "lib/screening/actions.ts", name: "recordFlagAction", allowed: CASE_TEAM, rule: "cases.edit + own office; never trafficking indicators (recordTraffickingScreenAction records those)" },
  { file: "lib/screening/actions.ts", name: "removeFlagAction", allowed: CASE_TEAM, rule: "cases.edit + own office" },
  { file: "lib/trafficking/actions.ts", name: "recordTraffickingScreenAction", allowed: CASE_TEAM, rule: "cases.edit + own office + the trafficking flag's audience: the assigned CLO and supervisors" },
  { file: "lib/tasks/actions.ts", name: "createTaskAction", allowed: CASE_TEAM, rule: "cases.edit + own office" },
  { file: "lib/tasks/actions.ts", name: "updateTaskAction", allowed: CASE_TEAM, rule: "cases.edit + own office" },
  { file: "lib/team/actions.ts", name: "postTeamMessageAction", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD", "CASEWORKER_RECIPIENT"], rule: "teamCaseScope: own office, counsel of record, or a provider with a pending or accepted referral and consent in force (from its referral); the audience within lib/team/rules.ts" },
  { file: "lib/notes/actions.ts", name: "addNoteAction", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "notes.write + detentionScope; counsel's notes always privileged" },
  { file: "lib/documents/actions.ts", name: "removeDocumentAction", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "the author's organisation only, on a case it may open (detentionScope); hard removal, audited" },
  { file: "lib/assessments/actions.ts", name: "saveAssessmentAction", allowed: CASE_TEAM, rule: "cases.edit + own office, versioned" },
  { file: "lib/release-plans/actions.ts", name: "createPlanAction", allowed: CASE_TEAM, rule: "plans.edit + own office" },
  { file: "lib/release-plans/actions.ts", name: "savePlanAction", allowed: CASE_TEAM, rule: "plans.edit + own office, versioned" },
  { file: "lib/release-plans/actions.ts", name: "saveBondspersonAction", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "plans.edit, or counsel of record proposing (never confirming)" },
  { file: "lib/options/actions.ts", name: "proposeOptionAction", allowed: ["COUNSEL_OF_RECORD"], rule: "options.propose (counsel) + detentionScope: their clients; a task for the case's CLO, audited and notified" },
  { file: "lib/release-plans/actions.ts", name: "removeBondspersonAction", allowed: CASE_TEAM, rule: "plans.edit + own office" },
  { file: "lib/release-plans/actions.ts", name: "changePlanStatusAction", allowed: CASE_TEAM, rule: "plans.edit + own office; readiness rechecked on the server" },
  { file: "lib/reviews/actions.ts", name: "scheduleHearingAction", allowed: CASE_TEAM, rule: "reviews.record + own office" },
  { file: "lib/reviews/actions.ts", name: "recordReviewAction", allowed: CASE_TEAM, rule: "reviews.record + own office" },
  { file: "lib/reviews/actions.ts", name: "editReviewAction", allowed: CASE_TEAM, rule: "reviews.record + own office, versioned" },
  { file: "lib/outcomes/actions.ts", name: "recordOutcomeAction", allowed: CASE_TEAM, rule: "cases.edit + own office; only from DETAINED, once (lib/outcomes/rules.ts)" },
  { file: "lib/outcomes/actions.ts", name: "correctOutcomeAction", allowed: ["SUPERVISOR_TORONTO"], rule: "supervisor of the office, with a reason, versioned" },
  { file: "lib/outcomes/actions.ts", name: "undoOutcomeAction", allowed: ["SUPERVISOR_TORONTO"], rule: "supervisor of the office, with a reason, versioned" },
  { file: "lib/counsel/actions.ts", name: "addCounselNoteAction", allowed: ["COUNSEL_OF_RECORD"], rule: "counsel of record; privileged to their organisation" },
  { file: "lib/counsel/actions.ts", name: "recordCounselAction", allowed: CASE_TEAM, rule: "cases.edit + own office; versioned on the person; counsel in force is ended" },
  { file: "lib/counsel/actions.ts", name: "requestCounselAction", allowed: COUNSEL, rule: "counsel only; the same answer whether or not the reference and name match; capped" },
  { file: "lib/counsel/actions.ts", name: "decideCounselRequestAction", allowed: CASE_TEAM, rule: "cases.edit + the office the request was routed to; versioned" },
  { file: "lib/counsel/actions.ts", name: "endCounselAction", allowed: [...CASE_TEAM, "COUNSEL_OF_RECORD"], rule: "the office, or counsel of record withdrawing; versioned; access ends at once" },
  { file: "lib/calendar/actions.ts", name: "createFeedAction", allowed: [...CBSA, ...COUNSEL], rule: "calendar.feed, the user's own feed" },
  { file: "lib/calendar/actions.ts", name: "revokeFeedAction", allowed: [...CBSA, ...COUNSEL], rule: "calendar.feed, the user's own feed" },
  { file: "lib/consent/actions.ts", name: "recordConsentAction", allowed: CASE_TEAM, rule: "consent.record + own office" },
  { file: "lib/consent/actions.ts", name: "withdrawConsentAction", allowed: CASE_TEAM, rule: "consent.record + own office" },
  { file: "lib/referrals/actions.ts", name: "sendReferralAction", allowed: CASE_TEAM, rule: "referrals.compose + own office, within the consent" },
  { file: "lib/referrals/actions.ts", name: "withdrawReferralAction", allowed: CASE_TEAM, rule: "referrals.compose + own office" },
  { file: "lib/referrals/actions.ts", name: "startReferralReviewAction", allowed: ["CASEWORKER_RECIPIENT"], rule: "the recipient organisation, consent in force; SENT to UNDER_REVIEW by the transition table" },
  { file: "lib/referrals/actions.ts", name: "answerReferralAction", allowed: ["CASEWORKER_RECIPIENT"], rule: "the recipient organisation, consent in force" },
  { file: "lib/referrals/actions.ts", name: "postReferralMessageAction", allowed: [...CASE_TEAM, "CASEWORKER_RECIPIENT"], rule: "the two sides of the referral, consent in force" },
  { file: "lib/complaints/actions.ts", name: "fileComplaintAction", allowed: [...CBSA, ...CASEWORKERS, ...COUNSEL], rule: "complaints.file: about the service (an office chosen; a CBSA user's own), or a case or referral the filer may see" },
  { file: "lib/complaints/actions.ts", name: "reviewComplaintAction", allowed: ["SUPERVISOR_TORONTO"], rule: "complaints.handle + the complaint's office, never one naming oneself; versioned" },
  { file: "lib/complaints/actions.ts", name: "respondComplaintAction", allowed: ["SUPERVISOR_TORONTO"], rule: "complaints.handle + the complaint's office; under review only; versioned" },
  { file: "lib/complaints/actions.ts", name: "closeComplaintAction", allowed: ["SUPERVISOR_TORONTO"], rule: "complaints.handle + the complaint's office; responded only; versioned" },
  { file: "lib/complaints/actions.ts", name: "withdrawComplaintAction", allowed: ["COUNSEL_OF_RECORD"], rule: "the complaint's filer only, before a response; versioned" },
  { file: "lib/complaints/actions.ts", name: "shareComplaintSummaryAction", allowed: ["SUPERVISOR_TORONTO"], rule: "complaints.handle + the complaint's office; a complaint naming an officer; versioned" },
  { file: "lib/outside-referrals/actions.ts", name: "recordOutsideReferralAction", allowed: CASE_TEAM, rule: "referrals.compose + own office; the program has no users; consent recorded with it" },
  { file: "lib/outside-referrals/actions.ts", name: "recordOutsideAnswerAction", allowed: CASE_TEAM, rule: "the sending office, outside referrals only; versioned; the letter is a document of the office on the case" },
  { file: "lib/providers/actions.ts", name: "createProviderAction", allowed: [...CBSA, "ADMIN"], rule: "providers.edit" },
  { file: "lib/providers/actions.ts", name: "updateProviderAction", allowed: [...CBSA, "ADMIN", "CASEWORKER_OTHER"], rule: "providers.edit, or the provider's own caseworkers" },
  { file: "lib/outreach/actions.ts", name: "createOutreachContactAction", allowed: CBSA, rule: "outreach.manage, own office" },
  { file: "lib/outreach/actions.ts", name: "updateOutreachContactAction", allowed: CBSA, rule: "outreach.manage, a contact of the own office, versioned" },
  { file: "lib/outreach/actions.ts", name: "markFollowUpDoneAction", allowed: CBSA, rule: "outreach.manage, an open next step of the own office, versioned" },
  { file: "lib/resource-lists/actions.ts", name: "createResourceListAction", allowed: CBSA, rule: "CLOs and supervisors of a CBSA office; the list is their office's; named offices must be CBSA offices" },
  { file: "lib/resource-lists/actions.ts", name: "updateResourceListAction", allowed: CBSA, rule: "the list's own office only (a shared list is read only elsewhere), versioned" },
  { file: "lib/resource-lists/actions.ts", name: "retireResourceListAction", allowed: CBSA, rule: "the list's own office only, versioned; kept as history, offered nowhere" },
  { file: "lib/resource-lists/actions.ts", name: "addResourceItemAction", allowed: CBSA, rule: "the list's own office only, at the list's version" },
  { file: "lib/resource-lists/actions.ts", name: "updateResourceItemAction", allowed: CBSA, rule: "the list's own office only, at the list's version" },
  { file: "lib/resource-lists/actions.ts", name: "removeResourceItemAction", allowed: CBSA, rule: "the list's own office only, at the list's version" },
  { file: "lib/resource-lists/actions.ts", name: "restoreResourceListAction", allowed: CBSA, rule: "the list's own office only, versioned; a retired list back in use where it was offered" },
  { file: "lib/resource-lists/actions.ts", name: "moveResourceItemAction", allowed: CBSA, rule: "the list's own office only, at the list's version" },
  { file: "lib/families/actions.ts", name: "linkFamilyMemberAction", allowed: CASE_TEAM, rule: "cases.edit; both cases of the actor's office (detentionScope), named by reference" },
  { file: "lib/families/actions.ts", name: "unlinkFamilyMemberAction", allowed: CASE_TEAM, rule: "cases.edit; both cases of the actor's office and of one family group" },
  { file: "lib/families/actions.ts", name: "recordBestInterestsAction", allowed: CASE_TEAM, rule: "cases.edit + own office; a case with a minor-related flag; versioned" },
  { file: "lib/notifications/actions.ts", name: "markNotificationReadAction", allowed: [...SIGNED_IN], rule: "the recipient's own notification only" },
  { file: "lib/notifications/actions.ts", name: "markAllNotificationsReadAction", allowed: [...SIGNED_IN], rule: "the user's own notifications only" },
  { file: "lib/notifications/actions.ts", name: "saveNotificationPreferencesAction", allowed: [...SIGNED_IN], rule: "the user's own preferences only; an escalation cannot be off" },
];
