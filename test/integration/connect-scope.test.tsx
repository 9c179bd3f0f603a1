import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { browserStorages, createCredentialStore } from "../../src/gateway/credential-store";
import { createDeviceIdentityLoader } from "../../src/gateway/device-identity";
import { createIndexedDbKeyStore } from "../../src/gateway/indexeddb-key-store";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";

const CLIENT_ID = "openclaw-control-ui";
const READ_ONLY = ["operator.read"];
const DEVICE_TOKEN = "device-token-read-only";

describe("a paired browser without operator.pairing", () => {
  it("connects, then says which scope it lacks (not that pairing is required)", async () => {
    // This browser was paired earlier with operator.read only, and kept its device token.
    const identity = await createDeviceIdentityLoader(createIndexedDbKeyStore())();
    const now = Date.now();
    const harness = await startGateway({
      initialState: {
        pending: [],
        paired: [
          {
            deviceId: identity.deviceId,
            publicKey: identity.publicKey,
            displayName: "Pairdesk",
            platform: "web",
            clientId: CLIENT_ID,
            clientMode: "webchat",
            role: "operator",
            roles: ["operator"],
            scopes: READ_ONLY,
            approvedVia: "owner",
            createdAtMs: now,
            approvedAtMs: now,
            tokens: [{ role: "operator", scopes: READ_ONLY, createdAtMs: now }],
            tokenSecrets: [{ role: "operator", token: DEVICE_TOKEN }],
          },
        ],
      },
    });
    createCredentialStore(browserStorages()).deviceTokens(harness.url, false).store({
      clientId: CLIENT_ID,
      deviceId: identity.deviceId,
      role: "operator",
      token: DEVICE_TOKEN,
      scopes: READ_ONLY,
    });
    const app = openApp();

    // No shared token: the browser signs in with the device token it was issued.
    await connectWith(app.user, { token: "" });

    await waitFor(() =>
      expect(connectionStatus()).toHaveTextContent(
        "Connected to ws://127.0.0.1:18789 with operator.read",
      ),
    );
    const alerts = await screen.findAllByRole("alert");
    const scopeAlert = alerts.find((alert) =>
      within(alert).queryByRole("heading", {
        name: "This browser lacks the operator.pairing scope",
      }),
    );
    expect(scopeAlert).toHaveTextContent("MISSING_SCOPE");
    expect(scopeAlert).not.toHaveTextContent(/pairing required/i);
    expect(document.body).not.toHaveTextContent(DEVICE_TOKEN);
  });
});
