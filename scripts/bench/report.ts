// One line per budget: the figure next to its budget, PASS or FAIL. Informational lines
// (no budget) explain a figure; they never fail the run.

export type Figure = {
  name: string;
  /** The measured figure, already formatted with its unit. */
  shown: string;
  /** The budget in words, e.g. "≤ 85 KB"; undefined for an informational line. */
  budget?: string;
  pass?: boolean;
  note?: string;
};

export function budget(name: string, shown: string, limit: string, pass: boolean, note?: string) {
  return { name, shown, budget: limit, pass, note } satisfies Figure;
}

export function info(name: string, shown: string, note?: string): Figure {
  return { name, shown, note };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function max(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Repeated runs of a figure: "median (runs: a, b, c)". */
export function runs(values: readonly number[], format: (value: number) => string): string {
  return `${format(median(values))} (runs: ${values.map(format).join(", ")})`;
}

export function printSection(title: string, figures: readonly Figure[]): void {
  console.log(`\n## ${title}`);
  for (const figure of figures) {
    const verdict = figure.budget === undefined ? "info" : figure.pass ? "PASS" : "FAIL";
    const limit = figure.budget === undefined ? "" : `  (budget ${figure.budget})`;
    console.log(`  [${verdict}] ${figure.name}: ${figure.shown}${limit}`);
    if (figure.note) console.log(`         ${figure.note}`);
  }
}

export function failures(figures: readonly Figure[]): Figure[] {
  return figures.filter((figure) => figure.budget !== undefined && !figure.pass);
}

/** How many times each repeated figure is measured (BENCH_REPEATS, default 3). */
export const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

export async function repeat<T>(body: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < REPEATS; run += 1) results.push(await body(run));
  return results;
}

export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en")}/s`;
