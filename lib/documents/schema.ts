import { z } from "zod";
import { ATD_MEASURES, DETENTION_GROUNDS, repeated } from "@/lib/assessments/schema";
import { DOCUMENT_SHARINGS, MAX_DOCUMENT_BYTES } from "@/lib/documents/rules";

const uuid = z.uuid({ message: "invalidChoice" });

/**
 * The plan item a document is about, as the form sends it ("KIND:key"), parsed to the one column it sets. Blank:
 * the case itself. Whether the bondsperson or referral belongs to this case is checked against the database.
 */
export const planItemSchema = z
  .string()
  .default("")
  .transform((value, context) => {
    if (value === "") return null;
    const [kind, key, ...rest] = value.split(":");
    const fail = () => {
      context.addIssue({ code: "custom", message: "invalidChoice" });
      return z.NEVER;
    };
    if (rest.length > 0 || !key) return fail();
    if ((kind === "BONDSPERSON" || kind === "REFERRAL") && uuid.safeParse(key).success) return kind === "BONDSPERSON" ? { bondspersonId: key } : { referralId: key };
    if (kind === "MITIGATION" && (DETENTION_GROUNDS as string[]).includes(key)) return { mitigationGround: key as (typeof DETENTION_GROUNDS)[number] };
    if (kind === "MEASURE" && (ATD_MEASURES as string[]).includes(key)) return { measure: key as (typeof ATD_MEASURES)[number] };
    return fail();
  });
export type PlanItem = NonNullable<z.output<typeof planItemSchema>>;

/** The upload form's fields (the file itself is checked from its bytes: lib/documents/rules.ts decideDocumentType). */
export const uploadDocumentSchema = z
  .object({
    detentionId: uuid,
    sharing: z.enum(DOCUMENT_SHARINGS, { message: "invalidChoice" }),
    /** Provider organisations to share with (CASE_TEAM only), each within the person's consent in force. */
    providers: repeated(uuid).pipe(z.array(uuid).max(20, "tooMany")),
    planItem: planItemSchema,
    /** The name the browser sent: only a display name; sanitised, never trusted for the type. */
    fileName: z
      .string({ message: "fileRequired" })
      .max(1000, "tooLong")
      .refine((name) => !name.includes("\u0000"), "controlCharacters"),
    sizeBytes: z.number().int().min(1, "fileEmpty").max(MAX_DOCUMENT_BYTES, "fileTooLarge"),
  })
  .superRefine((form, context) => {
    if (form.sharing === "OWN_ORGANISATION" && form.providers.length > 0) {
      context.addIssue({ code: "custom", path: ["providers"], message: "providersNeedCaseTeam" });
    }
    if (new Set(form.providers).size !== form.providers.length) context.addIssue({ code: "custom", path: ["providers"], message: "invalidChoice" });
  });
export type UploadDocumentInput = z.infer<typeof uploadDocumentSchema>;

export const removeDocumentSchema = z.object({ detentionId: uuid, documentId: uuid });
export type RemoveDocumentInput = z.infer<typeof removeDocumentSchema>;

/** A document id in a URL. */
export const documentIdSchema = uuid;

