import { z } from "zod";
import { detaineeFieldsSchema, detentionFieldsSchema, personSearchSchema } from "@/lib/detentions/schema";
import { paragraphText } from "@/lib/validation/text";

/**
 * Corrections and merges. The facts are validated exactly as intake validates them (lib/detentions/schema.ts: real
 * dates, a date of birth not in the future, a detention time not in the future, the UCI's format), so a correction can
 * never store what intake would refuse; the data layer adds what needs the clock and the database (the facility's
 * zone, the release, the reviews). Messages are catalogue keys: `correctionValidation` first, then `validation`.
 */

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);
/** Why the record was wrong: required, kept with the correction (never in the audit event). */
const reason = paragraphText(1000).min(1, "reasonRequired");

/** Correct the person's details, from the case of one of their detentions (which scopes who may). */
export const correctPersonSchema = detaineeFieldsSchema.extend({ detentionId: uuid, detaineeVersion: version, reason });
export type CorrectPersonInput = z.infer<typeof correctPersonSchema>;

/** Correct the detention's details: the time (on the facility's clock), the facility entered at intake, the grounds, the schedule. */
export const correctDetentionSchema = detentionFieldsSchema.extend({ detentionId: uuid, version, reason });
export type CorrectDetentionInput = z.infer<typeof correctDetentionSchema>;

/** Merge a person recorded twice: the duplicate's detentions, consents and counsel of record move to the kept record. */
export const mergePeopleSchema = z
  .object({
    // The case the merge was opened from (its person is the kept record): where the supervisor goes back to.
    detentionId: uuid,
    keptId: uuid,
    keptVersion: version,
    duplicateId: uuid,
    duplicateVersion: version,
    reason,
    // The confirmation step: the supervisor ticks that they checked both records are the same person.
    confirmed: z.literal("on", { message: "mergeConfirm" }),
  })
  .refine((value) => value.keptId !== value.duplicateId, { path: ["duplicateId"], message: "mergeSamePerson" });
export type MergePeopleInput = z.infer<typeof mergePeopleSchema>;

/** The supervisor's search for the duplicate (within their office): the intake search's fields and checks. */
export const duplicateSearchSchema = personSearchSchema;
export type DuplicateSearch = z.infer<typeof duplicateSearchSchema>;
