import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppLayout } from "./AppLayout";
import { AppProviders } from "./AppProviders";
import type { AppDeps } from "./create-app";
import "./global.css";

/** The whole app, on `deps` that `startApp` has started (main.tsx; the test harness per test). */
export function App({ deps }: { deps: AppDeps }) {
  return (
    <AppProviders deps={deps}>
      <AppLayout />
    </AppProviders>
  );
}

/** The screens are a chunk of their own, fetched while main.tsx opens the socket. */
export function renderApp(root: HTMLElement, deps: AppDeps): void {
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} />
    </StrictMode>,
  );
}
