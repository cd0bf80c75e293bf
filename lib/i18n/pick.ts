/**
 * The part of a catalogue a set of namespaces names ("signIn", or a sub-namespace such as "admin.users"), nested as in
 * the catalogue, so `useTranslations(namespace)` reads it as it would the whole. A namespace the catalogue lacks
 * throws: a typo would otherwise show keys instead of text.
 */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: unknown = messages;
    let target = picked;
    path.forEach((key, index) => {
      if (typeof source !== "object" || source === null || !(key in source)) throw new Error(`No messages under "${namespace}".`);
      source = (source as Record<string, unknown>)[key];
      if (index === path.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as Record<string, unknown>;
    });
  }
  return picked;
}
