/**
 * Field messages that name the field and say how to fix it ("Enter the date of birth, for example 1990-04-12").
 *
 * Schemas give catalogue keys as their messages: a kind of problem (`required`, `invalidChoice`, `date`, `tooLong`,
 * …) or a message of their own (`hearingLocation`). A message is built, in this order:
 * 1. a form's own message for its key (the feature's namespace, e.g. `reviewValidation.hearingLocation`), unless
 *    the key is one of the shared kinds of problem below;
 * 2. the field's name from `fields.{kind}.{field}` (the feature's namespace first, then `validation`), put into the
 *    template `about.{kind}.{key}` of the shared `validation` catalogue: a field is a `text`, a `choice`, a `date`
 *    or a `time`, and its kind says whether it is entered or chosen and what an example looks like;
 * 3. the shared message for the key (`validation.{key}`: a specific one such as `passwordTooShort`);
 * 4. the shared message for the kind of Zod issue (the generic fallback: "Enter a value.").
 * A field is named once per language in the catalogue, whatever form it appears on; a unit test
 * (tests/unit/field-messages.test.ts) fails when a form's field falls through to the generic step 4.
 */

/** What next-intl's translator offers that this needs (the server's `getTranslations` and `createTranslator` both do). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export type FieldIssue = { field: string; key: string; code?: string; values?: Record<string, string> };

export const FIELD_KINDS = ["date", "time", "choice", "text"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The keys that say what kind of problem a field has, not what it is: worded with the field's name. */
const SHARED_KINDS = new Set(["required", "invalidChoice", "tooShort", "tooLong", "invalidFormat", "invalid", "date", "time", "dateTime", "dateInFuture", "dateTooEarly", "dateTooLate", "controlCharacters", "email"]);

// Zod issue codes mapped to catalogue keys for issues whose schema gave no key of its own.
const ISSUE_KEYS: Record<string, string> = {
  invalid_type: "required",
  invalid_value: "invalidChoice",
  too_small: "tooShort",
  too_big: "tooLong",
  invalid_format: "invalidFormat",
};

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The field's name and kind, from the form's own catalogue first, then the shared one. */
export function fieldName(field: string, shared: Translate, own?: Translate | null): { kind: FieldKind; name: string; catalogue: Translate } | null {
  for (const catalogue of own ? [own, shared] : [shared]) {
    for (const kind of FIELD_KINDS) {
      if (catalogue.has(`fields.${kind}.${field}`)) return { kind, name: catalogue(`fields.${kind}.${field}`), catalogue };
    }
  }
  return null;
}

/** One issue's message in the translators' language. */
export function fieldMessage(issue: FieldIssue, shared: Translate, own?: Translate | null): string {
  if (!SHARED_KINDS.has(issue.key)) {
    if (own?.has(issue.key)) return own(issue.key, issue.values);
    if (shared.has(issue.key)) return shared(issue.key, issue.values);
  }
  // A key the schema did not set (Zod's own English text) reads as the kind of issue.
  const key = SHARED_KINDS.has(issue.key) ? issue.key : (ISSUE_KEYS[issue.code ?? ""] ?? "invalid");
  const named = fieldName(issue.field, shared, own);
  if (!named) return shared(key, issue.values);
  const example = named.catalogue.has(`examples.${issue.field}`)
    ? named.catalogue(`examples.${issue.field}`)
    : shared.has(`examples.${named.kind}`)
      ? shared(`examples.${named.kind}`)
      : "none";
  const template = shared.has(`about.${named.kind}.${key}`) ? `about.${named.kind}.${key}` : `about.${named.kind}.invalid`;
  return capitalised(shared(template, { ...issue.values, field: named.name, example }));
}

/** The messages of a refused form, one per field (the first issue of each). */
export function fieldMessages(issues: FieldIssue[], shared: Translate, own?: Translate | null): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    if (messages[issue.field]) continue;
    messages[issue.field] = fieldMessage(issue, shared, own);
  }
  return messages;
}
