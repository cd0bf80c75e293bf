import { z } from "zod";

export const ORGANIZATION_KINDS = ["CBSA_OFFICE", "SERVICE_PROVIDER", "LEGAL", "OTHER_NGO"] as const;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  kind: z.enum(ORGANIZATION_KINDS, { message: "invalidChoice" }),
  region: z.string().trim().min(1, "required").max(120, "tooLong"),
  timeZone: z.string().trim().min(1, "required").max(64, "tooLong").refine(isTimeZone, "timeZone"),
});
