import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";

describe("app shell", () => {
  it("shows the product name, the connection status and the connect form", () => {
    openApp();
    expect(screen.getByRole("heading", { level: 1, name: "Pairdesk" })).toBeInTheDocument();
    expect(connectionStatus()).toHaveTextContent("Disconnected");
    expect(screen.getByRole("form", { name: "Connect to a gateway" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    for (const name of ["Requests", "Devices", "History"]) {
      expect(within(nav).getByRole("link", { name })).toBeInTheDocument();
    }
  });

  it("moves between screens with the nav, keeping the address in step", async () => {
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));

    await app.user.click(screen.getByRole("link", { name: "Devices" }));

    expect(window.location.pathname).toBe("/devices");
    expect(screen.getByRole("link", { name: "Devices" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("1 paired device")).toBeInTheDocument();

    window.history.back();
    await waitFor(() => expect(window.location.pathname).toBe("/"));
    expect(screen.getByRole("link", { name: "Requests" })).toHaveAttribute("aria-current", "page");
  });

  it("opens the history screen from the nav", async () => {
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));

    await app.user.click(screen.getByRole("link", { name: "History" }));

    expect(window.location.pathname).toBe("/history");
    expect(await screen.findByRole("heading", { name: "History", level: 2 })).toBeInTheDocument();
  });

  it("says so when an address matches no screen", async () => {
    window.history.replaceState(null, "", "/nowhere");
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token });

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });
});
