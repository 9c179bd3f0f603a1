import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { gatewayLinkFor } from "../../mocks/handlers";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";

async function findProblem(title: string): Promise<HTMLElement> {
  const alert = await screen.findByRole("alert");
  expect(within(alert).getByRole("heading", { name: title })).toBeInTheDocument();
  return alert;
}

describe("a refused connect is explained", () => {
  it("says the token was wrong, without repeating it", async () => {
    await startGateway();
    const app = openApp();
    const wrong = "not-the-right-token-1234";

    await connectWith(app.user, { token: wrong });

    const alert = await findProblem("The gateway did not accept this token");
    expect(alert).toHaveTextContent("AUTH_TOKEN_MISMATCH");
    expect(document.body).not.toHaveTextContent(wrong);
    expect(connectionStatus()).toHaveTextContent(
      "Not connected: The gateway did not accept this token",
    );
  });

  it("names the setting and the origin to add when the page's origin is not allowed", async () => {
    const pageOrigin = "https://admin.example.com";
    const harness = await startGateway({ pageOrigin });
    const app = openApp({ gateway: { pageOrigin } });

    await connectWith(app.user, { token: harness.token });

    const alert = await findProblem("The gateway does not accept this page's origin");
    expect(alert).toHaveTextContent(
      "Add https://admin.example.com to gateway.controlUi.allowedOrigins",
    );
    expect(alert).toHaveTextContent("CONTROL_UI_ORIGIN_NOT_ALLOWED");
    expect(alert).not.toHaveTextContent(harness.token);
  });

  it("shows the request and the approve command when this browser needs pairing", async () => {
    const harness = await startGateway({ config: { autoApproveLocal: false } });
    const app = openApp();

    await connectWith(app.user, { token: harness.token });

    const alert = await findProblem("This browser needs pairing");
    const [request] = harness.gateway.list().pending;
    expect(request?.clientId).toBe("openclaw-control-ui");
    const requestId = request?.requestId ?? "missing";
    expect(alert).toHaveTextContent(`Request ID: ${requestId}`);
    expect(within(alert).getByText(`openclaw devices approve ${requestId}`)).toBeInTheDocument();
    expect(alert).toHaveTextContent("NOT_PAIRED / PAIRING_REQUIRED");
    expect(alert).not.toHaveTextContent(harness.token);
    // It keeps asking (the same request), so approval elsewhere lets it in: connect-retry.test.tsx.
    expect(connectionStatus()).toHaveTextContent("Reconnecting");
  });

  it("says the gateway cannot be reached, and keeps trying", async () => {
    const url = "ws://127.0.0.1:9";
    const harness = await startGateway();
    harness.server.use(
      gatewayLinkFor(url).addEventListener("connection", ({ client }) => {
        client.socket.dispatchEvent(new Event("error"));
        client.close(1006, "connection refused");
      }),
    );
    const app = openApp();

    await connectWith(app.user, { url, token: harness.token });

    const alert = await findProblem("Can't reach the gateway");
    expect(alert).toHaveTextContent("Nothing answered at ws://127.0.0.1:9");
    await waitFor(() => expect(connectionStatus()).toHaveTextContent(/retrying in \d s/));
  });

  it("refuses an address that is not a gateway URL before connecting", async () => {
    const harness = await startGateway();
    const app = openApp();

    await connectWith(app.user, { url: "http://127.0.0.1:18789", token: harness.token });

    await findProblem("Check the gateway URL");
  });
});
