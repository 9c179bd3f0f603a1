import {
  ensureRealGateway,
  OPENCLAW_VERSION,
  runOpenclawCli as runCli,
  startRealGateway as start,
  type CliResult,
  type StartedRealGateway,
  type StartOptions,
} from "../../../scripts/real-gateway.mjs";
import type { PairList } from "../../../src/protocol";

// The compatibility suite's handle on a real openclaw gateway (spec §9). Installs on first
// use (a minute on a fresh machine, then reused from the cache outside the repo).

export type RealGateway = Pick<StartedRealGateway, "url" | "token" | "pid" | "stateDir" | "stop">;

const log = (line: string) => console.log(line);

type StartWith<Secret> = Omit<StartOptions, "log"> & Secret;

export async function startRealGateway(
  options: StartWith<{ token: string }>,
): Promise<StartedRealGateway> {
  await ensureRealGateway({ log, ...(options.version ? { version: options.version } : {}) });
  return start({ ...options, log });
}

/** The same with password auth (the generated differential's second gateway). */
export async function startRealPasswordGateway(options: StartWith<{ password: string }>) {
  await ensureRealGateway({ log, ...(options.version ? { version: options.version } : {}) });
  return start({ ...options, log });
}

export async function runOpenclawCli(
  args: string[],
  options: Parameters<typeof runCli>[1],
): Promise<CliResult> {
  const version = options.onHost?.version ?? options.version;
  await ensureRealGateway(version ? { version } : {});
  return runCli(args, options);
}

/** `openclaw devices list --json`: what the gateway itself has on record, pending and paired. */
export async function listDevicesWithCli(gateway: {
  url: string;
  token: string;
  version?: string;
  stateDir?: string;
  port?: number;
}): Promise<PairList> {
  const { url, token, version = OPENCLAW_VERSION, stateDir, port } = gateway;
  // With --url the CLI trusts no self-signed certificate; on the host it pins the gateway's own.
  const onHost =
    url.startsWith("wss:") && stateDir && port ? { stateDir, port, version } : undefined;
  const options = { url, token, version, ...(onHost ? { onHost } : {}) };
  const result = await runOpenclawCli(["devices", "list", "--json"], options);
  if (result.code !== 0) {
    throw new Error(`openclaw devices list failed (exit ${result.code}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as PairList;
}
