import { z } from "zod";
import { PlanStatus } from "@/lib/generated/prisma/enums";
import { ATD_MEASURES, DETENTION_GROUNDS, keyed, optionalLine, optionalText, repeated } from "@/lib/assessments/schema";
import { lineText } from "@/lib/validation/text";
import { dollarsToCents } from "@/lib/release-plans/rules";

const detentionId = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const createPlanSchema = z.object({ detentionId });

export const planFormSchema = z.object({
  detentionId,
  version,
  measures: repeated(z.enum(ATD_MEASURES, { message: "invalidChoice" })),
  residenceAddress: optionalText(500),
  residenceDetails: optionalText(2000),
  proposedConditions: optionalText(4000),
  ...keyed("mitigation", DETENTION_GROUNDS, 4000),
});
export type PlanForm = z.infer<typeof planFormSchema>;

export const bondspersonFormSchema = z
  .object({
    detentionId,
    /** The plan version the form was rendered from: adding, changing or removing a guarantor is a new plan version. */
    planVersion: version,
    /** Absent when adding a bondsperson. */
    bondspersonId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "invalidChoice" }).optional()),
    name: lineText(200).min(1, "required"),
    relationship: lineText(200).min(1, "required"),
    phone: optionalLine(50),
    email: optionalLine(320).pipe(z.email("email").nullable()),
    amount: z
      .string()
      .default("")
      .transform((text) => dollarsToCents(text))
      .refine((cents) => cents === null || Number.isFinite(cents), "amountFormat"),
    citizenOrPermanentResident: checkbox,
    residesInCanada: checkbox,
    noGuaranteeInDefault: checkbox,
    confirmed: checkbox,
  })
  .superRefine((form, context) => {
    // IRPR s.47: the CLO confirms a guarantor only once every eligibility check is ticked.
    if (form.confirmed && !(form.citizenOrPermanentResident && form.residesInCanada && form.noGuaranteeInDefault)) {
      context.addIssue({ code: "custom", path: ["confirmed"], message: "confirmRequiresChecks" });
    }
  });
export type BondspersonForm = z.infer<typeof bondspersonFormSchema>;

export const removeBondspersonSchema = z.object({ detentionId, planVersion: version, bondspersonId: z.uuid({ message: "invalidChoice" }) });
export type RemoveBondspersonForm = z.infer<typeof removeBondspersonSchema>;

export const planStatusSchema = z.object({ detentionId, version, to: z.enum(Object.values(PlanStatus), { message: "invalidChoice" }) });
export type PlanStatusForm = z.infer<typeof planStatusSchema>;
