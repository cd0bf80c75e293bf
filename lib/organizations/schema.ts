import { z } from "zod";
import { isTimeZone } from "@/lib/time/facility-clock";
import { lineText } from "@/lib/validation/text";

export const ORGANIZATION_KINDS = ["CBSA_OFFICE", "SERVICE_PROVIDER", "LEGAL", "OTHER_NGO"] as const;


export const createOrganizationSchema = z.object({
  name: lineText(200).min(1, "required"),
  kind: z.enum(ORGANIZATION_KINDS, { message: "invalidChoice" }),
  region: lineText(120).min(1, "required"),
  timeZone: lineText(64).min(1, "required").refine(isTimeZone, "timeZone"),
});
