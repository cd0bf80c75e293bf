/**
 * The months of a time axis: every calendar month from the first to the last one with data, so that a month with
 * nothing recorded is a gap on the chart, not a month silently left out (which would space the others evenly and
 * make a year look like a quarter). Pure: tests/unit/report-months.test.ts.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-01" → the month after, "2026-02"; December rolls the year. */
function nextMonth(month: string): string {
  const [, year, number] = MONTH.exec(month)!;
  const index = Number(year) * 12 + Number(number); // the next month, counted from 0
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** At most this many months on one axis: a wider range is the filter's mistake, not a chart to draw month by month. */
export const MAX_AXIS_MONTHS = 120;

/**
 * The points on a continuous month axis: each month between the first and the last given (inclusive), with the value
 * given for it or null. Labels that are not months ("YYYY-MM") are ignored; so is an axis longer than MAX_AXIS_MONTHS
 * (the points are then returned in order, as given).
 */
export function monthSeries<T extends { label: string; value: number | null }>(points: readonly T[]): { label: string; value: number | null }[] {
  const months = points.filter((point) => MONTH.test(point.label)).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (months.length === 0) return [];
  const byMonth = new Map(months.map((point) => [point.label, point.value]));
  const series: { label: string; value: number | null }[] = [];
  for (let month = months[0]!.label; ; month = nextMonth(month)) {
    series.push({ label: month, value: byMonth.get(month) ?? null });
    if (month === months[months.length - 1]!.label) return series;
    if (series.length >= MAX_AXIS_MONTHS) return months.map((point) => ({ label: point.label, value: point.value }));
  }
}

/** Which labels of an axis of `count` ticks to print so that at most `room` fit: every k-th, always the last. */
export function labelledTicks(count: number, room: number): Set<number> {
  const step = Math.max(1, Math.ceil(count / Math.max(1, room)));
  const shown = new Set<number>();
  for (let index = 0; index < count; index += step) shown.add(index);
  if (count > 0) {
    shown.add(count - 1);
    // The last label must not sit on the one before it.
    const previous = count - 1 - ((count - 1) % step === 0 ? step : (count - 1) % step);
    if (step > 1 && count - 1 - previous < step) shown.delete(previous);
  }
  return shown;
}
