/**
 * A catalogue message as the plain template it was written as ("Plan version {version}"), whichever form the
 * catalogue holds it in: the JSON text (vitest, the worker under tsx), or the form next-intl's plugin precompiles it
 * to inside Next's build (next.config.js: a string, or an array of text and `[argument]` parts). For the few readers
 * that fill a template themselves instead of formatting it through next-intl (the hearing bundle's PDF). A message
 * with more than text and simple arguments (plural, select, a tag) has no plain template: that throws.
 */
export function plainTemplate(message: unknown, key: string): string {
  if (typeof message === "string") return message;
  if (Array.isArray(message)) {
    return message
      .map((part: unknown) => {
        if (typeof part === "string") return part;
        if (Array.isArray(part) && part.length === 1 && typeof part[0] === "string") return `{${part[0]}}`;
        throw new Error(`The message ${key} is not a plain template.`);
      })
      .join("");
  }
  throw new Error(`The message ${key} is not a plain template.`);
}

/** Every message of a namespace (one level, as the hearing bundle's label sets are) as its plain template. */
export function plainTemplates(messages: unknown, namespace: string): Record<string, string> {
  if (typeof messages !== "object" || messages === null) throw new Error(`No messages under ${namespace}.`);
  return Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, plainTemplate(message, `${namespace}.${key}`)]));
}
