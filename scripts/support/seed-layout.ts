/**
 * How `npm run seed:large` lays its history out. A database filled under another layout measures something else, so
 * the bench names its databases with this number (scripts/bench.ts) and fills new ones when it changes.
 *
 * Layout 2: a fixed national rate, so a larger seed is a longer past, not a fuller present. 500,000 detentions are a
 * decade of national history (issue 17), 50,000 one year; about 750 people are detained now at any size from 50,000
 * (1.5% of a smaller seed). Layout 1 spread every size over four years, so 500,000 held ten times 50,000's caseload.
 */
export const SEED_LAYOUT = 2;
export const DETENTIONS_PER_YEAR = 50_000;
export const DETAINED_NOW = 750;
/** The shortest history, for small seeds: three months. */
export const SHORTEST_HISTORY_DAYS = 90;
