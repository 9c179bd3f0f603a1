// Adds up every runner's JSON report in test-results/ and prints the closing line
// "N passed, N failed". Exits non-zero when a test or a stage failed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const failedStages = process.argv.slice(2);
const dir = "test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(", ")}`);
if (skipped > 0) console.log(`${skipped} test(s) skipped: skipped tests are not allowed to stay`);
if (passed === 0 && failed === 0) console.log("no test ran");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages.length > 0 || failed > 0 || skipped > 0 || passed === 0 ? 1 : 0);
