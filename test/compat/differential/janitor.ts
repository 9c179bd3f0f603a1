import { connectDevice, type DeviceSession } from "../../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../../mocks/simulator/device-identity";
import type { PairList, ResponseFrame } from "../../../src/protocol";
import type { Target } from "./interpreter";
import { openTesterSocket } from "./socket";

// One admin connection per gateway for the whole run, outside every sequence: it lists what a
// sequence left and removes it, so the next sequence meets the gateway as the previous one
// found it. It stays connected, which also keeps it out of the real gateway's silent-pairing
// prune (that spares connected devices).

export type Janitor = {
  target: Target;
  list(): Promise<ResponseFrame>;
  /** Rejects the devices' pending requests and removes their records; throws if any remain. */
  cleanUp(deviceIds: readonly string[]): Promise<void>;
  close(): void;
};

const JANITOR_SCOPES = ["operator.admin", "operator.pairing", "operator.read"];

export async function openJanitor(target: Target): Promise<Janitor> {
  const socket = await openTesterSocket(target.url, {});
  const outcome = await connectDevice(socket, {
    identity: await createDeviceIdentity(),
    client: { id: "cli", mode: "cli", platform: "linux", displayName: "differential janitor" },
    role: "operator",
    scopes: JANITOR_SCOPES,
    auth: { [target.credentials.mode]: target.credentials.secret },
  });
  if (outcome.kind !== "hello") {
    throw new Error(`${target.name}: the janitor was refused: ${JSON.stringify(outcome.error)}`);
  }
  const session: DeviceSession = outcome.session;
  const list = () => session.request("device.pair.list", {});
  const pairList = async (): Promise<PairList> => {
    const frame = await list();
    if (!frame.ok) throw new Error(`${target.name}: list failed: ${JSON.stringify(frame.error)}`);
    return frame.payload as PairList;
  };
  return {
    target,
    list,
    async cleanUp(deviceIds) {
      const mine = new Set(deviceIds);
      const before = await pairList();
      for (const request of before.pending.filter((entry) => mine.has(entry.deviceId))) {
        await session.request("device.pair.reject", { requestId: request.requestId });
      }
      for (const device of before.paired.filter((entry) => mine.has(entry.deviceId))) {
        await session.request("device.pair.remove", { deviceId: device.deviceId });
      }
      const after = await pairList();
      const left = [...after.pending, ...after.paired].filter((entry) => mine.has(entry.deviceId));
      if (left.length > 0) {
        throw new Error(`${target.name}: clean-up left ${JSON.stringify(left)}`);
      }
    },
    close: () => socket.terminate(),
  };
}
