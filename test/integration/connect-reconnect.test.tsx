import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";

describe("losing the gateway", () => {
  it("counts down to the next attempt, reconnects, and catches up on what it missed", async () => {
    const harness = await startGateway();
    // The countdown reads this clock; the reconnect timer itself runs on real time.
    let skewMs = 0;
    const app = openApp({
      now: () => Date.now() + skewMs,
      gateway: { reconnect: { initialMs: 3000, multiplier: 1.7, maxMs: 15_000 } },
    });
    await connectWith(app.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
    expect(screen.getByRole("link", { name: "Requests" })).toBeInTheDocument();

    await harness.gateway.restart();
    await waitFor(() =>
      expect(connectionStatus()).toHaveTextContent(
        "Reconnecting to ws://127.0.0.1:18789 — retrying in 3 s",
      ),
    );
    skewMs = 1000;
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("retrying in 2 s"));
    // While the socket is down a phone asks to pair; no event can reach this browser.
    await harness.simulator.run("phone-lan");

    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"), {
      timeout: 8000,
    });
    expect(await screen.findByRole("link", { name: "Requests 1 pending" })).toBeInTheDocument();
    // Real reconnect timers run here (3 s), so this test needs more than the default 5 s.
  });
});
