import { createDeviceIdentity } from "../../../mocks/simulator/device-identity";
import type { Json } from "../support/normalize";
import { SequenceRun, type SequenceIdentities } from "./interpreter";
import type { Janitor } from "./janitor";
import type { GatewayAuthMode, Op, Sequence } from "./vocabulary";

// One sequence on a real gateway and its mock twin in lock-step: each operation runs on both
// at once and the normalised records must be equal; the first difference ends the sequence.
// Clean-up always runs, so a failing sequence leaves nothing behind for the next one.

export type GatewayPair = { real: Janitor; mock: Janitor };
export type GatewayPairs = Record<GatewayAuthMode, GatewayPair>;

export type Mismatch = {
  /** Index of the operation whose records differ, or "final" for the closing list. */
  step: number | "final";
  op: Op | null;
  real: Json;
  mock: Json;
};

export type SequenceResult = { steps: number; mismatch?: Mismatch; records: Json[] };

async function identitiesFor(sequence: Sequence): Promise<SequenceIdentities> {
  const devices = await Promise.all(sequence.devices.map(() => createDeviceIdentity()));
  return { devices, admin: await createDeviceIdentity(), other: await createDeviceIdentity() };
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

export async function runSequence(
  sequence: Sequence,
  pairs: GatewayPairs,
): Promise<SequenceResult> {
  const pair = pairs[sequence.gateway];
  const identities = await identitiesFor(sequence);
  const [real, mock] = await Promise.all([
    SequenceRun.start(pair.real.target, sequence, identities),
    SequenceRun.start(pair.mock.target, sequence, identities),
  ]);
  const records: Json[] = [];
  let steps = 0;
  let mismatch: Mismatch | undefined;
  try {
    for (const [index, op] of sequence.ops.entries()) {
      const [onReal, onMock] = await Promise.all([real.perform(op), mock.perform(op)]);
      steps += 1;
      records.push(onReal);
      if (!same(onReal, onMock)) {
        mismatch = { step: index, op, real: onReal, mock: onMock };
        break;
      }
    }
    const [finalReal, finalMock] = await Promise.all([
      real.finish(() => pair.real.list()),
      mock.finish(() => pair.mock.list()),
    ]);
    if (!mismatch && !same(finalReal, finalMock)) {
      mismatch = { step: "final", op: null, real: finalReal, mock: finalMock };
    }
    records.push(finalReal);
  } finally {
    real.dispose();
    mock.dispose();
    await Promise.all([pair.real.cleanUp(real.deviceIds()), pair.mock.cleanUp(mock.deviceIds())]);
  }
  return { steps, records, ...(mismatch ? { mismatch } : {}) };
}
