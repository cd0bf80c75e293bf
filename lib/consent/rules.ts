/** Consent is recorded once it was given: a time in the future (beyond a little clock drift) is a typing mistake. */
export function givenAtIsPlausible(givenAt: Date, now: Date): boolean {
  return givenAt.getTime() <= now.getTime() + 5 * 60_000;
}
