import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void main();
