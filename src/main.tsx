import { createApp, startApp } from "./app/create-app";

async function startMockGatewayInDev(): Promise<void> {
  // The only place src/ touches mocks/: a dev-only dynamic import, dropped from production builds.
  if (import.meta.env.DEV && import.meta.env.VITE_MOCK_GATEWAY !== "off") {
    const { startBrowserMockGateway } = await import("../mocks/browser");
    await startBrowserMockGateway();
  }
}

async function main(): Promise<void> {
  const screens = import("./app/App");
  await startMockGatewayInDev();
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  const deps = createApp();
  // A remembered gateway: the socket opens and the list is read while the screens download.
  startApp(deps);
  (await screens).renderApp(root, deps);
}

void main();
