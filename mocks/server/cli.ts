import { parseArgs } from "node:util";
import { createMockGateway } from "../core/gateway";
import type { GatewayAuthConfig, GatewayConfig } from "../core/types";
import { createFileStateStore } from "../node/file-store";
import { startMockWsServer } from "./ws-server";

// `npm run mock:server -- --port 18789 --token T --state DIR [--password P] [--allowed-origin O]…`
// A real WebSocket server on 127.0.0.1 in front of the mock core, for the openclaw CLI and
// for manual checks. It never prints the token or the password.

const USAGE = `usage: npm run mock:server -- --token T | --password P [options]

  --port N               port on 127.0.0.1 (default 18789, 0 picks a free one)
  --token T              shared token clients must send
  --password P           shared password instead of a token
  --state DIR            folder for pending.json and paired.json (default .mock-gateway)
  --allowed-origin O     extra Control UI origin (repeatable)
  --trusted-proxy IP     peer whose forwarding headers are trusted (repeatable)
  --no-auto-approve      set autoApproveLocal to false`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function readConfig(): { config: GatewayConfig; port: number; stateDir: string } {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "18789" },
      token: { type: "string" },
      password: { type: "string" },
      state: { type: "string", default: ".mock-gateway" },
      "allowed-origin": { type: "string", multiple: true, default: [] },
      "trusted-proxy": { type: "string", multiple: true, default: [] },
      "no-auto-approve": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port must be 0–65535");
  if (values.token !== undefined && values.password !== undefined)
    fail("give --token or --password, not both (a gateway has one auth mode)");
  let auth: GatewayAuthConfig;
  if (values.token !== undefined) auth = { mode: "token", token: values.token };
  else if (values.password !== undefined) auth = { mode: "password", password: values.password };
  else fail("--token or --password is required");
  if (auth.mode === "token" && auth.token === "") fail("--token must not be empty");

  const config: GatewayConfig = {
    auth,
    allowedOrigins: values["allowed-origin"],
    trustedProxies: values["trusted-proxy"],
  };
  if (values["no-auto-approve"]) config.autoApproveLocal = false;
  return { config, port, stateDir: values.state };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof readConfig>;
  try {
    parsed = readConfig();
  } catch (error) {
    // parseArgs names the unknown or malformed option; none of them is echoed with a value.
    fail(error instanceof Error ? error.message : String(error));
  }
  const { config, port, stateDir } = parsed;
  const gateway = await createMockGateway({ config, store: createFileStateStore(stateDir) });
  const server = await startMockWsServer(gateway, { port });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await gateway.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  // Printed last: whoever waits for this line may signal the process right away.
  console.log(`mock gateway listening on ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(`mock gateway failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
