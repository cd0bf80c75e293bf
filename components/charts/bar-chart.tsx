import { labelledTicks, monthSeries } from "@/lib/reports/months";

/**
 * A horizontal bar chart drawn as SVG on the server: no script, no CSP exception. It is an image with a
 * name; the same numbers are always in a table next to it (the accessible alternative).
 */
export function BarChart({ title, bars, max, format }: { title: string; bars: { label: string; value: number | null }[]; max?: number; format: (value: number) => string }) {
  // Each bar's label sits on its own line above the bar, across the chart's whole width: an office's or a CLO's
  // full name fits, where a column of labels beside the bars clipped them.
  const labelHeight = 18;
  const barHeight = 20;
  const gap = 10;
  const width = 640;
  const chartWidth = 520;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value ?? 0), 1);
  const row = labelHeight + barHeight + gap;
  const height = bars.length * row + gap;
  return (
    <figure className="my-4">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-3xl">
        {bars.map((bar, index) => {
          const y = gap + index * row;
          const barWidth = bar.value === null ? 0 : (bar.value / top) * chartWidth;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={0} y={y + 13} fontSize="13" fill="#0f172a">
                {bar.label.length > 80 ? `${bar.label.slice(0, 79)}…` : bar.label}
              </text>
              <rect x={0} y={y + labelHeight} width={barWidth} height={barHeight} fill="#0b4f6c" />
              <text x={barWidth + 6} y={y + labelHeight + barHeight * 0.72} fontSize="13" fill="#0f172a">
                {bar.value === null ? "—" : format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}

/**
 * A line chart over months (SVG, server-rendered); the table beside it carries the numbers. The axis is time: every
 * month from the first to the last is a tick, a month with nothing recorded is a gap in the line (lib/reports/months.ts),
 * and only as many month labels are printed as fit, the first and last aligned inside the frame.
 */
export function LineChart({ title, points: given, format }: { title: string; points: { label: string; value: number | null }[]; format: (value: number) => string }) {
  const points = monthSeries(given);
  const width = 640;
  const height = 220;
  const left = 48;
  const right = 16;
  const bottom = 28;
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const top = Math.max(...values, 1);
  const x = (index: number) => left + (points.length <= 1 ? (width - left - right) / 2 : (index / (points.length - 1)) * (width - left - right));
  const y = (value: number) => height - bottom - (value / top) * (height - bottom - 16);
  // One polyline per run of months with a value: a missing month breaks the line.
  const runs: string[][] = [];
  points.forEach((point, index) => {
    if (point.value === null) return;
    const previous = points[index - 1];
    if (index === 0 || !previous || previous.value === null || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(`${x(index)},${y(point.value)}`);
  });
  // "2026-11" is about 48 units wide at this size: leave room between labels.
  const labelled = labelledTicks(points.length, Math.floor((width - left - right) / 64));
  const anchor = (index: number) => (points.length > 1 && index === 0 ? "start" : points.length > 1 && index === points.length - 1 ? "end" : "middle");
  return (
    <figure className="my-4">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-3xl">
        <line x1={left} y1={height - bottom} x2={width - 8} y2={height - bottom} stroke="#64748b" />
        <line x1={left} y1={8} x2={left} y2={height - bottom} stroke="#64748b" />
        <text x={left - 6} y={16} textAnchor="end" fontSize="12" fill="#0f172a">{format(top)}</text>
        <text x={left - 6} y={height - bottom} textAnchor="end" fontSize="12" fill="#0f172a">{format(0)}</text>
        {runs.map((run, index) => (run.length > 1 ? <polyline key={`run-${index}`} points={run.join(" ")} fill="none" stroke="#0b4f6c" strokeWidth="2.5" /> : null))}
        {points.map((point, index) =>
          point.value === null ? null : <circle key={point.label} cx={x(index)} cy={y(point.value)} r="4" fill="#0b4f6c" />,
        )}
        {points.map((point, index) => (
          <g key={`tick-${point.label}`}>
            <line x1={x(index)} y1={height - bottom} x2={x(index)} y2={height - bottom + 4} stroke="#64748b" />
            {labelled.has(index) && (
              <text x={x(index)} y={height - 8} textAnchor={anchor(index)} fontSize="12" fill="#0f172a">
                {point.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}
