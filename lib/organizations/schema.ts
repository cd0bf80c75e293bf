import { z } from "zod";
import { isTimeZone } from "@/lib/time/facility-clock";

export const ORGANIZATION_KINDS = ["CBSA_OFFICE", "SERVICE_PROVIDER", "LEGAL", "OTHER_NGO"] as const;


export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  kind: z.enum(ORGANIZATION_KINDS, { message: "invalidChoice" }),
  region: z.string().trim().min(1, "required").max(120, "tooLong"),
  timeZone: z.string().trim().min(1, "required").max(64, "tooLong").refine(isTimeZone, "timeZone"),
});
