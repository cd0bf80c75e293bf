import { z } from "zod";
import { pageSchema } from "@/lib/pagination";
import type { Gender, ProviderKind, ProviderService, RiskLevel } from "@/lib/generated/prisma/enums";
import { lineText, paragraphText } from "@/lib/validation/text";

export const PROVIDER_SERVICES = ["SUPERVISION", "REPORTING", "HOUSING", "MENTAL_HEALTH", "SUBSTANCE_USE", "MEDICAL", "EMPLOYMENT", "SETTLEMENT", "FAMILY_SUPPORT", "LEGAL_SUPPORT", "TRAUMA_SUPPORT", "ANTI_TRAFFICKING"] as const satisfies readonly ProviderService[];
export const GENDERS = ["FEMALE", "MALE", "NON_BINARY", "OTHER", "UNDISCLOSED"] as const satisfies readonly Gender[];
export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const satisfies readonly RiskLevel[];
export const PROVIDER_KINDS = ["COMMUNITY", "CCMS_CONTRACTED"] as const satisfies readonly ProviderKind[];
/** Who-it-serves switches, each a filter in the directory. */
export const SUPPORT_FILTERS = ["sogieAffirming", "familiesWithChildren", "minors", "mentalHealthSupport", "substanceUseSupport"] as const;
export type SupportFilter = (typeof SUPPORT_FILTERS)[number];

const yes = z.enum(["1"]).optional().catch(undefined);

/** The directory's query string (a GET form: works without JavaScript). Unknown values are ignored, never errors. */
export const providerListParamsSchema = z.object({
  // A search term with a control character (NUL cannot even reach PostgreSQL) is no search term.
  q: lineText(200).optional().catch(undefined),
  service: z.enum(PROVIDER_SERVICES).optional().catch(undefined),
  gender: z.enum(GENDERS).optional().catch(undefined),
  risk: z.enum(RISK_LEVELS).optional().catch(undefined),
  language: lineText(80).optional().catch(undefined),
  region: lineText(120).optional().catch(undefined),
  kind: z.enum(PROVIDER_KINDS).optional().catch(undefined),
  open: yes,
  sogieAffirming: yes,
  familiesWithChildren: yes,
  minors: yes,
  mentalHealthSupport: yes,
  substanceUseSupport: yes,
  page: pageSchema,
});
export type ProviderListParams = z.infer<typeof providerListParamsSchema>;

/** Repeated form fields (checkboxes) arrive as a string, an array, or nothing. */
export function manyOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(values, { message: "invalidChoice" })));
}

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, lineText(max).optional());
const optionalParagraph = (max: number) => z.preprocess(blankToUndefined, paragraphText(max).optional());
/** A number of spaces: a whole number from 0 to 100,000, each field with its own message (providerValidation). */
const count = (message: string) => z.coerce.number({ message }).int(message).min(0, message).max(100_000, message);

/** Languages typed as a comma-separated list ("French, Lingala"). */
const languageList = lineText(1000)
  .transform((value) => [...new Set(value.split(",").map((language) => language.trim()).filter((language) => language !== ""))]);

/** What a provider's own caseworkers may keep current (lib/authz/providers.ts). */
export const providerProfileSchema = z
  .object({
    description: optionalParagraph(2000),
    services: manyOf(PROVIDER_SERVICES),
    servesGenders: manyOf(GENDERS),
    sogieAffirming: checkbox,
    familiesWithChildren: checkbox,
    minors: checkbox,
    mentalHealthSupport: checkbox,
    substanceUseSupport: checkbox,
    riskLevelsAccepted: manyOf(RISK_LEVELS),
    languages: languageList,
    region: lineText(120).min(1, "required"),
    spacesTotal: count("spacesTotalNumber"),
    spacesOpen: count("spacesOpenNumber"),
    contactName: optionalText(200),
    contactEmail: optionalText(320).pipe(z.email("email").optional()),
    contactPhone: optionalText(40),
  })
  .refine((profile) => profile.spacesOpen <= profile.spacesTotal, { path: ["spacesOpen"], message: "spacesOpenAboveTotal" });
export type ProviderProfileInput = z.infer<typeof providerProfileSchema>;

export const updateProviderSchema = z.object({
  providerId: z.uuid({ message: "invalidChoice" }),
  version: z.coerce.number({ message: "invalid" }).int().min(1),
  kind: z.enum(PROVIDER_KINDS, { message: "invalidChoice" }).optional(),
});

export const createProviderSchema = z.object({
  name: lineText(200).min(1, "required"),
  kind: z.enum(PROVIDER_KINDS, { message: "invalidChoice" }),
});

/**
 * The provider forms: the head (what the provider is) and its profile arrive in one flat form. Both halves are parsed
 * (each reports its own fields) and the profile is handed on as one object, as the data layer takes it.
 */
export const createProviderFormSchema = createProviderSchema.and(providerProfileSchema).transform(({ name, kind, ...profile }) => ({ name, kind, profile }));
export const updateProviderFormSchema = updateProviderSchema.and(providerProfileSchema).transform(({ providerId, version, kind, ...profile }) => ({ providerId, version, kind, profile }));
