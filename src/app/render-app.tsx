import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { AppDeps } from "./create-app";
import "./global.css";

/** The screens: a chunk of their own, fetched while main.tsx opens the socket. */
export function renderApp(root: HTMLElement, deps: AppDeps): void {
  createRoot(root).render(
    <StrictMode>
      <App deps={deps} />
    </StrictMode>,
  );
}
