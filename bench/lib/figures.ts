/**
 * Figures measured once per run, summarised by their median: one printed table (every run,
 * the median, the target, met or not) and the matching JSON for bench/results.
 */
import { median, printTable } from './report';

export interface Target {
  /** As printed, e.g. `≥ 50 %`. */
  text: string;
  met: (value: number) => boolean;
}

export interface Figure {
  label: string;
  /** One value per run; NaN where a run could not measure it. */
  values: number[];
  format: (value: number) => string;
  target?: Target;
}

export interface FigureSummary {
  label: string;
  values: number[];
  median: number;
  /** The median as printed, with its unit. */
  medianText: string;
  target: string | null;
  met: boolean | null;
}

function medianOf(values: number[]): number {
  const measured = values.filter((value) => Number.isFinite(value));
  return measured.length === 0 ? Number.NaN : median(measured);
}

export function summarise(figures: Figure[]): FigureSummary[] {
  return figures.map((figure) => {
    const middle = medianOf(figure.values);
    return {
      label: figure.label,
      values: figure.values,
      median: middle,
      medianText: Number.isFinite(middle) ? figure.format(middle) : 'n/a',
      target: figure.target?.text ?? null,
      met: figure.target && Number.isFinite(middle) ? figure.target.met(middle) : null,
    };
  });
}

export function printFigures(title: string, figures: Figure[]): FigureSummary[] {
  const summaries = summarise(figures);
  const runs = Math.max(...figures.map((figure) => figure.values.length));
  const show = (figure: Figure, value: number | undefined) =>
    value === undefined || !Number.isFinite(value) ? 'n/a' : figure.format(value);
  const runHeaders = runs > 1 ? Array.from({ length: runs }, (_, i) => `run ${i + 1}`) : [];
  printTable(
    title,
    ['figure', ...runHeaders, runs > 1 ? 'median' : 'value', 'target', 'met'],
    figures.map((figure, index) => {
      const summary = summaries[index]!;
      const perRun = runs > 1 ? figure.values.map((value) => show(figure, value)) : [];
      return [
        figure.label,
        ...perRun,
        show(figure, summary.median),
        summary.target ?? '-',
        summary.met === null ? '-' : summary.met ? 'yes' : 'NO',
      ];
    }),
  );
  return summaries;
}

export const fmt = {
  rps: (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`,
  ms: (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`,
  us: (value: number) => `${Math.round(value)} µs`,
  percent: (value: number) => `${value.toFixed(1)} %`,
  bytes: (value: number) => `${Math.round(value)} B`,
};

/** Other work on the machine skews every figure: each run records the load it started under. */
export function loadAverageFigure(values: number[]): Figure {
  return {
    label: 'machine load average (1 min) at run start',
    values,
    format: (value: number) => value.toFixed(2),
  };
}
