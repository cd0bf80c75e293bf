import type { AppLocale } from "@/lib/i18n/locales";
import type { AtdMeasure, DetentionGround, PlanStatus, ProviderKind, ProviderService } from "@/lib/generated/prisma/enums";

/**
 * The hearing bundle: what the Immigration Division is given about a release plan, as data. Built by
 * loadHearingBundle (lib/bundle/queries.ts) under the reader's access, rendered by renderBundlePdf (lib/bundle/pdf.ts).
 *
 * What it holds is what the plan puts to the Division, and nothing of the CBSA office's own working file: there is
 * no field here for the CLO's risk opinion, for screening flags (trafficking indicators or any other), for notes,
 * for a referral's packet, messages or decline reason. A field that is not in this type cannot reach the PDF.
 */
export type BundleModel = {
  locale: AppLocale;
  /** Liaison's case reference: also the file name, so a saved or forwarded file never carries the name. */
  reference: string;
  /**
   * The person as the Division files them: name and CBSA's client identifier (UCI). The Division's registry files a
   * detention review by the person, not by Liaison's reference, which it has never seen; nothing else about the person
   * (date of birth, citizenship, gender, languages) is needed to match the bundle to the hearing.
   */
  person: { givenName: string; familyName: string; clientId: string | null };
  facility: { name: string; timeZone: string };
  plan: {
    version: number;
    status: PlanStatus;
    /** When the plan was last changed (the version's date). */
    versionAt: Date;
    measures: AtdMeasure[];
    residenceAddress: string | null;
    residenceDetails: string | null;
    proposedConditions: string | null;
  };
  /** Each ground of detention (IRPA s.58(1)), with the concern the assessment records and the plan's mitigation. */
  grounds: { ground: DetentionGround; concern: string | null; mitigation: string | null }[];
  /** IRPR s.47: the vetting of each proposed guarantor as recorded by the case team. */
  bondspersons: {
    name: string;
    relationship: string;
    amountCents: number | null;
    citizenOrPermanentResident: boolean;
    residesInCanada: boolean;
    noGuaranteeInDefault: boolean;
    confirmed: boolean;
  }[];
  /** Referrals a program accepted (or whose intake is complete): the program and when it answered. */
  acceptedReferrals: { programName: string; kind: ProviderKind; services: ProviderService[]; acceptedAt: Date | null }[];
  /**
   * The documents shared with the case team that the bundle lists in its index (lib/bundle/queries.ts). When absent
   * (the layout's tests), the builder adds no index section; it never lists anything it was not given.
   */
  documents?: { title: string; kind: string; attachedTo: string | null; addedAt: Date }[];
  generatedAt: Date;
};
