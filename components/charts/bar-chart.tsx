/**
 * A horizontal bar chart drawn as SVG on the server: no script, no CSP exception. It is an image with a
 * name; the same numbers are always in a table next to it (the accessible alternative).
 */
export function BarChart({ title, bars, max, format }: { title: string; bars: { label: string; value: number | null }[]; max?: number; format: (value: number) => string }) {
  const barHeight = 22;
  const gap = 8;
  const labelWidth = 220;
  const chartWidth = 360;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value ?? 0), 1);
  const height = bars.length * (barHeight + gap) + gap;
  return (
    <figure className="my-4">
      <svg role="img" aria-label={title} viewBox={`0 0 ${labelWidth + chartWidth + 80} ${height}`} className="w-full max-w-3xl">
        {bars.map((bar, index) => {
          const y = gap + index * (barHeight + gap);
          const width = bar.value === null ? 0 : (bar.value / top) * chartWidth;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={labelWidth - 8} y={y + barHeight * 0.7} textAnchor="end" fontSize="13" fill="#0f172a">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y} width={width} height={barHeight} fill="#0b4f6c" />
              <text x={labelWidth + width + 6} y={y + barHeight * 0.7} fontSize="13" fill="#0f172a">
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

/** A line chart over months (SVG, server-rendered); the table beside it carries the numbers. */
export function LineChart({ title, points, format }: { title: string; points: { label: string; value: number | null }[]; format: (value: number) => string }) {
  const width = 640;
  const height = 220;
  const left = 48;
  const bottom = 28;
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const top = Math.max(...values, 1);
  const x = (index: number) => left + (points.length <= 1 ? 0 : (index / (points.length - 1)) * (width - left - 16));
  const y = (value: number) => height - bottom - (value / top) * (height - bottom - 16);
  const path = points
    .map((point, index) => (point.value === null ? null : `${x(index)},${y(point.value)}`))
    .filter(Boolean)
    .join(" ");
  return (
    <figure className="my-4">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-3xl">
        <line x1={left} y1={height - bottom} x2={width - 8} y2={height - bottom} stroke="#64748b" />
        <line x1={left} y1={8} x2={left} y2={height - bottom} stroke="#64748b" />
        <text x={left - 6} y={16} textAnchor="end" fontSize="12" fill="#0f172a">{format(top)}</text>
        <text x={left - 6} y={height - bottom} textAnchor="end" fontSize="12" fill="#0f172a">{format(0)}</text>
        <polyline points={path} fill="none" stroke="#0b4f6c" strokeWidth="2.5" />
        {points.map((point, index) =>
          point.value === null ? null : <circle key={point.label} cx={x(index)} cy={y(point.value)} r="4" fill="#0b4f6c" />,
        )}
        {points.map((point, index) => (
          <text key={`label-${point.label}`} x={x(index)} y={height - 8} textAnchor="middle" fontSize="12" fill="#0f172a">
            {point.label}
          </text>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}
