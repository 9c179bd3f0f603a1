import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { gatewayLink } from "../../mocks/handlers";
import type { TestGateway } from "../../mocks/node";
import { ORIGIN_REFUSALS_BEFORE_GIVING_UP } from "../../src/gateway/gateway-session";
import { EVENTS } from "../../src/protocol";
import {
  connectionStatus,
  connectWith,
  openApp,
  otherAdmin,
  startGateway,
} from "../support/app-harness";

// Which refusals Pairdesk keeps retrying and which stop it (issue #16): waiting for its own
// pairing is worth retrying, since the next try after an approval gets in; a wrong token, an
// old gateway release or an origin nobody allows is not, and the person gets "Try again".

const QUICK = { initialMs: 20, multiplier: 1, maxMs: 20 };

/** Counts the sockets the app opens to the test gateway from now on. */
function countSockets(harness: TestGateway): () => number {
  let count = 0;
  harness.server.use(gatewayLink.addEventListener("connection", () => void (count += 1)));
  return () => count;
}

async function findProblem(title: string): Promise<HTMLElement> {
  const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
  expect(within(alert).getByRole("heading", { name: title })).toBeInTheDocument();
  return alert;
}

describe("refusals that are worth retrying", () => {
  it("waits for this browser's pairing with one request, and connects once it is approved", async () => {
    const harness = await startGateway();
    // The admin's CLI was paired before the gateway stopped pairing local devices by itself.
    const admin = await otherAdmin(harness);
    harness.gateway.config.autoApproveLocal = false;
    const app = openApp({ gateway: { reconnect: QUICK } });

    await connectWith(app.user, { token: harness.token });
    await findProblem("This browser needs pairing");
    expect(screen.getByRole("alert")).toHaveTextContent("connects by itself once it is approved");
    // Asking again reuses the request: nothing new piles up while nobody has answered.
    await waitFor(() => expect(harness.gateway.decisions().length).toBeGreaterThan(3));
    const pending = harness.gateway.list().pending;
    expect(pending.map((request) => request.clientId)).toEqual(["openclaw-control-ui"]);
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();

    await admin.approve(pending[0]?.requestId ?? "");
    admin.close();

    await waitFor(() => expect(connectionStatus()).toHaveTextContent(/^Connected to /));
    expect(await screen.findByRole("heading", { name: /^Pending requests/ })).toBeVisible();
    expect(screen.queryByText("This browser needs pairing")).not.toBeInTheDocument();
  });
});

describe("refusals that stop the retry loop", () => {
  it("stops after a run of origin refusals, says which origin to allow, and offers Try again", async () => {
    const pageOrigin = "https://admin.example.com";
    const harness = await startGateway({ pageOrigin });
    const sockets = countSockets(harness);
    const app = openApp({ gateway: { pageOrigin, reconnect: QUICK } });

    await connectWith(app.user, { token: harness.token });

    await screen.findByRole("button", { name: "Try again" }, { timeout: 5000 });
    const alert = await findProblem("The gateway does not accept this page's origin");
    expect(alert).toHaveTextContent(`'["${pageOrigin}"]'`);
    expect(sockets()).toBe(ORIGIN_REFUSALS_BEFORE_GIVING_UP);
    expect(connectionStatus()).toHaveTextContent(
      "Not connected: The gateway does not accept this page's origin",
    );
  });

  it("names the supported releases when the gateway speaks protocol 3, and asks only once", async () => {
    const harness = await startGateway();
    // What openclaw@2026.4.29 answers to a protocol-4 connect (observed).
    harness.server.use(
      gatewayLink.addEventListener("connection", ({ client }) => {
        const challenge = { nonce: "n-1", ts: Date.now() };
        client.send(
          JSON.stringify({ type: "event", event: EVENTS.connectChallenge, payload: challenge }),
        );
        client.addEventListener("message", (event) => {
          const { id } = JSON.parse(String(event.data)) as { id: string };
          const error = {
            code: "INVALID_REQUEST",
            message: "protocol mismatch",
            details: { expectedProtocol: 3 },
          };
          client.send(JSON.stringify({ type: "res", id, ok: false, error }));
          setTimeout(() => client.close(1002, "protocol mismatch"), 20);
        });
      }),
    );
    const sockets = countSockets(harness);
    const app = openApp({ gateway: { reconnect: QUICK } });

    await connectWith(app.user, { token: harness.token });

    const alert = await findProblem("This gateway release is too old for Pairdesk");
    expect(alert).toHaveTextContent("this gateway expects protocol v3");
    expect(alert).toHaveTextContent("tested with 2026.6.35, 2026.8.2, 2026.9.6");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets()).toBe(1);

    await app.user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(sockets()).toBe(2));
  });

  it("stops on a wrong token, and Try again uses what the form now says", async () => {
    const harness = await startGateway();
    const app = openApp({ gateway: { reconnect: QUICK } });

    await connectWith(app.user, { token: "not-the-token-5678" });
    await findProblem("The gateway did not accept this token");

    const token = screen.getByLabelText("Token");
    await app.user.clear(token);
    await app.user.type(token, harness.token);
    await app.user.click(screen.getByRole("button", { name: "Try again" }));

    await waitFor(() => expect(connectionStatus()).toHaveTextContent(/^Connected to /));
  });
});
