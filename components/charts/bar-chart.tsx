import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { Table, Td, Th } from "@/components/ui";

export interface BarSeries {
  key: string;
  label: string;
  values: number[];
  /** Tailwind fill classes for both themes, e.g. "fill-sky-600 dark:fill-sky-400". */
  fill: string;
  /** The legend swatch's background classes, matching `fill`. */
  swatch: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 32 };

/**
 * Stacked bars per category, drawn on the server as SVG (visx scales and shapes: no chart
 * JavaScript reaches the browser). Each bar's exact figures are in its hover title, and the
 * same figures are in a table under the chart for screen readers and for copying.
 */
export function BarChart({ title, categories, categoryLabels, series, summary }: { title: string; categories: string[]; categoryLabels: string[]; series: BarSeries[]; summary: string }) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: categories, range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(Math.min(4, max)).filter((t) => Number.isInteger(t));
  // Every label fits up to ~16 bars; beyond that every other one.
  const labelEvery = categories.length > 16 ? 2 : 1;

  return (
    <figure>
      <figcaption className="sr-only">{title}</figcaption>
      {series.length > 1 && (
        <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400" aria-hidden>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full text-slate-500 dark:text-slate-400" role="img" aria-label={`${title}: ${summary}`}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} className="stroke-slate-200 dark:stroke-slate-800" />
              <text x={-6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
                {tick}
              </text>
            </g>
          ))}
          {categories.map((category, i) => {
            let base = innerHeight;
            const barX = x(category) ?? 0;
            return (
              <g key={category}>
                <title>{`${categoryLabels[i]}: ${series.map((s) => `${s.label} ${s.values[i] ?? 0}`).join(", ")}`}</title>
                {series.map((s) => {
                  const value = s.values[i] ?? 0;
                  if (value === 0) return null;
                  const top = y(value);
                  const height = innerHeight - top;
                  base -= height;
                  return <Bar key={s.key} x={barX} y={base} width={x.bandwidth()} height={height} className={s.fill} rx={1} />;
                })}
                {i % labelEvery === 0 && (
                  <text x={barX + x.bandwidth() / 2} y={innerHeight + 16} textAnchor="middle" fontSize={10} fill="currentColor">
                    {categoryLabels[i]}
                  </text>
                )}
              </g>
            );
          })}
        </Group>
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">Show the figures as a table</summary>
        <div className="mt-2">
          <Table caption={title}>
            <thead>
              <tr>
                <Th>Day</Th>
                {series.map((s) => (
                  <Th key={s.key} className="text-right">
                    {s.label}
                  </Th>
                ))}
                {series.length > 1 && <Th className="text-right">Total</Th>}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, i) => (
                <tr key={category}>
                  <Td>{categoryLabels[i]}</Td>
                  {series.map((s) => (
                    <Td key={s.key} className="text-right tabular-nums">
                      {s.values[i] ?? 0}
                    </Td>
                  ))}
                  {series.length > 1 && <Td className="text-right tabular-nums">{totals[i]}</Td>}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
