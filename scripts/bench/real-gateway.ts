import { randomBytes } from "node:crypto";
import { ensureRealGateway, OPENCLAW_VERSION, startRealGateway } from "../real-gateway.mjs";
import type { RealGatewayTarget } from "./slow-figures";

// The real OpenClaw gateway for the slow-profile comparison: installed into
// ~/.cache/pairdesk on first use (about a minute), started with throwaway state on a free
// loopback port, and stopped by its process id however the measurement ends.

export async function withRealGateway<T>(
  body: (gateway: RealGatewayTarget) => Promise<T>,
): Promise<T> {
  await ensureRealGateway({ log: (line: string) => console.log(`  ${line}`) });
  const token = `bench-${randomBytes(12).toString("hex")}`;
  const gateway = await startRealGateway({ token });
  try {
    return await body({ url: gateway.url, port: gateway.port, token, version: OPENCLAW_VERSION });
  } finally {
    await gateway.stop();
  }
}
