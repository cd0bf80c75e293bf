/**
 * Demo data: fictional people and organisations, shaped like CBSA's detention statistics
 * (docs/domain.md: median 3-4 days, average 11-26 days, a long tail past 99 days).
 *
 * Idempotent: every record is keyed on a natural unique key (organisation kind+name, e-mail, facility
 * name, case reference), so running it twice creates nothing new. Children of a detention are created
 * only together with it. Deterministic: a seeded generator picks names and stages.
 *
 * Only ever run on the embedded database or by an explicit `npm run db:seed` (see scripts/).
 *
 * Lifecycle events are made by the app's own domain functions, not written as rows, so the demo shows what the app
 * really does: a case is created detained, then its release or removal is recorded with recordOutcome
 * (lib/outcomes/mutations.ts) by a CLO of the office, and its transfers with recordTransfer (lib/transfers). Those
 * modules are "server-only": whatever runs the seed under tsx passes `--conditions=react-server` (package.json,
 * playwright.config.ts, the e2e database helpers), and prisma/seed/outside-next.ts covers any other runner.
 */
import "@/prisma/seed/outside-next";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { computeReviewSchedule, type ReviewInput } from "@/lib/reviews/rules";
import { recordOutcomeSchema } from "@/lib/outcomes/schema";
import { buildPacket } from "@/lib/referrals/packet";
import { instantToWallClock } from "@/lib/time/facility-clock";
import type { Actor } from "@/lib/authz";
import type { Transaction } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type {
  AtdMeasure,
  ConsentField,
  DetentionGround,
  Gender,
  NeedArea,
  OrganizationKind,
  PlanStatus,
  ProviderService,
  ReferralStatus,
  ReviewKind,
  Role,
  VulnerabilityFlag,
} from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "Liaison-demo-2026";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ------------------------------------------------------------------------------------------ organisations

type OfficeSeed = { key: "TOR" | "MTL" | "VAN"; name: string; region: string; timeZone: string };
export const OFFICES: OfficeSeed[] = [
  { key: "TOR", name: "CBSA Greater Toronto Area Region", region: "Greater Toronto Area", timeZone: "America/Toronto" },
  { key: "MTL", name: "CBSA Quebec Region", region: "Quebec", timeZone: "America/Toronto" },
  { key: "VAN", name: "CBSA Pacific Region", region: "Pacific", timeZone: "America/Vancouver" },
];

