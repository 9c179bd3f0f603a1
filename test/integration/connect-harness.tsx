import "fake-indexeddb/auto";
import { QueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/app/App";
import { createApp, type AppDeps, type AppOverrides } from "../../src/app/create-app";

// Shared by the connect-* integration tests: a fresh app (query client with retry off, stores,
// connection) per test, and a clean page (no saved credentials, address "/").

export const FAST_RECONNECT = { initialMs: 2000, multiplier: 1.7, maxMs: 15_000 };

export function resetPage(): void {
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, "", "/");
}

export function openApp(overrides: AppOverrides = {}) {
  const deps: AppDeps = createApp({
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    ...overrides,
    gateway: { reconnect: FAST_RECONNECT, ...overrides.gateway },
  });
  const user = userEvent.setup();
  const { unmount } = render(<App deps={deps} />);
  return { deps, user, unmount };
}

export async function connectWith(
  user: ReturnType<typeof userEvent.setup>,
  fields: { url?: string; token: string; remember?: boolean },
): Promise<void> {
  if (fields.url) {
    const url = screen.getByLabelText("Gateway URL");
    await user.clear(url);
    await user.type(url, fields.url);
  }
  if (fields.token) await user.type(screen.getByLabelText("Token"), fields.token);
  if (fields.remember)
    await user.click(screen.getByRole("checkbox", { name: "Remember on this device" }));
  await user.click(screen.getByRole("button", { name: "Connect" }));
}

export function connectionStatus(): HTMLElement {
  return screen.getByRole("status", { name: "Connection" });
}
