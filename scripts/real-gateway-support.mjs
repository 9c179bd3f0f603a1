// Process helpers for scripts/real-gateway.mjs: run a command, find a free port, wait for a
// gateway to say hello, stop one by PID. Node 20, no dependencies beyond the repo's.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import WebSocket from "ws";

const LOG_TAIL_BYTES = 4000;

export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = options.timeoutMs
      ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs)
      : undefined;
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${error.message}\n` });
    });
  });
}

export function tail(text) {
  return text.length > LOG_TAIL_BYTES ? `…${text.slice(-LOG_TAIL_BYTES)}` : text;
}

export function redact(text, token) {
  return token ? text.split(token).join("<token>") : text;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Resolves true once a device-less connect with `auth` ({ token } or { password }) gets
 * hello-ok. The challenge alone is not enough:
 * for a few seconds after it first appears the gateway answers connects with
 * UNAVAILABLE "gateway starting; retry shortly" (details.reason "startup-sidecars").
 */
export function helloArrives(url, auth, timeoutMs) {
  return new Promise((resolve) => {
    // The probe only asks whether it is up; a self-signed wss:// certificate is the norm here.
    const socket = new WebSocket(url, { rejectUnauthorized: false });
    const finish = (ok) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on("message", (data) => {
      let frame;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return finish(false);
      }
      if (frame.type === "event" && frame.event === "connect.challenge") {
        socket.send(JSON.stringify(probeConnect(auth)));
      } else if (frame.type === "res" && frame.id === "ready-probe") {
        finish(frame.ok === true);
      }
    });
    socket.on("error", () => finish(false));
    socket.on("close", () => finish(false));
  });
}

/**
 * A deviceless probe: it needs no pairing and leaves no paired device behind. It offers
 * protocols 3–4, so a 2026.4.x gateway (protocol 3) says hello too.
 */
function probeConnect(auth) {
  return {
    type: "req",
    id: "ready-probe",
    method: "connect",
    params: {
      minProtocol: 3,
      maxProtocol: 4,
      client: { id: "openclaw-probe", version: "pairdesk", platform: "linux", mode: "probe" },
      role: "operator",
      scopes: [],
      caps: [],
      commands: [],
      permissions: {},
      auth,
    },
  };
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group (the gateway may start helpers), then SIGKILL. */
export async function killGateway(pid, graceMs = 5000) {
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    }
  };
  if (!alive(pid)) return;
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signal("SIGKILL");
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
}
