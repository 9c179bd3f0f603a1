import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  attachGatewayPairs,
  startGatewayPairs,
  type AttachedTargets,
} from "../test/compat/differential/gateways";
import { checkDifferential, type DifferentialReport } from "../test/compat/differential/property";
import { REGRESSIONS } from "../test/compat/differential/regressions";
import { runSequence, type GatewayPairs } from "../test/compat/differential/run-sequence";

// npm run differential -- [--runs N] [--seed S] [--path P] [--max-ops N] [--keep-going]
//                         [--regressions] [--attach targets.json] [--report out.json]
// Generated sequences against the real openclaw gateway and the mock server, compared step by
// step. A mismatch is shrunk and printed with the command that replays it.

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100" },
    seed: { type: "string" },
    path: { type: "string" },
    "max-ops": { type: "string", default: "8" },
    "keep-going": { type: "boolean", default: false },
    attach: { type: "string" },
    report: { type: "string" },
    regressions: { type: "boolean", default: false },
  },
  strict: true,
});

const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const runs = Number(values.runs);
const maxOps = Number(values["max-ops"]);

function printMismatch(report: DifferentialReport): void {
  const found = report.counterexample ?? report.mismatches[0];
  if (!found) return;
  console.log("\nsequence:");
  console.log(JSON.stringify(found.sequence, null, 1));
  console.log(
    `\nfirst difference at step ${found.mismatch.step}:`,
    JSON.stringify(found.mismatch.op),
  );
  console.log("real:", JSON.stringify(found.mismatch.real, null, 1));
  console.log("mock:", JSON.stringify(found.mismatch.mock, null, 1));
  if (report.counterexample) {
    const replay = `npm run differential -- --seed ${report.seed} --path ${report.counterexample.path}`;
    console.log(`\nreplay: ${replay}`);
  }
}

/** The named sequences of every divergence found so far; the exit code counts mismatches. */
async function runRegressions(pairs: GatewayPairs): Promise<number> {
  let failed = 0;
  for (const { name, sequence } of REGRESSIONS) {
    const result = await runSequence(sequence, pairs);
    const at = result.mismatch ? ` (step ${result.mismatch.step})` : "";
    console.log(`${result.mismatch ? "MISMATCH" : "ok"}  ${name}${at}`);
    if (!result.mismatch) continue;
    failed += 1;
    console.log("real:", JSON.stringify(result.mismatch.real, null, 1));
    console.log("mock:", JSON.stringify(result.mismatch.mock, null, 1));
  }
  console.log(`\nregressions: ${REGRESSIONS.length - failed} of ${REGRESSIONS.length} match`);
  return failed === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const started = Date.now();
  const gateways = values.attach
    ? await attachGatewayPairs(JSON.parse(readFileSync(values.attach, "utf8")) as AttachedTargets)
    : await startGatewayPairs((line) => console.log(line));
  console.log(`gateways ready in ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${seed}`);
  try {
    if (values.regressions) {
      process.exitCode = await runRegressions(gateways.pairs);
      return;
    }
    const report = await checkDifferential({
      pairs: gateways.pairs,
      runs,
      seed,
      maxOps,
      keepGoing: values["keep-going"],
      ...(values.path ? { path: values.path } : {}),
      onSequence(done, result) {
        if (result.mismatch)
          console.log(`sequence ${done}: mismatch at step ${result.mismatch.step}`);
        else if (done % 25 === 0) console.log(`sequence ${done}: ok`);
      },
    });
    const seconds = (report.ms / 1000).toFixed(1);
    console.log(
      `\ndifferential: ${report.sequences} sequences, ${report.steps} steps, ` +
        `${report.mismatches.length} mismatching runs, ${seconds} s (seed ${seed})`,
    );
    if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 1));
    printMismatch(report);
    process.exitCode = report.mismatches.length > 0 ? 1 : 0;
  } finally {
    await gateways.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
