import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  startMockGatewayProcess,
  type MockGatewayProcess,
} from "../e2e/support/mock-gateway-process";
import { attachGatewayPairs, type StartedPairs } from "./differential/gateways";
import { sequenceArbitrary } from "./differential/arbitraries";
import { checkDifferential } from "./differential/property";
import { REGRESSIONS } from "./differential/regressions";
import { runSequence } from "./differential/run-sequence";
import { ALLOWED_EXTRA_ORIGIN } from "./differential/vocabulary";

// The generated differential budget of `npm test`: a fixed seed, so every run checks the same
// sequences against the real gateways (support/global-setup.ts) and fresh mock servers.
// `npm run differential` runs any number of sequences with any seed (README).

const SEED = 20261207;
const SEQUENCES = 150;

let mocks: MockGatewayProcess[] = [];
let gateways: StartedPairs | undefined;

beforeAll(async () => {
  const allowedOrigins = [ALLOWED_EXTRA_ORIGIN];
  mocks = await Promise.all([
    startMockGatewayProcess({ allowedOrigins }),
    startMockGatewayProcess({ password: true, allowedOrigins }),
  ]);
  const [mockToken, mockPassword] = mocks;
  if (!mockToken || !mockPassword) throw new Error("the mock servers did not start");
  const realToken = inject("realGateway");
  const realPassword = inject("realPasswordGateway");
  gateways = await attachGatewayPairs({
    token: {
      real: { url: realToken.url, secret: realToken.token },
      mock: { url: mockToken.url, secret: mockToken.token },
    },
    password: {
      real: { url: realPassword.url, secret: realPassword.token },
      mock: { url: mockPassword.url, secret: mockPassword.token },
    },
  });
});

afterAll(async () => {
  await gateways?.stop();
  await Promise.all(mocks.map((mock) => mock.dispose()));
});

describe("every divergence found so far stays fixed", () => {
  it.each(REGRESSIONS.map((entry) => [entry.name, entry.sequence] as const))(
    "%s",
    async (_name, sequence) => {
      if (!gateways) throw new Error("the gateways did not start");
      const result = await runSequence(sequence, gateways.pairs);
      expect(result.mismatch, JSON.stringify(result.mismatch, null, 1)).toBeUndefined();
    },
  );
});

describe("generated sequences: the mock answers as the real gateway", () => {
  it(
    `${SEQUENCES} sequences from seed ${SEED}`,
    async () => {
      if (!gateways) throw new Error("the gateways did not start");
      const report = await checkDifferential({
        pairs: gateways.pairs,
        runs: SEQUENCES,
        seed: SEED,
      });
      const seconds = (report.ms / 1000).toFixed(1);
      console.log(
        `differential budget: ${report.sequences} sequences, ${report.steps} steps, ` +
          `${report.mismatches.length} mismatching runs in ${seconds} s`,
      );
      const found = report.counterexample;
      const replay = found
        ? `npm run differential -- --seed ${SEED} --path ${found.path}\n` +
          JSON.stringify({ sequence: found.sequence, mismatch: found.mismatch }, null, 1)
        : "";
      expect(report.mismatches.length, replay).toBe(0);
    },
    15 * 60_000,
  );
});

describe("sequences do not leak into each other on the shared gateways", () => {
  it("records the same thing when a sequence runs again after others", async () => {
    if (!gateways) throw new Error("the gateways did not start");
    const pairs = gateways.pairs;
    const sequences = fc.sample(sequenceArbitrary(), { seed: SEED + 1, numRuns: 8 });
    const first = [];
    for (const sequence of sequences) first.push((await runSequence(sequence, pairs)).records);
    // The same sequences again, in reverse order: fresh identities, same records.
    for (const [index, sequence] of [...sequences.entries()].reverse()) {
      expect((await runSequence(sequence, pairs)).records).toEqual(first[index]);
    }
  });
});
