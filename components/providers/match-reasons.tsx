import { getTranslations } from "next-intl/server";
import type { MatchReason } from "@/lib/providers/rules";

/** Why a provider is proposed, in words: "serves women; French; 2 spaces open". Misfits are said, not coloured. */
export async function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const t = await getTranslations("providerMatching");
  const tPacket = await getTranslations("referralPacket");
  const text = (reason: MatchReason): string => {
    switch (reason.key) {
      case "servesGender":
        return t("reasons.servesGender", { gender: t(`genderPlural.${reason.gender}`) });
      case "doesNotServeGender":
        return t("reasons.doesNotServeGender", { gender: t(`genderPlural.${reason.gender}`) });
      case "language":
        return reason.language;
      case "noSharedLanguage":
        return t("reasons.noSharedLanguage");
      case "sameRegion":
        return t("reasons.sameRegion", { region: reason.region });
      case "otherRegion":
        return t("reasons.otherRegion", { region: reason.region });
      case "meetsNeed":
        return t("reasons.meetsNeed", { need: tPacket(`needs.${reason.need}`) });
      case "support":
        return t(`reasons.support.${reason.support}`);
      case "spacesOpen":
        return t("reasons.spacesOpen", { count: reason.count });
      case "noSpaces":
        return t("reasons.noSpaces");
    }
  };
  const fits = reasons.filter((reason) => reason.fits).map(text);
  const misfits = reasons.filter((reason) => !reason.fits).map(text);
  return (
    <div className="text-sm">
      {fits.length > 0 && <p>{fits.join("; ")}</p>}
      {misfits.length > 0 && (
        <p className="text-slate-700">
          <span className="font-semibold">{t("butLabel")} </span>
          {misfits.join("; ")}
        </p>
      )}
    </div>
  );
}
