/** Builds "path?query" from the current parameters with some replaced; empty values are dropped. */
export function hrefWith(path: string, current: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined>): string {
  const merged = { ...current, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The first value of a search parameter. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
