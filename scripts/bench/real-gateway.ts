import { randomBytes } from "node:crypto";
import { ensureRealGateway, OPENCLAW_VERSION, startRealGateway } from "../real-gateway.mjs";

// The real OpenClaw gateway for the slow-profile comparison: installed into
// ~/.cache/pairdesk on first use (about a minute), started with throwaway state on a free
// loopback port, and stopped by its process id however the measurement ends. One serves its
// own Control UI; the other serves Pairdesk's build from gateway.controlUi.root.

export type RealGatewayTarget = { url: string; token: string; port: number; version: string };

export async function withRealGateways<T>(
  pairdeskBuild: string,
  body: (gateways: { controlUi: RealGatewayTarget; mounted: RealGatewayTarget }) => Promise<T>,
): Promise<T> {
  await ensureRealGateway({ log: (line: string) => console.log(`  ${line}`) });
  const start = (gateway?: Record<string, unknown>) => {
    const token = `bench-${randomBytes(12).toString("hex")}`;
    return startRealGateway({ token, ...(gateway && { gateway }) });
  };
  const started = await Promise.allSettled([
    start(),
    start({ controlUi: { root: pairdeskBuild } }),
  ]);
  const target = (gateway: Awaited<ReturnType<typeof start>>): RealGatewayTarget => ({
    url: gateway.url,
    port: gateway.port,
    token: gateway.token,
    version: OPENCLAW_VERSION,
  });
  try {
    const [controlUi, mounted] = started.map((each) => {
      if (each.status === "rejected") throw each.reason;
      return target(each.value);
    });
    return await body({ controlUi: controlUi!, mounted: mounted! });
  } finally {
    for (const each of started) if (each.status === "fulfilled") await each.value.stop();
  }
}
