import fc from "fast-check";
import { sequenceArbitrary } from "./arbitraries";
import { runSequence, type GatewayPairs, type Mismatch } from "./run-sequence";
import type { Sequence } from "./vocabulary";

// The property: for every generated sequence, the real gateway and the mock record the same
// thing at every step. Seeded; a failure is shrunk to a minimal sequence and reported with the
// seed and path that replay exactly that sequence.

export type DifferentialOptions = {
  pairs: GatewayPairs;
  runs: number;
  seed: number;
  /** fast-check's replay path of a reported counterexample. */
  path?: string;
  maxOps?: number;
  /** Record every mismatch and go on, without shrinking (for surveys). */
  keepGoing?: boolean;
  onSequence?: (done: number, result: { steps: number; mismatch?: Mismatch }) => void;
};

export type DifferentialReport = {
  seed: number;
  sequences: number;
  steps: number;
  mismatches: { sequence: Sequence; mismatch: Mismatch }[];
  /** Set when a mismatch was found and shrunk: the minimal sequence and how to replay it. */
  counterexample?: { sequence: Sequence; mismatch: Mismatch; path: string };
  ms: number;
};

export async function checkDifferential(options: DifferentialOptions): Promise<DifferentialReport> {
  const started = Date.now();
  const report: DifferentialReport = {
    seed: options.seed,
    sequences: 0,
    steps: 0,
    mismatches: [],
    ms: 0,
  };
  let lastFailure: { sequence: Sequence; mismatch: Mismatch } | undefined;
  const property = fc.asyncProperty(
    sequenceArbitrary({ maxOps: options.maxOps }),
    async (sequence) => {
      const result = await runSequence(sequence, options.pairs);
      report.sequences += 1;
      report.steps += result.steps;
      options.onSequence?.(report.sequences, result);
      if (!result.mismatch) return true;
      lastFailure = { sequence, mismatch: result.mismatch };
      report.mismatches.push(lastFailure);
      return options.keepGoing === true;
    },
  );
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path ? { path: options.path } : {}),
    // Every run talks to a real gateway: no time limit per run, but never run forever.
    interruptAfterTimeLimit: 6 * 60 * 60 * 1000,
  });
  if (details.failed && lastFailure && details.counterexamplePath) {
    report.counterexample = { ...lastFailure, path: details.counterexamplePath };
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance;
  }
  report.ms = Date.now() - started;
  return report;
}
