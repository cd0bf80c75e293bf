import { z } from "zod";
import { lineText } from "@/lib/validation/text";

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
  name: lineText(200).min(1, "required"),
  kind: z.enum(ORGANIZATION_KINDS, { message: "invalidChoice" }),
  region: lineText(120).min(1, "required"),
  timeZone: lineText(64).min(1, "required").refine(isTimeZone, "timeZone"),
});
