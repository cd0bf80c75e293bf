"use server";

import { fieldErrors } from "@/lib/action-result";
import { done, serverAction } from "@/lib/server-action";
import { linkFamilyMemberSchema, recordBestInterestsSchema, unlinkFamilyMemberSchema } from "@/lib/families/schema";
import { linkFamilyMember, recordBestInterests, unlinkFamilyMember, type FamilyLinkResult } from "@/lib/families/mutations";

const CASE_PAGE: [string, "page"] = ["/cases/[id]", "page"];

const linkRefused = (refusal: Extract<FamilyLinkResult, { ok: false }>) => {
  switch (refusal.reason) {
    case "OTHER_NOT_FOUND":
      return fieldErrors([{ field: "reference", key: "otherCaseNotFound" }], "familyValidation");
    case "SAME_CASE":
      return fieldErrors([{ field: "reference", key: "sameCase" }], "familyValidation");
    case "ALREADY_LINKED":
      return fieldErrors([{ field: "reference", key: "alreadyLinked" }], "familyValidation");
    case "IN_ANOTHER_FAMILY":
      return fieldErrors([{ field: "reference", key: "inAnotherFamily" }], "familyValidation");
    default:
      return null;
  }
};

export const linkFamilyMemberAction = serverAction({
  input: linkFamilyMemberSchema,
  validation: "familyValidation",
  run: linkFamilyMember,
  refused: linkRefused,
  succeeded: () => done([CASE_PAGE], "families", "linked"),
});

export const unlinkFamilyMemberAction = serverAction({
  input: unlinkFamilyMemberSchema,
  validation: "familyValidation",
  run: unlinkFamilyMember,
  succeeded: () => done([CASE_PAGE], "families", "unlinked"),
});

export const recordBestInterestsAction = serverAction({
  input: recordBestInterestsSchema,
  validation: "familyValidation",
  run: recordBestInterests,
  succeeded: () => done([CASE_PAGE], "families", "bestInterestsSaved"),
});
