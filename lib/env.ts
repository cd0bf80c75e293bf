import { z } from "zod";

/**
 * Environment variables, validated once. Documented in .env.example.
 * Parsed lazily so that `next build` (which imports server modules) needs no database.
 */
const mailFields = {
  // The app's public address: links in e-mails are built on it (never on a request's Host header).
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be the app's public http:// or https:// address." }).optional(),
  // E-mail (lib/notifications/email/settings.ts, mailer.ts): without SMTP_URL, notifications stay in the app.
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value), "SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:password@mail.example.org:587).")
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((value) => /^([^<>\p{Cc}]{0,100}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/u.test(value.trim()), "MAIL_FROM must be an address, e.g. Liaison <no-reply@liaison.example>.")
    .optional(),
};

/** An e-mail needs a sender and absolute links. */
function checkMail(environment: { SMTP_URL?: string; MAIL_FROM?: string; NEXTAUTH_URL?: string }, context: z.RefinementCtx) {
  if (environment.SMTP_URL && !environment.MAIL_FROM) context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "MAIL_FROM is required with SMTP_URL." });
  if (environment.SMTP_URL && !environment.NEXTAUTH_URL) context.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "NEXTAUTH_URL is required with SMTP_URL: e-mails link to it." });
}

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required: a postgresql:// connection string (npm start sets it for the embedded database)." })
      .refine((value) => /^postgres(ql)?:\/\//.test(value), "DATABASE_URL must start with postgresql:// or postgres://"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
    // Reverse proxies of our own in front of the app (scripts/support/app-server.ts): 0 takes the client address
    // from the socket; N takes the Nth entry from the right of X-Forwarded-For. Too high trusts client-written entries.
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "TRUSTED_PROXY_HOPS must be a whole number of proxies (0 when none)." })
      .int("TRUSTED_PROXY_HOPS must be a whole number of proxies (0 when none).")
      .min(0, "TRUSTED_PROXY_HOPS cannot be negative.")
      .max(10, "TRUSTED_PROXY_HOPS above 10 is surely a mistake.")
      .default(0),
    // Where document bytes are kept (lib/documents/storage.ts): PostgreSQL by default, or an S3-compatible bucket.
    DOCUMENT_STORAGE: z.enum(["postgresql", "s3"], { error: "DOCUMENT_STORAGE must be postgresql or s3." }).default("postgresql"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL, e.g. https://s3.ca-central-1.amazonaws.com" }).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, dots and hyphens).").optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    ...mailFields,
  })
  .superRefine((environment, context) => {
    if (environment.DOCUMENT_STORAGE === "s3") {
      for (const key of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!environment[key]) context.addIssue({ code: "custom", path: [key], message: `${key} is required when DOCUMENT_STORAGE=s3.` });
      }
      // Documents are people's papers: never sent in clear except to a store on this machine (a local MinIO for development).
      const endpoint = environment.S3_ENDPOINT ? new URL(environment.S3_ENDPOINT) : null;
      if (endpoint && endpoint.protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(endpoint.hostname)) {
        context.addIssue({ code: "custom", path: ["S3_ENDPOINT"], message: "S3_ENDPOINT must use https:// (http:// only for a store on this machine)." });
      }
    }
    // Production must never sign sessions with a guessable or missing secret.
    if (environment.NODE_ENV === "production" && !environment.NEXTAUTH_SECRET) {
      context.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is required in production." });
    }
    checkMail(environment, context);
  });

export type Environment = z.infer<typeof environmentSchema>;

const mailSchema = z.object(mailFields).superRefine(checkMail);
export type MailEnvironment = z.infer<typeof mailSchema>;

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`).join("\n");
}

/**
 * The e-mail settings alone: read wherever a notification is written, which includes the demo seed and scripts that
 * have no DATABASE_URL of their own (they hold a database client of their own).
 */
export function parseMailEnvironment(source: Record<string, string | undefined>): MailEnvironment {
  const result = mailSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid environment:\n${problemsOf(result.error)}`);
  return result.data;
}

let cachedMail: MailEnvironment | undefined;

export function mailEnv(): MailEnvironment {
  cachedMail ??= parseMailEnvironment(process.env);
  return cachedMail;
}

export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let cached: Environment | undefined;

export function env(): Environment {
  cached ??= parseEnvironment(process.env);
  return cached;
}
