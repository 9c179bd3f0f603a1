import { loadavg } from "node:os";

// One line per budget: the figure next to its budget, PASS or FAIL, and the machine's load
// while it was measured. Informational lines (no budget) explain a figure; they never fail.

export type Figure = {
  name: string;
  /** The measured figure, already formatted with its unit. */
  shown: string;
  /** The budget in words, e.g. "≤ 85 KB"; undefined for an informational line. */
  budget?: string;
  pass?: boolean;
  note?: string;
  /** The 1-minute load average when the section started and when it ended. */
  load?: string;
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

/** The 1-minute load average now. */
export const loadNow = () => loadavg()[0] ?? Number.NaN;

export function printSection(title: string, figures: readonly Figure[]): void {
  console.log(`\n## ${title}`);
  for (const figure of figures) {
    const verdict = figure.budget === undefined ? "info" : figure.pass ? "PASS" : "FAIL";
    const limit = figure.budget === undefined ? "" : `  (budget ${figure.budget})`;
    const load = figure.budget === undefined || !figure.load ? "" : `  [load ${figure.load}]`;
    console.log(`  [${verdict}] ${figure.name}: ${figure.shown}${limit}${load}`);
    if (figure.note) console.log(`         ${figure.note}`);
  }
}

const clip = (text: string, length = 40) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** Every budget in one table, for reading the run at a glance. */
export function printSummary(figures: readonly Figure[]): void {
  const rows = figures
    .filter((figure) => figure.budget !== undefined)
    .map((figure) => [
      figure.pass ? "PASS" : "FAIL",
      figure.name.trim(),
      clip(figure.shown.replace(/ \(runs: .*\)$/, "")),
      figure.budget ?? "",
      figure.load ?? "",
    ]);
  const header = ["", "budget", "median", "limit", "load (1 min)"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log("\n## Summary\n");
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
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