const FACILITIES = [
  { name: "Toronto Immigration Holding Centre", kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Toronto", office: "TOR" },
  { name: "Central East Correctional Centre", kind: "PROVINCIAL_CORRECTIONAL", timeZone: "America/Toronto", office: "TOR" },
  { name: "Laval Immigration Holding Centre", kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Toronto", office: "MTL" },
  { name: "Surrey Immigration Holding Centre", kind: "IMMIGRATION_HOLDING_CENTRE", timeZone: "America/Vancouver", office: "VAN" },
  { name: "Fraser Regional Correctional Centre", kind: "PROVINCIAL_CORRECTIONAL", timeZone: "America/Vancouver", office: "VAN" },
] as const;

type ProviderSeed = {
  name: string;
  kind: "CCMS_CONTRACTED" | "COMMUNITY";
  region: string;
  timeZone: string;
  description: string;
  services: ProviderService[];
  servesGenders: Gender[];
  sogieAffirming?: boolean;
  familiesWithChildren?: boolean;
  minors?: boolean;
  mentalHealthSupport?: boolean;
  substanceUseSupport?: boolean;
  riskLevelsAccepted: ("LOW" | "MEDIUM" | "HIGH")[];
  languages: string[];
  spacesTotal: number;
  spacesOpen: number;
};

const ALL_GENDERS: Gender[] = ["FEMALE", "MALE", "NON_BINARY", "OTHER", "UNDISCLOSED"];

// 3 contracted CCMS programs and 10 community organisations (the release-first design reaches beyond the contracted few).
export const PROVIDERS: ProviderSeed[] = [
  { name: "Northgate Community Supervision", kind: "CCMS_CONTRACTED", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Contracted community case management and supervision: reporting, referrals, residence.", services: ["SUPERVISION", "REPORTING", "HOUSING", "EMPLOYMENT"], servesGenders: ["MALE", "FEMALE"], riskLevelsAccepted: ["LOW", "MEDIUM", "HIGH"], languages: ["English", "Spanish", "Punjabi"], spacesTotal: 40, spacesOpen: 2 },
  { name: "Supervision communautaire du Fleuve", kind: "CCMS_CONTRACTED", region: "Quebec", timeZone: "America/Toronto", description: "Programme contractuel de gestion de cas et de supervision dans la communauté.", services: ["SUPERVISION", "REPORTING", "HOUSING"], servesGenders: ["MALE", "FEMALE"], riskLevelsAccepted: ["LOW", "MEDIUM", "HIGH"], languages: ["French", "English", "Arabic"], spacesTotal: 25, spacesOpen: 0 },
  { name: "Pacific Bridge Supervision", kind: "CCMS_CONTRACTED", region: "Pacific", timeZone: "America/Vancouver", description: "Contracted case management with voice reporting support and electronic monitoring coordination.", services: ["SUPERVISION", "REPORTING", "SUBSTANCE_USE"], servesGenders: ["MALE", "FEMALE"], substanceUseSupport: true, riskLevelsAccepted: ["MEDIUM", "HIGH"], languages: ["English", "Mandarin", "Tagalog"], spacesTotal: 30, spacesOpen: 5 },
  { name: "Harbour House Women's Shelter", kind: "COMMUNITY", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Shelter and trauma support for women and their children, including survivors of gender-based violence.", services: ["HOUSING", "TRAUMA_SUPPORT", "FAMILY_SUPPORT"], servesGenders: ["FEMALE"], familiesWithChildren: true, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["English", "French", "Somali", "Farsi"], spacesTotal: 18, spacesOpen: 3 },
  { name: "Rainbow Newcomer Network", kind: "COMMUNITY", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Peer support, housing search and settlement for LGBTQ+ newcomers.", services: ["HOUSING", "SETTLEMENT", "MENTAL_HEALTH"], servesGenders: ALL_GENDERS, sogieAffirming: true, mentalHealthSupport: true, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["English", "Spanish", "Russian", "Arabic"], spacesTotal: 10, spacesOpen: 4 },
  { name: "Cedar Residential Mental Health Program", kind: "COMMUNITY", region: "Pacific", timeZone: "America/Vancouver", description: "Supported residential program for adults living with serious mental illness.", services: ["HOUSING", "MENTAL_HEALTH", "MEDICAL"], servesGenders: ALL_GENDERS, mentalHealthSupport: true, riskLevelsAccepted: ["LOW", "MEDIUM", "HIGH"], languages: ["English", "Punjabi", "Cantonese"], spacesTotal: 12, spacesOpen: 1 },
  { name: "Family Welcome Centre", kind: "COMMUNITY", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Housing and settlement support that keeps families with children together.", services: ["HOUSING", "FAMILY_SUPPORT", "SETTLEMENT"], servesGenders: ALL_GENDERS, familiesWithChildren: true, minors: true, riskLevelsAccepted: ["LOW"], languages: ["English", "French", "Tigrinya", "Dari"], spacesTotal: 15, spacesOpen: 2 },
  { name: "Maison d'accueil francophone", kind: "COMMUNITY", region: "Quebec", timeZone: "America/Toronto", description: "Hébergement et accompagnement en français pour les personnes nouvellement arrivées.", services: ["HOUSING", "SETTLEMENT", "LEGAL_SUPPORT"], servesGenders: ALL_GENDERS, sogieAffirming: true, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["French", "Lingala", "Wolof", "Haitian Creole"], spacesTotal: 20, spacesOpen: 6 },
  { name: "Westside Recovery Housing", kind: "COMMUNITY", region: "Pacific", timeZone: "America/Vancouver", description: "Recovery housing with substance-use counselling.", services: ["HOUSING", "SUBSTANCE_USE"], servesGenders: ["MALE", "NON_BINARY"], substanceUseSupport: true, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["English", "Spanish"], spacesTotal: 16, spacesOpen: 0 },
  { name: "Montreal Refugee Housing Collective", kind: "COMMUNITY", region: "Quebec", timeZone: "America/Toronto", description: "Transitional housing for refugee claimants.", services: ["HOUSING", "SETTLEMENT"], servesGenders: ALL_GENDERS, familiesWithChildren: true, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["French", "English", "Spanish", "Arabic"], spacesTotal: 22, spacesOpen: 3 },
  { name: "Scarborough Settlement Hub", kind: "COMMUNITY", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Settlement, employment and documents help; can act as reporting support.", services: ["SETTLEMENT", "EMPLOYMENT", "REPORTING"], servesGenders: ALL_GENDERS, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["English", "Tamil", "Urdu", "Tagalog"], spacesTotal: 30, spacesOpen: 12 },
  { name: "Safe Passage Anti-Trafficking Network", kind: "COMMUNITY", region: "Greater Toronto Area", timeZone: "America/Toronto", description: "Specialised support for survivors of trafficking and exploitation: confidential shelter, counselling, income support and exit plans.", services: ["ANTI_TRAFFICKING", "HOUSING", "TRAUMA_SUPPORT", "EMPLOYMENT"], servesGenders: ALL_GENDERS, riskLevelsAccepted: ["LOW", "MEDIUM"], languages: ["English", "Spanish", "Tagalog", "Romanian"], spacesTotal: 8, spacesOpen: 2 },
  { name: "Coast Newcomer Family Services", kind: "COMMUNITY", region: "Pacific", timeZone: "America/Vancouver", description: "Family support, child care connections and mental-health counselling for newcomer families.", services: ["FAMILY_SUPPORT", "MENTAL_HEALTH", "SETTLEMENT"], servesGenders: ALL_GENDERS, familiesWithChildren: true, minors: true, mentalHealthSupport: true, riskLevelsAccepted: ["LOW"], languages: ["English", "Korean", "Farsi", "Arabic"], spacesTotal: 14, spacesOpen: 2 },
];

const LEGAL_ORGS = [
  { name: "Downtown Refugee Law Clinic", region: "Greater Toronto Area", timeZone: "America/Toronto" },
  { name: "Marchand Immigration Law", region: "Quebec", timeZone: "America/Toronto" },
];
const ADMIN_ORG = { name: "Liaison Service Desk", region: "National", timeZone: "America/Toronto" };

type UserSeed = { email: string; name: string; role: Role; org: string; locale?: "en" | "fr" };

/** Demo accounts, all with DEMO_PASSWORD. Listed in the README and printed when the embedded database is seeded. */
export const DEMO_USERS: UserSeed[] = [
  { email: "clo.toronto@liaison.example", name: "Dana Whitfield", role: "CLO", org: OFFICES[0]!.name },
  { email: "clo2.toronto@liaison.example", name: "Ravi Menon", role: "CLO", org: OFFICES[0]!.name },
  { email: "clo.montreal@liaison.example", name: "Sophie Tremblay", role: "CLO", org: OFFICES[1]!.name, locale: "fr" },
  { email: "clo.vancouver@liaison.example", name: "Marcus Lee", role: "CLO", org: OFFICES[2]!.name },
  { email: "supervisor.toronto@liaison.example", name: "Helen Okafor", role: "SUPERVISOR", org: OFFICES[0]!.name },
  { email: "supervisor.montreal@liaison.example", name: "Luc Gagnon", role: "SUPERVISOR", org: OFFICES[1]!.name, locale: "fr" },
  { email: "supervisor.vancouver@liaison.example", name: "Priya Sandhu", role: "SUPERVISOR", org: OFFICES[2]!.name },
  { email: "caseworker.harbour@liaison.example", name: "Grace Mensah", role: "NGO_CASEWORKER", org: "Harbour House Women's Shelter" },
  { email: "caseworker.rainbow@liaison.example", name: "Alex Moreau", role: "NGO_CASEWORKER", org: "Rainbow Newcomer Network" },
  { email: "caseworker.northgate@liaison.example", name: "Tom Brennan", role: "NGO_CASEWORKER", org: "Northgate Community Supervision" },
  { email: "caseworker.maison@liaison.example", name: "Aminata Diallo", role: "NGO_CASEWORKER", org: "Maison d'accueil francophone", locale: "fr" },
  { email: "counsel.clinic@liaison.example", name: "Nadia Haddad", role: "COUNSEL", org: LEGAL_ORGS[0]!.name },
  { email: "counsel.marchand@liaison.example", name: "Julien Marchand", role: "COUNSEL", org: LEGAL_ORGS[1]!.name, locale: "fr" },
  { email: "admin@liaison.example", name: "Sam Ortiz", role: "ADMIN", org: ADMIN_ORG.name },
  { email: "admin2@liaison.example", name: "Morgan Clarke", role: "ADMIN", org: ADMIN_ORG.name },
];

// ------------------------------------------------------------------------------------------ people (fictional)

export const GIVEN_NAMES: [string, Gender][] = [
  ["Amara", "FEMALE"], ["Bilal", "MALE"], ["Carmen", "FEMALE"], ["Dawit", "MALE"], ["Elena", "FEMALE"], ["Farid", "MALE"],
  ["Gloria", "FEMALE"], ["Hassan", "MALE"], ["Ines", "FEMALE"], ["Jean-Baptiste", "MALE"], ["Kemi", "FEMALE"], ["Luis", "MALE"],
  ["Mariam", "FEMALE"], ["Nikolai", "MALE"], ["Olga", "FEMALE"], ["Pedro", "MALE"], ["Quynh", "FEMALE"], ["Rashid", "MALE"],
  ["Samira", "FEMALE"], ["Tenzin", "NON_BINARY"], ["Ulises", "MALE"], ["Valentina", "FEMALE"], ["Wei", "MALE"], ["Yasmin", "FEMALE"],
  ["Zoran", "MALE"], ["Adaeze", "FEMALE"], ["Bao", "NON_BINARY"], ["Cyrus", "MALE"], ["Dina", "FEMALE"], ["Emeka", "MALE"],
];
export const FAMILY_NAMES = [
  "Abebe", "Barzani", "Castillo", "Dlamini", "Estrada", "Fofana", "Guerrero", "Haidari", "Ibrahim", "Jovanovic", "Kamara", "Lopez",
  "Mensah", "Nguyen", "Okonkwo", "Petrov", "Quispe", "Rahimi", "Sesay", "Tadesse", "Umarov", "Vargas", "Wanjiru", "Yilmaz",
  "Zelaya", "Achterberg", "Balogun", "Cárdenas", "Demir", "Eze",
];
const LANGUAGES = [
  { languages: ["Spanish"], citizenship: "MEX" },
  { languages: ["Amharic", "English"], citizenship: "ETH" },
  { languages: ["Dari", "Farsi"], citizenship: "AFG" },
  { languages: ["French", "Lingala"], citizenship: "COD" },
  { languages: ["Haitian Creole", "French"], citizenship: "HTI" },
  { languages: ["Arabic"], citizenship: "SYR" },
  { languages: ["Tigrinya"], citizenship: "ERI" },
  { languages: ["Mandarin"], citizenship: "CHN" },
  { languages: ["Russian"], citizenship: "RUS" },
  { languages: ["English", "Yoruba"], citizenship: "NGA" },
  { languages: ["Turkish", "Kurdish"], citizenship: "TUR" },
  { languages: ["Tamil", "English"], citizenship: "LKA" },
];

// ------------------------------------------------------------------------------------------ deterministic randomness

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof mulberry32>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// ------------------------------------------------------------------------------------------ case stages

/**
 * The stage each demo case is in. Lengths of detention follow CBSA's bands: most released within days,
 * a tail into months. 60 cases in all, split across the three offices.
 */
type Stage =
  | { kind: "NEW"; hoursAgo: number }
  | { kind: "AWAITING_SEVEN_DAY"; hoursAgo: number }
  | { kind: "LONG_TERM"; daysAgo: number }
  | { kind: "RELEASED"; daysAgo: number; lengthHours: number }
  | { kind: "REMOVED"; daysAgo: number; lengthHours: number }
  | { kind: "DFN"; daysAgo: number };

const STAGES: Stage[] = [
  // New: detained in the last two days, first review pending (some overdue past 48 h to show the alarm).
  ...[3, 9, 14, 20, 27, 33, 41, 50].map((hoursAgo) => ({ kind: "NEW" as const, hoursAgo })),
  // First review held, awaiting the 7-day review.
  ...[56, 64, 70, 84, 100, 110, 120, 140, 160, 190].map((hoursAgo) => ({ kind: "AWAITING_SEVEN_DAY" as const, hoursAgo })),
  // Held past several reviews.
  ...[10, 14, 21, 35, 48, 66, 90, 130, 180, 250].map((daysAgo) => ({ kind: "LONG_TERM" as const, daysAgo })),
  // Released, lengths by CBSA band: <=24 h, 25-48 h, 3-9 d, 10-39 d, 40-99 d, >99 d.
  ...[10, 16, 20, 22, 18, 12, 8, 23].map((lengthHours, i) => ({ kind: "RELEASED" as const, daysAgo: 5 + i * 3, lengthHours })),
  ...[30, 36, 40, 44, 47].map((lengthHours, i) => ({ kind: "RELEASED" as const, daysAgo: 8 + i * 4, lengthHours })),
  ...[3, 4, 4, 5, 6, 8, 9].map((days, i) => ({ kind: "RELEASED" as const, daysAgo: 20 + i * 5, lengthHours: days * 24 + 5 })),
  ...[12, 17, 25, 38].map((days, i) => ({ kind: "RELEASED" as const, daysAgo: 45 + i * 10, lengthHours: days * 24 + 3 })),
  ...[52, 75].map((days, i) => ({ kind: "RELEASED" as const, daysAgo: 100 + i * 30, lengthHours: days * 24 })),
  { kind: "RELEASED", daysAgo: 200, lengthHours: 130 * 24 },
  // Removed from Canada.
  ...[2, 6, 15].map((days, i) => ({ kind: "REMOVED" as const, daysAgo: 30 + i * 20, lengthHours: days * 24 + 7 })),
  // Designated foreign nationals (IRPA s.57.1 schedule).
  { kind: "DFN", daysAgo: 9 },
  { kind: "DFN", daysAgo: 40 },
];

type DemoContext = {
  prisma: PrismaClient;
  now: Date;
  random: Random;
  officeIds: Record<OfficeSeed["key"], string>;
  facilities: { id: string; name: string; timeZone: string; office: OfficeSeed["key"] }[];
  usersByEmail: Map<string, { id: string; role: Role; organizationId: string }>;
  providers: { id: string; organizationId: string; name: string; region: string }[];
};

// ------------------------------------------------------------------------------------------ seeding

async function upsertOrganization(prisma: PrismaClient, kind: OrganizationKind, name: string, region: string, timeZone: string) {
  return prisma.organization.upsert({
    where: { kind_name: { kind, name } },
    update: {},
    create: { kind, name, region, timeZone },
    select: { id: true },
  });
}

export type SeedSummary = { created: number; existing: number };

export async function seedDemo(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const random = mulberry32(20261124);

  const officeIds = {} as Record<OfficeSeed["key"], string>;
  for (const office of OFFICES) {
    officeIds[office.key] = (await upsertOrganization(prisma, "CBSA_OFFICE", office.name, office.region, office.timeZone)).id;
  }
  const organizationIds = new Map<string, string>(OFFICES.map((office) => [office.name, officeIds[office.key]]));
  for (const legal of LEGAL_ORGS) organizationIds.set(legal.name, (await upsertOrganization(prisma, "LEGAL", legal.name, legal.region, legal.timeZone)).id);
  organizationIds.set(ADMIN_ORG.name, (await upsertOrganization(prisma, "OTHER_NGO", ADMIN_ORG.name, ADMIN_ORG.region, ADMIN_ORG.timeZone)).id);

  const providers: DemoContext["providers"] = [];
  for (const provider of PROVIDERS) {
    const { id: organizationId } = await upsertOrganization(prisma, "SERVICE_PROVIDER", provider.name, provider.region, provider.timeZone);
    organizationIds.set(provider.name, organizationId);
    const { name, timeZone: _zone, ...profile } = provider;
    const created = await prisma.serviceProvider.upsert({
      where: { organizationId },
      update: {},
      create: {
        organizationId,
        ...profile,
        contactName: "Intake desk",
        contactEmail: `intake@${name.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}.example`,
        contactPhone: "+1 555 0100",
        capacityUpdatedAt: new Date(now.getTime() - 3 * DAY),
      },
      select: { id: true },
    });
    // The specialised (anti-trafficking) provider is for people with indicators only: the demo's rotation of referrals
    // across each region's providers leaves it out, so no demo person is referred there without a reason.
    if (!provider.services.includes("ANTI_TRAFFICKING")) providers.push({ id: created.id, organizationId, name, region: provider.region });
  }

  const facilities: DemoContext["facilities"] = [];
  for (const facility of FACILITIES) {
    const row = await prisma.facility.upsert({
      where: { name: facility.name },
      update: {},
      create: { name: facility.name, kind: facility.kind, timeZone: facility.timeZone, officeId: officeIds[facility.office] },
      select: { id: true },
    });
    facilities.push({ id: row.id, name: facility.name, timeZone: facility.timeZone, office: facility.office });
  }

  const usersByEmail: DemoContext["usersByEmail"] = new Map();
  for (const user of DEMO_USERS) {
    const organizationId = organizationIds.get(user.org);
    if (!organizationId) throw new Error(`Demo user's organisation is missing: ${user.org}`);
    const existing = await prisma.user.findUnique({ where: { email: user.email }, select: { id: true, role: true, organizationId: true } });
    const row =
      existing ??
      (await prisma.user.create({
        data: { email: user.email, name: user.name, role: user.role, organizationId, locale: user.locale ?? "en", passwordHash: await hashPassword(DEMO_PASSWORD) },
        select: { id: true, role: true, organizationId: true },
      }));
    usersByEmail.set(user.email, row);
  }

  const context: DemoContext = { prisma, now, random, officeIds, facilities, usersByEmail, providers };
  const summary: SeedSummary = { created: 0, existing: 0 };
  const counters: Record<OfficeSeed["key"], number> = { TOR: 0, MTL: 0, VAN: 0 };
  for (const [index, stage] of STAGES.entries()) {
    // Roughly half the cases in Toronto, a quarter each in Montreal and Vancouver.
    const office: OfficeSeed["key"] = index % 4 === 1 ? "MTL" : index % 4 === 3 ? "VAN" : "TOR";
    counters[office] += 1;
    const reference = `${office}-${String(now.getUTCFullYear()).slice(2)}-${String(counters[office]).padStart(4, "0")}`;
    const created = await seedCase(context, { index, ordinal: counters[office], stage, office, reference });
    if (created) summary.created += 1;
    else summary.existing += 1;
  }
  await seedTransfers(context);
  await seedTraffickingScreen(context);
  await (await import("@/prisma/seed/complaints")).seedComplaints(prisma, now);
  await (await import("@/prisma/seed/outreach")).seedOutreach(prisma, now);
  await (await import("@/prisma/seed/policy")).seedPolicyAndTargets(prisma, now);
  await (await import("@/prisma/seed/families")).seedFamilies(prisma, now);
  return summary;
}

// ------------------------------------------------------------------------------------------ transfers

/**
 * Transfers between facilities, made by the app's own domain function (lib/transfers/mutations.ts recordTransfer) as
 * a seeded CLO, on the seed's client: one within the Toronto office (the Central East Correctional Centre to the
 * holding centre), and one hand-off across offices and time zones (a Vancouver case to the Laval holding centre, so
 * the Quebec office receives it unassigned and its review clock takes the days after the move in Toronto's zone).
 * Each is made once: a case that already has a transfer is left as it is.
 */
const DEMO_TRANSFERS: { office: OfficeSeed["key"]; ordinal: number; cloEmail: string; to: (typeof FACILITIES)[number]["name"]; daysAfterDetention: number }[] = [
  { office: "TOR", ordinal: 11, cloEmail: "clo.toronto@liaison.example", to: "Toronto Immigration Holding Centre", daysAfterDetention: 3 },
  { office: "VAN", ordinal: 5, cloEmail: "clo.vancouver@liaison.example", to: "Laval Immigration Holding Centre", daysAfterDetention: 5 },
];

/** A demo account as the Actor its session would be (as tests/support/actors.ts builds one), for domain functions. */
async function demoActor(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, role: true, organization: { select: { id: true, kind: true, name: true } } } });
  return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: user.organization.id, organizationKind: user.organization.kind, organizationName: user.organization.name };
}

async function seedTransfers(context: DemoContext): Promise<void> {
  // Imported here, not at the top: what reads only the demo's names and accounts (the e2e teardown's log check, the
  // README's account list) loads no server module.
  const { recordTransfer } = await import("@/lib/transfers/mutations");
  const { prisma, now } = context;
  const year = String(now.getUTCFullYear()).slice(2);
  // The seed's own client opens the transaction: the transfers land in the database being seeded.
  const onSeedClient = <T>(work: (tx: Transaction) => Promise<T>) => prisma.$transaction((tx) => work(tx as unknown as Transaction));
  for (const transfer of DEMO_TRANSFERS) {
    const reference = `${transfer.office}-${year}-${String(transfer.ordinal).padStart(4, "0")}`;
    const detention = await prisma.detention.findUnique({
      where: { reference },
      select: { id: true, version: true, status: true, detainedAt: true, facility: { select: { timeZone: true } }, _count: { select: { transfers: true } } },
    });
    if (!detention || detention.status !== "DETAINED" || detention._count.transfers > 0) continue;
    const destination = context.facilities.find((facility) => facility.name === transfer.to)!;
    const at = new Date(detention.detainedAt.getTime() + transfer.daysAfterDetention * DAY);
    if (at.getTime() > now.getTime()) continue;
    const local = instantToWallClock(at, detention.facility.timeZone);
    const actor = await demoActor(prisma, transfer.cloEmail);
    const result = await recordTransfer(
      actor,
      { detentionId: detention.id, version: detention.version, toFacilityId: destination.id, transferredOn: local.date, transferredAtTime: local.time },
      now,
      onSeedClient,
    );
    if (!result.ok) throw new Error(`Demo transfer of ${reference} refused: ${result.reason}`);
  }
}

/**
 * One trafficking screen, recorded by the app's own domain function (lib/trafficking/mutations.ts) as the assigned CLO
 * of the first case with the trafficking flag and no counsel of record (a Vancouver case in the demo): so the demo shows
 * the screen to that CLO (and the office's supervisors) and not to the other CLOs of the office. Made once.
 */
async function seedTraffickingScreen(context: DemoContext): Promise<void> {
  const { recordTraffickingScreen } = await import("@/lib/trafficking/mutations");
  const { prisma, now } = context;
  const onSeedClient = <T>(work: (tx: Transaction) => Promise<T>) => prisma.$transaction((tx) => work(tx as unknown as Transaction));
  const detention = await prisma.detention.findFirst({
    where: { assignedCloId: { not: null }, detainee: { counselId: null }, screening: { flags: { some: { flag: "TRAFFICKING_INDICATORS" } } } },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, traffickingScreens: { select: { id: true }, take: 1 }, assignedClo: { select: { email: true } } },
  });
  if (!detention || detention.traffickingScreens.length > 0 || !detention.assignedClo) return;
  const actor = await demoActor(prisma, detention.assignedClo.email);
  const result = await recordTraffickingScreen(
    actor,
    {
      detentionId: detention.id,
      disclosureConfirmed: true,
      disclosureMethod: "IN_PERSON",
      interpreterLanguage: "Tagalog",
      indicators: ["RECRUITMENT_FEES", "CONTROL_DOCUMENTS_HELD", "DEBT_UNPAYABLE", "CONDITIONS_HOUSING_CONTROLLED"],
      recruitmentNotes: "Paid an agent abroad for a caregiver job that turned out to be cleaning work.",
      controlNotes: "The employer kept the passport 'for safekeeping'.",
      debtNotes: "Told the agent's fee is repaid from wages; the amount owed has not gone down.",
      conditionsNotes: null,
      threatsNotes: null,
      marriageNotes: null,
      outcome: "INDICATORS_OF_TRAFFICKING",
    },
    now,
    onSeedClient,
  );
  if (!result.ok) throw new Error(`Demo trafficking screen of ${detention.reference} refused: ${result.reason}`);
}

type CaseSpec = { index: number; ordinal: number; stage: Stage; office: OfficeSeed["key"]; reference: string };

function stageTimes(stage: Stage, now: Date): { detainedAt: Date; endedAt: Date | null } {
  switch (stage.kind) {
    case "NEW":
    case "AWAITING_SEVEN_DAY":
      return { detainedAt: new Date(now.getTime() - stage.hoursAgo * HOUR), endedAt: null };
    case "LONG_TERM":
    case "DFN":
      return { detainedAt: new Date(now.getTime() - stage.daysAgo * DAY - 5 * HOUR), endedAt: null };
    case "RELEASED":
    case "REMOVED": {
      const detainedAt = new Date(now.getTime() - stage.daysAgo * DAY - stage.lengthHours * HOUR);
      return { detainedAt, endedAt: new Date(detainedAt.getTime() + stage.lengthHours * HOUR) };
    }
  }
}

type SeedReview = { kind: ReviewKind; dueBy: Date; startedOn: Date; concludedOn: Date; outcome: "CONTINUED" | "RELEASE_ORDERED" | "ADJOURNED"; early: boolean };

/** Reviews held on time from detention until `until`, each before the deadline the clock gives for it. */
function simulateReviews(input: { detainedAt: Date; timeZone: string; schedule: "STANDARD" | "DESIGNATED_FOREIGN_NATIONAL"; until: Date; releasedByReview: boolean; random: Random }) {
  const reviews: SeedReview[] = [];
  for (let guard = 0; guard < 40; guard += 1) {
    const asInput: ReviewInput[] = reviews.map((review) => ({ startedOn: review.startedOn, concludedOn: review.concludedOn, outcome: review.outcome, early: review.early }));
    const { next } = computeReviewSchedule({ detainedAt: input.detainedAt, timeZone: input.timeZone, schedule: input.schedule, reviews: asInput, now: input.until });
    if (!next) break;
    // Hearings usually happen a little before the deadline (a few hours for the 48-hour review, a day or two after).
    const lead = next.kind === "FORTY_EIGHT_HOUR" ? (4 + input.random() * 10) * HOUR : (1 + input.random() * 2) * DAY;
    const startedOn = new Date(Math.max(input.detainedAt.getTime() + 20 * HOUR, next.dueBy.getTime() - lead));
    if (startedOn >= input.until) break;
    const adjourned = reviews.length >= 2 && input.random() < 0.1;
    reviews.push({ kind: next.kind, dueBy: next.dueBy, startedOn, concludedOn: new Date(startedOn.getTime() + 2 * HOUR), outcome: adjourned ? "ADJOURNED" : "CONTINUED", early: false });
  }
  const last = reviews[reviews.length - 1];
  if (input.releasedByReview && last) last.outcome = "RELEASE_ORDERED";
  return reviews;
}

const FLAG_SETS: VulnerabilityFlag[][] = [
  [], [], ["MENTAL_HEALTH"], [], ["MEDICAL", "LANGUAGE_BARRIER"], ["SOGIE"], [], ["SEPARATED_FROM_CHILD"], ["GBV_SURVIVOR"],
  [], ["NO_COMMUNITY_TIES"], ["MINOR_HOUSED"], [], ["PREGNANCY", "MEDICAL"], ["ELDERLY", "DISABILITY"], ["TRAFFICKING_INDICATORS"], [], ["MENTAL_HEALTH", "NO_COMMUNITY_TIES"],
];
const GROUND_SETS: DetentionGround[][] = [
  ["UNLIKELY_TO_APPEAR"], ["UNLIKELY_TO_APPEAR"], ["IDENTITY_NOT_ESTABLISHED"], ["DANGER_TO_PUBLIC", "UNLIKELY_TO_APPEAR"],
  ["UNLIKELY_TO_APPEAR"], ["SECURITY_OR_CRIMINALITY_INVESTIGATION"], ["UNLIKELY_TO_APPEAR", "IDENTITY_NOT_ESTABLISHED"],
];
const MITIGATIONS: Record<DetentionGround, string> = {
  DANGER_TO_PUBLIC: "Residential program with 24-hour staff, treatment conditions and weekly reporting.",
  UNLIKELY_TO_APPEAR: "Bondsperson with a performance bond, fixed residence and voice reporting twice a week.",
  SECURITY_OR_CRIMINALITY_INVESTIGATION: "Reporting weekly in person and a condition to attend every interview the Minister requests.",
  IDENTITY_NOT_ESTABLISHED: "Identity documents requested from family abroad; the person signed the consulate forms.",
  DESIGNATED_FN_IDENTITY: "Cooperation with identity interviews and documents from the home country's civil registry.",
};
const NEED_AREAS: NeedArea[] = ["HOUSING", "PHYSICAL_HEALTH", "MENTAL_HEALTH", "FAMILY_AND_COMMUNITY_TIES", "INCOME", "DOCUMENTS", "LEGAL_REPRESENTATION", "TRANSPORT"];

function planStatusFor(stage: Stage, index: number): PlanStatus | null {
  switch (stage.kind) {
    case "NEW":
      return index % 3 === 0 ? "DRAFTING" : null;
    case "AWAITING_SEVEN_DAY":
      return (["DRAFTING", "READY", "DRAFTING", "PRESENTED"] as const)[index % 4]!;
    case "LONG_TERM":
      return (["NOT_ACCEPTED", "DRAFTING", "READY", "PRESENTED", "RELEASE_ORDERED", "WITHDRAWN"] as const)[index % 6]!;
    case "RELEASED":
      // The plan as it stood at the decision; recording the release moves it to RELEASED (recordOutcome).
      return index % 3 === 0 ? null : "RELEASE_ORDERED";
    case "REMOVED":
      return index % 2 === 0 ? "WITHDRAWN" : null;
    case "DFN":
      return "DRAFTING";
  }
}

const REFERRAL_CYCLE: ReferralStatus[] = ["SENT", "UNDER_REVIEW", "ACCEPTED", "WAITLISTED", "DECLINED", "WITHDRAWN", "INTAKE_COMPLETE", "DRAFT"];
const PACKET_FIELDS: ConsentField[] = ["IDENTITY", "CONTACT_AND_LANGUAGE", "DETENTION_FACTS", "REVIEW_DATES", "NEEDS", "RELEASE_PLAN"];

async function seedCase(context: DemoContext, spec: CaseSpec): Promise<boolean> {
  const { prisma, now, random, usersByEmail } = context;
  if (await prisma.detention.findUnique({ where: { reference: spec.reference }, select: { id: true } })) return false;

  const { stage, index, office } = spec;
  const officeFacilities = context.facilities.filter((facility) => facility.office === office);
  // Offices alternate with the index, so spread by the office's own case count, not the raw index.
  const officeOrdinal = spec.ordinal;
  const facility = officeFacilities[officeOrdinal % officeFacilities.length]!;
  const { detainedAt, endedAt } = stageTimes(stage, now);
  const schedule = stage.kind === "DFN" ? "DESIGNATED_FOREIGN_NATIONAL" : "STANDARD";
  const grounds: DetentionGround[] = stage.kind === "DFN" ? ["DESIGNATED_FN_IDENTITY"] : GROUND_SETS[index % GROUND_SETS.length]!;
  const flags = FLAG_SETS[index % FLAG_SETS.length]!;

  const officeClos = [...usersByEmail.entries()].filter(([, user]) => user.role === "CLO" && user.organizationId === context.officeIds[office]).map(([, user]) => user);
  const assignedClo = index % 7 === 6 ? null : officeClos[officeOrdinal % officeClos.length]!;
  const actorId = assignedClo?.id ?? officeClos[0]!.id;
  const counselEmail = office === "MTL" ? "counsel.marchand@liaison.example" : "counsel.clinic@liaison.example";
  const counselId = office !== "VAN" && Math.floor(index / 4) % 2 === 0 ? usersByEmail.get(counselEmail)!.id : null;

  const [givenName, gender] = GIVEN_NAMES[index % GIVEN_NAMES.length]!;
  const familyName = FAMILY_NAMES[(index * 7) % FAMILY_NAMES.length]!;
  const language = LANGUAGES[index % LANGUAGES.length]!;
  const dateOfBirth = new Date(Date.UTC(1960 + ((index * 13) % 45), (index * 5) % 12, 1 + ((index * 11) % 28)));

  const until = endedAt ?? now;
  // New cases await their first review: past 48 hours it is overdue, which the demo should show.
  const reviews = stage.kind === "NEW" ? [] : simulateReviews({ detainedAt, timeZone: facility.timeZone, schedule, until, releasedByReview: false, random });
  // A person released after a review was released by the ID's order at that review; before any, by an officer (IRPA s.56(1)).
  const releasedByReview = stage.kind === "RELEASED" && reviews.length > 0;
  if (releasedByReview) reviews.at(-1)!.outcome = "RELEASE_ORDERED";
  const status = stage.kind === "RELEASED" ? "RELEASED" : stage.kind === "REMOVED" ? "REMOVED" : "DETAINED";
  // Created detained, as intake does; the clock as it stood before the end, which recordOutcome then closes.
  const clock = computeReviewSchedule({
    detainedAt,
    timeZone: facility.timeZone,
    schedule,
    reviews: reviews.map(({ startedOn, concludedOn, outcome, early }) => ({ startedOn, concludedOn, outcome, early })),
    releasedAt: null,
    now: until,
  });

  // Assessment: most cases past their first day have one; release-first means interviews in most of them.
  const hasAssessment = stage.kind !== "NEW" || index % 2 === 0;
  const interviewed = index % 5 !== 4;
  const assessmentCompletedAt = hasAssessment && (stage.kind !== "NEW" || index % 4 === 0) ? new Date(Math.min(until.getTime(), detainedAt.getTime() + (flags.length ? 30 : 20 + (index % 9) * 12) * HOUR)) : null;
  const planStatus = planStatusFor(stage, index);
  const measures: AtdMeasure[] = index % 2 === 0 ? ["BONDSPERSON", "RESIDENCE_CONDITION", "VOICE_REPORTING"] : ["COMMUNITY_PROGRAM", "IN_PERSON_REPORTING"];
  const residenceAddress = index % 2 === 0 ? "With a sibling, in the city where the office sits" : null;
  const proposedConditions = "Reside at the approved address; report weekly; attend every hearing and interview.";

  const detentionId = await prisma.$transaction(async (tx) => {
    const detainee = await tx.detainee.create({
      data: {
        givenName,
        familyName,
        dateOfBirth,
        gender,
        languages: language.languages,
        interpreterNeeded: !language.languages.includes("English") && !language.languages.includes("French"),
        interpreterLanguage: language.languages.includes("English") || language.languages.includes("French") ? null : language.languages[0],
        citizenship: language.citizenship,
        clientId: `DEMO-${String(1000 + index)}`,
      },
      select: { id: true },
    });
    const detention = await tx.detention.create({
      data: {
        reference: spec.reference,
        detaineeId: detainee.id,
        officeId: context.officeIds[office],
        facilityId: facility.id,
        detainedAt,
        grounds,
        schedule,
        assignedCloId: assignedClo?.id ?? null,
        nextReviewKind: clock.next?.kind ?? null,
        nextReviewDueBy: clock.next?.dueBy ?? null,
        reviewNeedsCheck: clock.next?.needsCheck ?? false,
        noProspectReason: stage.kind === "LONG_TERM" && index % 6 === 0 ? "Removal is scheduled; the person has asked to leave and no plan is wanted." : null,
        noProspectRevisitOn: stage.kind === "LONG_TERM" && index % 6 === 0 ? new Date(now.getTime() + 14 * DAY) : null,
        reviews: {
          create: reviews.map((review) => ({ kind: review.kind, dueBy: review.dueBy, scheduledFor: review.startedOn, startedOn: review.startedOn, concludedOn: review.concludedOn, outcome: review.outcome, early: review.early, location: "Immigration Division, by video" , byVideo: true })),
        },
      },
      select: { id: true },
    });

    if (flags.length > 0) {
      await tx.screening.create({
        data: {
          detentionId: detention.id,
          recordedById: actorId,
          flags: {
            create: flags.map((flag) => ({
              flag,
              details: flag === "MINOR_HOUSED" ? "A child of 6 is housed with the parent at the parent's request." : null,
              consentRecordedAt: flag === "TRAFFICKING_INDICATORS" ? new Date(detainedAt.getTime() + 10 * HOUR) : null,
            })),
          },
        },
      });
    }

    if (hasAssessment) {
      await tx.assessment.create({
        data: {
          detentionId: detention.id,
          authorId: actorId,
          interviewAt: interviewed ? new Date(detainedAt.getTime() + 16 * HOUR) : null,
          interviewMode: interviewed ? (index % 3 === 0 ? "VIDEO" : "IN_PERSON") : null,
          interviewLanguage: interviewed ? language.languages[0] : null,
          interpreterUsed: interviewed ? !language.languages.includes("English") : null,
          noInterviewReason: interviewed ? null : "The person was in hospital; the assessment used the hearings file and a call with counsel.",
          recommendedMeasures: measures,
          riskOpinion: "Low flight risk given family ties and counsel of record.",
          completedAt: assessmentCompletedAt,
          needs: { create: NEED_AREAS.filter((_, i) => (index + i) % 3 === 0).map((area) => ({ area, notes: "Discussed at interview." })) },
          grounds: { create: grounds.map((ground) => ({ ground, concern: "Raised by the hearings officer.", mitigation: MITIGATIONS[ground] })) },
        },
      });
    }

    if (planStatus) {
      const usesBondsperson = measures.includes("BONDSPERSON");
      const plan = await tx.releasePlan.create({
        data: {
          detentionId: detention.id,
          status: planStatus,
          measures,
          residenceAddress,
          proposedConditions,
          mitigations: { create: grounds.map((ground) => ({ ground, mitigation: MITIGATIONS[ground] })) },
          bondspersons: usesBondsperson
            ? {
                create: [
                  {
                    name: `${pick(random, ["Rosa", "Kwame", "Leila", "Victor"])} ${familyName}`,
                    relationship: pick(random, ["Sibling", "Cousin", "Friend from church"]),
                    phone: "+1 555 0199",
                    amountCents: 500_000,
                    citizenOrPermanentResident: true,
                    residesInCanada: true,
                    noGuaranteeInDefault: true,
                    confirmed: planStatus !== "DRAFTING",
                    proposedById: counselId ?? actorId,
                  },
                ],
              }
            : undefined,
        },
        select: { id: true, version: true },
      });
      await tx.releasePlanVersion.create({
        data: { planId: plan.id, version: plan.version, snapshot: { status: planStatus, measures }, changes: ["measures", ...grounds.map((ground) => `mitigations.${ground}`), "status"], changedById: actorId },
      });
    }

    // Obstacles to release, open and done.
    if (status === "DETAINED") {
      await tx.task.createMany({
        data: [
          { detentionId: detention.id, category: "PROPERTY_ACCESS", title: "Retrieve the phone from property to reach the proposed bondsperson", ownerId: actorId, createdById: actorId, dueAt: new Date(now.getTime() + ((index % 5) - 2) * DAY), status: index % 3 === 0 ? "DONE" : "OPEN", completedAt: index % 3 === 0 ? now : null },
          { detentionId: detention.id, category: index % 2 ? "DOCUMENTS" : "HOUSING", title: index % 2 ? "Request a copy of the birth certificate" : "Confirm a bed at the shelter", ownerId: actorId, createdById: actorId, dueAt: new Date(now.getTime() + (index % 4) * DAY), status: "OPEN" },
        ],
      });
    }

    // Referrals, with consent, to providers in the office's region; every status appears across the cases.
    if (stage.kind !== "NEW" || index % 2 === 0) {
      const region = OFFICES.find((o) => o.key === office)!.region;
      const regional = context.providers.filter((provider) => provider.region === region);
      const provider = regional[index % regional.length]!;
      const referralStatus = REFERRAL_CYCLE[index % REFERRAL_CYCLE.length]!;
      const consent = await tx.consent.create({
        data: {
          detaineeId: detainee.id,
          recipientOrgId: provider.organizationId,
          purpose: "Referral for release planning",
          fields: PACKET_FIELDS,
          method: language.languages.includes("English") || language.languages.includes("French") ? "WRITTEN" : "VERBAL_WITH_INTERPRETER",
          interpreterLanguage: language.languages.includes("English") || language.languages.includes("French") ? null : language.languages[0],
          givenAt: new Date(detainedAt.getTime() + 18 * HOUR),
          recordedById: actorId,
        },
        select: { id: true },
      });
      const sent = referralStatus !== "DRAFT";
      await tx.referral.create({
        data: {
          detentionId: detention.id,
          providerId: provider.id,
          consentId: consent.id,
          status: referralStatus,
          declineReason: referralStatus === "DECLINED" ? "NO_CAPACITY" : null,
          packetFields: planStatus ? PACKET_FIELDS : PACKET_FIELDS.filter((field) => field !== "RELEASE_PLAN"),
          // The packet as the app builds it at sending (lib/referrals/packet.ts), so every section listed as shared
          // is there: the review dates as the clock stood, the plan when there is one.
          packet: buildPacket(
            {
              detainee: {
                givenName,
                familyName,
                dateOfBirth,
                languages: language.languages,
                interpreterNeeded: !language.languages.includes("English") && !language.languages.includes("French"),
                interpreterLanguage: language.languages.includes("English") || language.languages.includes("French") ? null : language.languages[0]!,
              },
              detention: { facilityName: facility.name, timeZone: facility.timeZone, detainedAt, grounds, nextReviewKind: clock.next?.kind ?? null, nextReviewDueBy: clock.next?.dueBy ?? null },
              flags: [],
              needs: NEED_AREAS.filter((_, i) => (index + i) % 3 === 0).map((area) => ({ area, notes: null })),
              releasePlan: planStatus ? { measures, residenceAddress, residenceDetails: null, proposedConditions } : null,
              riskOpinion: null,
            },
            planStatus ? PACKET_FIELDS : PACKET_FIELDS.filter((field) => field !== "RELEASE_PLAN"),
            PACKET_FIELDS,
          ),
          createdById: actorId,
          sentAt: sent ? new Date(detainedAt.getTime() + 20 * HOUR) : null,
          respondedAt: ["ACCEPTED", "WAITLISTED", "DECLINED", "INTAKE_COMPLETE"].includes(referralStatus) ? new Date(detainedAt.getTime() + 30 * HOUR) : null,
          messages: sent ? { create: [{ authorId: actorId, body: "Referral sent; the person is available for an intake call this week." }] } : undefined,
        },
      });
    }

    if (counselId) {
      await tx.note.create({
        data: { detentionId: detention.id, authorId: counselId, authorOrgId: usersByEmail.get(counselEmail)!.organizationId, visibility: "OWN_ORGANISATION", body: "Privileged: instructions taken; client wants to pursue release to sister's home." },
      });
    }
    await tx.note.create({
      data: { detentionId: detention.id, authorId: actorId, authorOrgId: context.officeIds[office], visibility: "CASE_TEAM", body: "Initial contact made; interpreter booked for the interview." },
    });
    return detention.id;
  });

  // Counsel of record through the app's own gates and rules (lib/counsel/workflow.ts), never by writing
  // Detainee.counselId: most recorded by a CLO of the office, some asked for by counsel and confirmed by the CLO.
  // Loaded here, not at the top: the demo's names are also read where the database stack cannot load (Playwright's teardown).
  const { decideCounselRequestWith, recordCounselWith, requestCounselWith } = await import("@/lib/counsel/workflow");
  const clo = await seedActor(prisma, actorId);
  const at = new Date(detainedAt.getTime() + 12 * HOUR);
  if (counselId) {
    if (index % 3 === 1) {
      const counsel = await seedActor(prisma, counselId);
      expectOk(await prisma.$transaction((tx) => requestCounselWith(tx, counsel, { reference: spec.reference, familyName }, at)), spec.reference);
      const request = await prisma.counselOfRecord.findFirstOrThrow({ where: { requestDetentionId: detentionId, counselId, status: "REQUESTED" }, select: { id: true, version: true } });
      expectOk(await prisma.$transaction((tx) => decideCounselRequestWith(tx, clo, { detentionId, requestId: request.id, version: request.version, decision: "CONFIRM", reason: "" }, at)), spec.reference);
    } else {
      const { version } = await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { detainee: { select: { version: true } } } }).then((row) => row.detainee);
      expectOk(await prisma.$transaction((tx) => recordCounselWith(tx, clo, { kind: "ACCOUNT", detentionId, version, counselId }, at)), spec.reference);
    }
  } else if (office === "TOR" && index === PENDING_REQUEST_INDEX) {
    // One request waiting for the Toronto office, from counsel of another law office.
    const counsel = await seedActor(prisma, usersByEmail.get("counsel.marchand@liaison.example")!.id);
    expectOk(await prisma.$transaction((tx) => requestCounselWith(tx, counsel, { reference: spec.reference, familyName }, now)), spec.reference);
  }

  // Then the end of an ended case, recorded as the app records it (lib/outcomes/mutations.ts).
  if (endedAt && status !== "DETAINED") {
    const conditions =
      measures.includes("BONDSPERSON")
        ? { reportingMode: "VOICE", reportingFrequency: "WEEKLY", residenceAddress: "With a sibling, in the city where the office sits", bondspersonName: `${GIVEN_NAMES[(index + 3) % GIVEN_NAMES.length]![0]} ${familyName}`, bondAmount: "5000" }
        : { reportingMode: "IN_PERSON", reportingFrequency: "WEEKLY", otherConditions: "Attend the community program as arranged." };
    const fields =
      status === "RELEASED"
        ? releasedByReview
          ? { kind: "RELEASE", releaseType: "ID_ORDER_ON_CONDITIONS", ...conditions }
          : { kind: "RELEASE", releaseType: "CBSA_OFFICER_RELEASE", reportingMode: "IN_PERSON", reportingFrequency: "WEEKLY" }
        : { kind: "REMOVAL", decidedBy: "CBSA_OFFICER" };
    const { date, time } = instantToWallClock(endedAt, facility.timeZone);
    const input = recordOutcomeSchema.parse({ detentionId, detentionVersion: String((await prisma.detention.findUniqueOrThrow({ where: { id: detentionId }, select: { version: true } })).version), date, time, ...fields });
    // Loaded here, not at the top: the demo's names are also read where the database stack cannot load (Playwright's teardown).
    const { recordOutcome } = await import("@/lib/outcomes/mutations");
    const result = await recordOutcome(clo, input, now, (work) => prisma.$transaction((tx) => work(tx as never)));
    if (!result.ok) throw new Error(`The demo case ${spec.reference} could not be ended: ${result.reason}${"key" in result ? ` (${result.key})` : ""}`);
  }
  return true;
}

/** The demo case (a Toronto detention with no counsel of record) that keeps a counsel's request waiting for the office. */
const PENDING_REQUEST_INDEX = 12;

/** A demo user as the Actor the app's domain functions expect (no session: the seed's audit events carry a fresh id). */
async function seedActor(prisma: PrismaClient, userId: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, role: true, organization: { select: { id: true, kind: true, name: true } } } });
  return { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: user.organization.id, organizationKind: user.organization.kind, organizationName: user.organization.name };
}

function expectOk(result: { ok: boolean }, reference: string): void {
  if (!result.ok) throw new Error(`Demo counsel of record refused for ${reference}`);
}
