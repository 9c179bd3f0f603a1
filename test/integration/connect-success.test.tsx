import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { browserStorages, createCredentialStore } from "../../src/gateway/credential-store";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";

describe("connecting to a gateway", () => {
  it("connects with the token and shows the gateway and scopes in the header", async () => {
    const harness = await startGateway();
    const app = openApp();

    expect(connectionStatus()).toHaveTextContent("Disconnected");
    expect(screen.getByLabelText("Gateway URL")).toHaveValue("ws://127.0.0.1:18789");
    await connectWith(app.user, { token: harness.token });

    await waitFor(() =>
      expect(connectionStatus()).toHaveTextContent(
        "Connected to ws://127.0.0.1:18789 with operator.read, operator.pairing",
      ),
    );
    expect(screen.queryByRole("button", { name: "Connect" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Requests/ })).toHaveAttribute("aria-current", "page");
    // Silently paired from a loopback origin: the gateway now knows this browser.
    expect(harness.gateway.list().paired.map((device) => device.clientId)).toEqual([
      "openclaw-control-ui",
    ]);
  });

  it("keeps the token for this session only unless Remember is ticked", async () => {
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));

    const everything = (storage: Storage) => JSON.stringify({ ...storage });
    expect(everything(sessionStorage)).toContain(harness.token);
    expect(everything(localStorage)).not.toContain(harness.token);
    expect(window.location.href).not.toContain(harness.token);
  });

  it("remembers the token on this device, and Forget removes it", async () => {
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token, remember: true });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
    expect(JSON.stringify({ ...localStorage })).toContain(harness.token);

    await app.user.click(screen.getByRole("button", { name: "Forget this gateway" }));

    expect(connectionStatus()).toHaveTextContent("Disconnected");
    expect(JSON.stringify({ ...localStorage })).not.toContain(harness.token);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(harness.token);
    expect(screen.getByLabelText("Token")).toHaveValue("");
  });

  it("reconnects by itself after a reload in the same session", async () => {
    const harness = await startGateway();
    createCredentialStore(browserStorages()).save({
      url: harness.url,
      secret: harness.token,
      secretKind: "token",
      remember: false,
    });

    openApp();

    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
  });

  it("stays disconnected after a reload once Disconnect was pressed", async () => {
    const harness = await startGateway();
    const first = openApp();
    await connectWith(first.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
    await first.user.click(screen.getByRole("button", { name: "Disconnect" }));
    first.unmount();

    openApp();

    expect(connectionStatus()).toHaveTextContent("Disconnected");
    expect(screen.getByLabelText("Token")).toHaveValue(harness.token);
  });

  it("says so when Disconnect is pressed, and offers the form again", async () => {
    const harness = await startGateway();
    const app = openApp();
    await connectWith(app.user, { token: harness.token });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));

    await app.user.click(screen.getByRole("button", { name: "Disconnect" }));

    expect(connectionStatus()).toHaveTextContent("Disconnected");
    expect(screen.getByRole("button", { name: "Connect" })).toBeInTheDocument();
  });
});
