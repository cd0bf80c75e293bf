import type { RecordTraffickingScreenInput } from "@/lib/trafficking/schema";

/**
 * A trafficking screen as the form sends it once parsed: disclosure confirmed, one indicator and a finding that
 * raises the case's TRAFFICKING_INDICATORS flag. The only way that flag is recorded (lib/trafficking/mutations.ts).
 */
export function traffickingScreenInput(detentionId: string, overrides: Partial<RecordTraffickingScreenInput> = {}): RecordTraffickingScreenInput {
  return {
    detentionId,
    disclosureConfirmed: true,
    disclosureMethod: "IN_PERSON",
    interpreterLanguage: null,
    indicators: ["CONTROL_DOCUMENTS_HELD"],
    recruitmentNotes: null,
    controlNotes: "Employer keeps the passport",
    debtNotes: null,
    conditionsNotes: null,
    threatsNotes: null,
    marriageNotes: null,
    outcome: "INDICATORS_OF_TRAFFICKING",
    ...overrides,
  };
}
