import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createDeviceIdentity } from "../../../mocks/simulator/device-identity";
import { connectDevice } from "../../../mocks/simulator/device-client";
import { openWsTransport } from "../../../mocks/simulator/ws-transport";
import {
  ensureRealGateway,
  freePort,
  killGateway,
  runOpenclawCli,
  type CliResult,
} from "../../real-gateway.mjs";

// A real gateway for one probe: like scripts/real-gateway.mjs, but with extra config (e.g.
// gateway.trustedProxies) and a restart that keeps the same state folder and port.

export type ProbeGateway = {
  url: string;
  port: number;
  token: string;
  pid: number;
  dir: string;
  /** The Node 24 binary the gateway runs on (it has node:sqlite). */
  node: string;
  /** The gateway's SQLite state database. */
  database: string;
  startMs: number;
  /** SIGTERM by pid, then the same state and port again. */
  restart(): Promise<void>;
  /** Runs `openclaw <args>` against this gateway with the shared token. */
  cli(args: string[]): Promise<CliResult>;
  stop(): Promise<void>;
};

const READY_TIMEOUT_MS = 120_000;
// Gateways still running when the probe exits (a crash or Ctrl-C included) get SIGTERM by
// pid; not SIGKILL, so the gateway can stop the helper it starts in its own process group.
const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

async function helloArrives(url: string, token: string): Promise<boolean> {
  try {
    const outcome = await connectDevice(await openWsTransport(url), {
      identity: await createDeviceIdentity(),
      client: { id: "openclaw-probe", mode: "probe", platform: "linux" },
      role: "operator",
      scopes: [],
      auth: { token },
      tamper: { skipDevice: true },
      timeoutMs: 5000,
    });
    if (outcome.kind === "hello") outcome.session.close();
    return outcome.kind === "hello";
  } catch {
    return false;
  }
}

export async function startProbeGateway(
  options: { config?: Record<string, unknown>; log?: (line: string) => void } = {},
): Promise<ProbeGateway> {
  const install = await ensureRealGateway();
  const token = randomBytes(24).toString("base64url");
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "pairdesk-probe-"));
  const stateDir = join(dir, "state");
  const home = join(dir, "home");
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const configPath = join(stateDir, "openclaw.json");
  const config = { ...options.config, logging: { file: join(dir, "openclaw-file.log") } };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const env = {
    PATH: `${dirname(install.node)}:${process.env.PATH ?? ""}`,
    HOME: home,
    TMPDIR: tmpdir(),
    LANG: "C.UTF-8",
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: configPath,
    NO_COLOR: "1",
    OPENCLAW_NO_AUTO_UPDATE: "1",
    OPENCLAW_DISABLE_BONJOUR: "1",
  };
  const args = [install.openclaw, "gateway", "run", "--auth", "token", "--token", token];
  args.push("--bind", "loopback", "--port", String(port), "--allow-unconfigured");
  const url = `ws://127.0.0.1:${port}`;

  const launch = async (): Promise<{ pid: number; ms: number }> => {
    const started = Date.now();
    const logFd = openSync(join(dir, "gateway.log"), "a");
    const child = spawn(install.node, args, {
      cwd: dir,
      env,
      detached: true,
      stdio: ["ignore", logFd, logFd],
    });
    closeSync(logFd);
    if (child.pid === undefined) throw new Error("could not spawn the gateway");
    running.add(child.pid);
    let exited = false;
    child.on("exit", () => (exited = true));
    while (!(await helloArrives(url, token))) {
      if (exited) throw new Error(`the gateway exited during start-up (log in ${dir})`);
      if (Date.now() - started > READY_TIMEOUT_MS) {
        await killGateway(child.pid);
        throw new Error("the gateway was not ready in time");
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { pid: child.pid, ms: Date.now() - started };
  };

  const first = await launch();
  const gateway: ProbeGateway = {
    url,
    port,
    token,
    pid: first.pid,
    dir,
    node: install.node,
    database: join(stateDir, "state", "openclaw.sqlite"),
    startMs: first.ms,
    async restart() {
      await killGateway(gateway.pid);
      running.delete(gateway.pid);
      const next = await launch();
      gateway.pid = next.pid;
      options.log?.(`gateway restarted as pid ${next.pid} after ${next.ms} ms`);
    },
    cli: (cliArgs) => runOpenclawCli(cliArgs, { url, token }),
    async stop() {
      await killGateway(gateway.pid);
      running.delete(gateway.pid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  options.log?.(`gateway pid ${first.pid} on ${url}, ready after ${first.ms} ms`);
  return gateway;
}
