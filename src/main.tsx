import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { createApp, resumeSavedConnection } from "./app/create-app";
import "./app/global.css";

async function startMockGatewayInDev(): Promise<void> {
  // The only place src/ touches mocks/: a dev-only dynamic import, dropped from production builds.
  if (import.meta.env.DEV && import.meta.env.VITE_MOCK_GATEWAY !== "off") {
    const { startBrowserMockGateway } = await import("../mocks/browser");
    await startBrowserMockGateway();
  }
}

async function main(): Promise<void> {
  await startMockGatewayInDev();
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  const deps = createApp();
  // A remembered gateway: the socket opens while React renders the first screen.
  resumeSavedConnection(deps);
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} />
    </StrictMode>,
  );
}

void main();
