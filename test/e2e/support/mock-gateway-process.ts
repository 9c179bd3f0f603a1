import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";

// The mock gateway as its own process (mocks/server/cli.ts), exactly as a developer runs it:
// a real socket on 127.0.0.1 and a state folder on disk, so "restart the gateway" is a real
// restart. `node --import tsx` rather than `npx tsx`: one process, so its PID is the server's
// and stopping it by PID cannot leave a grandchild behind.

const READY_LINE = /mock gateway listening on (ws:\/\/\S+)/;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export type MockGatewayProcess = {
  /** ws://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** The shared secret: the token, or the password when started with `password: true`. */
  readonly token: string;
  readonly stateDir: string;
  /** Stops the server (SIGTERM, then SIGKILL). Safe to call twice. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same state folder. */
  start(): Promise<void>;
  /** Stops it and removes the state folder. */
  dispose(): Promise<void>;
};

/** Every server still running in this worker: killed if the worker exits without cleanup. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) kill(child.pid, "SIGKILL");
});

function kill(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: exactly what we wanted.
  }
}

/** How the mock is configured, beyond its port and state folder. */
export type MockGatewayOptions = {
  /** Password auth instead of a token (the secret is then the password). */
  password?: boolean;
  allowedOrigins?: readonly string[];
};

function launch(
  port: number,
  token: string,
  stateDir: string,
  options: MockGatewayOptions,
): Promise<{ child: ChildProcess; url: string }> {
  const args = ["--import", "tsx", "mocks/server/cli.ts", "--port", String(port)];
  args.push(options.password ? "--password" : "--token", token, "--state", stateDir);
  for (const origin of options.allowedOrigins ?? []) args.push("--allowed-origin", origin);
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopChild(child);
      reject(new Error(`mock gateway did not start within ${READY_TIMEOUT_MS} ms:\n${output}`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = READY_LINE.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve({ child, url: match[1] });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`mock gateway exited early (${code ?? signal}):\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => kill(pid, "SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    kill(pid, "SIGTERM");
  });
}

/** A fresh gateway with its own token and empty state, on a port the OS picks. */
export async function startMockGatewayProcess(
  options: MockGatewayOptions = {},
): Promise<MockGatewayProcess> {
  const token = `e2e-${randomBytes(12).toString("hex")}`;
  const stateDir = await mkdtemp(join(tmpdir(), "pairdesk-e2e-gateway-"));
  let current: ChildProcess | undefined;
  let port = 0;
  let url = "";

  const start = async () => {
    if (current && current.exitCode === null && current.signalCode === null) return;
    const started = await launch(port, token, stateDir, options);
    current = started.child;
    url = started.url;
    port = Number(new URL(url).port);
  };
  const stop = async () => {
    if (current) await stopChild(current);
  };

  try {
    await start();
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
  return {
    get url() {
      return url;
    },
    get port() {
      return port;
    },
    token,
    stateDir,
    start,
    stop,
    async dispose() {
      await stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
