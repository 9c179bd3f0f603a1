import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  startMockGatewayProcess,
  type MockGatewayProcess,
} from "../e2e/support/mock-gateway-process";
import { allowedPaths } from "./allowed-differences";
import { SCENARIOS } from "./scenarios";
import { maskPaths } from "./support/normalize";
import { ScenarioRun, type GatewayTarget, type ScenarioOutcome } from "./support/scenario-kit";

// The same scripted client against the real openclaw gateway and the mock: the normalised
// outcomes (hello or refusal, codes, close, the admin's events, the list afterwards) must match.

const started = Date.now();
const real = inject("realGateway");
let mock: MockGatewayProcess | undefined;

beforeAll(async () => {
  mock = await startMockGatewayProcess();
});

afterAll(async () => {
  await mock?.dispose();
  console.log(`differential suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

async function outcomeOn(target: GatewayTarget, run: (r: ScenarioRun) => Promise<void>) {
  const scenarioRun = await ScenarioRun.start(target);
  await run(scenarioRun);
  return scenarioRun.finish();
}

function comparable(name: string, outcome: ScenarioOutcome) {
  return maskPaths(outcome as never, allowedPaths(name), "<allowed difference>");
}

describe("the mock gateway answers like the real one", () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    "%s",
    async (name, scenario) => {
      if (!mock) throw new Error("the mock gateway did not start");
      const onReal = await outcomeOn(real, scenario.run);
      const onMock = await outcomeOn({ url: mock.url, token: mock.token }, scenario.run);
      expect(onReal.adminSeqContiguous).toBe(true);
      expect(comparable(name, onMock)).toEqual(comparable(name, onReal));
    },
  );
});
