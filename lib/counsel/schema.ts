import { z } from "zod";
import { lineText, paragraphText } from "@/lib/validation/text";

export const addCounselNoteSchema = z.object({
  detentionId: z.uuid({ message: "invalidChoice" }),
  body: paragraphText(8000).min(1, "required"),
});

export type AddCounselNoteInput = z.infer<typeof addCounselNoteSchema>;

// ------------------------------------------------------------------------------------------ counsel of record

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
const optionalLine = (max: number) =>
  lineText(max)
    .optional()
    .transform((value) => (value ? value : null));

/**
 * A CLO or supervisor records counsel of record for the person of a case: a Liaison counsel account, or an outside
 * lawyer by name with a way to reach them (a phone number or an e-mail address). `version` is the person's.
 */
export const recordCounselSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("ACCOUNT"), detentionId: uuid, version, counselId: uuid }),
    z
      .object({
        kind: z.literal("OUTSIDE"),
        detentionId: uuid,
        version,
        outsideName: lineText(200).min(1, "required"),
        outsideOrganization: optionalLine(200),
        outsidePhone: optionalLine(50),
        outsideEmail: optionalLine(320).pipe(z.email("email").nullable()),
      })
      .superRefine((form, context) => {
        // "Enter a value." on the phone field; the form says a phone number or an e-mail address will do.
        if (!form.outsidePhone && !form.outsideEmail) context.addIssue({ code: "custom", path: ["outsidePhone"], message: "required" });
      }),
  ],
  { message: "invalidChoice" },
);
export type RecordCounselInput = z.infer<typeof recordCounselSchema>;

/** Counsel asks to be recorded: the case reference and the person's family name, as counsel knows them. */
export const requestCounselSchema = z.object({
  reference: lineText(40).min(1, "required"),
  familyName: lineText(200).min(1, "required"),
});
export type RequestCounselInput = z.infer<typeof requestCounselSchema>;

/** The office decides a request: confirm, or decline with a reason (the reason is shown to the office only). */
export const decideCounselRequestSchema = z
  .object({
    detentionId: uuid,
    requestId: uuid,
    version,
    decision: z.enum(["CONFIRM", "DECLINE"], { message: "invalidChoice" }),
    reason: paragraphText(1000).optional().default(""),
  })
  .superRefine((form, context) => {
    if (form.decision === "DECLINE" && form.reason === "") context.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });
export type DecideCounselRequestInput = z.infer<typeof decideCounselRequestSchema>;

/** Counsel of record ends: the office ends it, or counsel withdraws; a reason is required. */
export const endCounselSchema = z.object({
  detentionId: uuid,
  recordId: uuid,
  version,
  reason: paragraphText(1000).min(1, "required"),
});
export type EndCounselInput = z.infer<typeof endCounselSchema>;
