"use server";

import { getTranslations } from "next-intl/server";
import { done, serverAction } from "@/lib/server-action";
import { postTeamMessageSchema } from "@/lib/team/schema";
import { postTeamMessage } from "@/lib/team/mutations";

export const postTeamMessageAction = serverAction({
  input: postTeamMessageSchema,
  run: postTeamMessage,
  // An audience the author may not choose (a provider without a pending or accepted referral, or without the
  // person's consent in force) is named on its field; the message was not posted.
  refused: async (refusal) => {
    if (refusal.reason === "NOT_FOUND") return null;
    const t = await getTranslations("caseTeam");
    const field = refusal.reason === "COUNSEL_NOT_ALLOWED" ? "counsel" : "providers";
    return { ok: false, error: t("errors.summary"), fieldErrors: { [field]: t(`errors.${refusal.reason}`) } };
  },
  succeeded: (result) => done([`/cases/${result.detentionId}`, ...(result.referralId ? [`/referrals/${result.referralId}`] : [])], "caseTeam", "sent"),
});
