import { setupWorker } from "msw/browser";
import { DEFAULT_GATEWAY_URL } from "../src/protocol";
import { createBrowserStateStore } from "./browser-store";
import { createMockGateway } from "./core/gateway";
import { createGatewayHandlers } from "./handlers";
import { SIMULATED_LAN_ORIGIN } from "./simulator/scenarios";
import { createSimulator } from "./simulator/simulator";

// Dev only (src/main.tsx imports this dynamically under `vite dev`): the mock gateway runs in
// the page, msw intercepts the app's socket to it, and a small panel drives simulated devices.

/** The mock's shared token: a mock secret, shown in the dev panel and never logged. */
export const DEV_TOKEN = "dev-token";

/** Both spellings of the default gateway address the app may be pointed at. */
const DEV_GATEWAY_URLS = [
  DEFAULT_GATEWAY_URL,
  DEFAULT_GATEWAY_URL.replace("127.0.0.1", "localhost"),
];

export async function startBrowserMockGateway(): Promise<void> {
  const gateway = await createMockGateway({
    // The simulated LAN webchat origin is allowed so its scenario reaches a pending request.
    config: { auth: { mode: "token", token: DEV_TOKEN }, allowedOrigins: [SIMULATED_LAN_ORIGIN] },
    store: createBrowserStateStore(),
  });
  // Saves are batched to one per turn: write what is waiting before the page goes away.
  addEventListener("pagehide", () => void gateway.flush());
  const worker = setupWorker(
    ...createGatewayHandlers(gateway, {
      urls: DEV_GATEWAY_URLS,
      pageOrigin: () => location.origin,
    }),
  );
  // setupWorker always registers its service worker, even for WebSocket-only handlers, so
  // vite.config.ts serves mocks/public/mockServiceWorker.js in dev. `quiet` matters: msw's
  // WebSocket logger would print every frame, the connect frame's token included. Every
  // other request and socket (Vite's HMR) passes through untouched.
  await worker.start({ quiet: true, onUnhandledRequest: "bypass" });

  const simulator = createSimulator(gateway, { token: DEV_TOKEN });
  // The panel is loaded on demand so nothing of it is evaluated before the app renders.
  void import("./dev-panel/mount")
    .then(({ mountDevPanel }) =>
      mountDevPanel({ gateway, simulator, token: DEV_TOKEN, url: DEFAULT_GATEWAY_URL }),
    )
    .catch((error: unknown) => console.error("mock gateway panel failed to load", error));
}
