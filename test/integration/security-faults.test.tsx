import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { startTestGateway, type TestGateway } from "../../mocks/node";
import {
  EVENTS,
  METHODS,
  OPERATOR_SCOPES,
  PAIRING_REQUEST_TTL_MS,
  parseFrame,
  ROLES,
} from "../../src/protocol";
import {
  findRequest,
  lastRequestId,
  otherAdmin,
  connectApp,
  type ConnectedApp,
} from "../support/app-harness";
import { tapGateway, type LinkTap } from "./security-link-tap";

// Faults against the mock: a socket that drops mid-decision, a restart, a lost event, two
// admins racing, and a request that runs out of time under the admin's eyes. (A request made
// while the socket is down, and another admin approving first, are in approvals-live and
// approvals-decide.)

async function tappedApp(): Promise<{ app: ConnectedApp; tap: LinkTap }> {
  const harness = await startTestGateway();
  const tap = tapGateway(harness);
  const app = await connectApp({ harness });
  return { app, tap };
}

function requestIdOf(text: string, method: string): string | undefined {
  const parsed = parseFrame(text);
  return parsed.ok && parsed.frame.type === "req" && parsed.frame.method === method
    ? parsed.frame.id
    : undefined;
}

function remoteDevice(label: string, displayName: string) {
  return {
    label,
    client: { id: "openclaw-ios", mode: "ui", platform: "ios", displayName },
    role: ROLES.operator,
    scopes: [OPERATOR_SCOPES.read],
    remoteAddress: "192.168.1.40",
    auth: "token" as const,
  };
}

/** A phone on the LAN asking for operator.read only: any pairing admin may approve that. */
async function askReadOnly(harness: TestGateway) {
  return [await harness.simulator.connect(remoteDevice("ada-phone", "Ada's iPhone"))];
}

const alerts = () => screen.getAllByRole("alert");

describe("faults while deciding", () => {
  it("re-reads the list after the socket drops mid-approve, and says it was approved", async () => {
    const { app, tap } = await tappedApp();
    await askReadOnly(app.harness);
    const card = await findRequest("Ada's iPhone");
    // The gateway approves, but the socket dies before the answer reaches the app.
    let approveId: string | undefined;
    tap.incoming = (text) => {
      approveId ??= requestIdOf(text, METHODS.pairApprove);
      return "pass";
    };
    tap.outgoing = (text) => (approveId && text.includes(`"id":"${approveId}"`) ? "close" : "pass");

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));

    expect(
      await screen.findByText(
        "The connection dropped while approving “Ada's iPhone”; after reconnecting, the request is gone, so it was approved.",
        undefined,
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(app.deps.connection.status.kind).toBe("connected");
    expect(app.harness.gateway.list().pending).toEqual([]);
    expect(screen.queryByRole("article", { name: "Ada's iPhone" })).not.toBeInTheDocument();
  });

  it("says the request is still pending when the approve never reached the gateway", async () => {
    const { app, tap } = await tappedApp();
    await askReadOnly(app.harness);
    const card = await findRequest("Ada's iPhone");
    let dropped = false;
    tap.incoming = (text) => {
      if (dropped || !requestIdOf(text, METHODS.pairApprove)) return "pass";
      dropped = true;
      // Lost on the way, and the gateway restarts: the approve never happened.
      void app.harness.gateway.restart();
      return "swallow";
    };

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));

    await waitFor(
      () =>
        expect(
          alerts()
            .map((alert) => alert.textContent)
            .join(" "),
        ).toContain(
          "The connection dropped while approving “Ada's iPhone”; after reconnecting, the request is still pending.",
        ),
      { timeout: 5000 },
    );
    expect(await findRequest("Ada's iPhone")).toBeVisible();
    expect(app.harness.gateway.list().pending).toHaveLength(1);
  });

  it("gives exactly one of two admins approving at once the decision; the other hears 'already handled'", async () => {
    const app = await connectApp();
    const results = await askReadOnly(app.harness);
    const requestId = lastRequestId(results);
    const card = await findRequest("Ada's iPhone");
    const admin = await otherAdmin(app.harness);
    const original = app.deps.connection.request.bind(app.deps.connection);
    let theirs: Promise<{ ok: boolean }> | undefined;
    vi.spyOn(app.deps.connection, "request").mockImplementation((method, params, options) => {
      // Both approvals are on the wire at the same moment.
      if (method === METHODS.pairApprove) theirs = admin.approve(requestId);
      return original(method, params, options);
    });

    await app.user.click(within(card).getByRole("button", { name: "Approve" }));
    const activity = screen.getByRole("list", { name: "Recent activity" });
    const note = await within(activity).findByText(
      /^“Ada's iPhone” (approved here|was already handled)/,
    );
    const their = await theirs;
    const oursWon = note.textContent?.includes("approved here") === true;
    expect(oursWon).toBe(!their?.ok);
    const phoneId = results.at(-1)?.deviceId;
    expect(app.harness.gateway.list().paired.filter((d) => d.deviceId === phoneId)).toHaveLength(1);
    admin.close();
  });
});

describe("faults in the gateway and the stream", () => {
  it("keeps a pending request through a gateway restart, and it can still be approved", async () => {
    const app = await connectApp();
    const [phone] = await askReadOnly(app.harness);
    await findRequest("Ada's iPhone");

    await app.harness.gateway.restart();
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("reconnecting"));
    await waitFor(() => expect(app.deps.connection.status.kind).toBe("connected"));

    const card = await findRequest("Ada's iPhone");
    await app.user.click(within(card).getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(app.harness.gateway.list().paired.map((d) => d.deviceId)).toContain(phone?.deviceId),
    );
  });

  it("notices a lost event by its sequence gap and re-reads the list", async () => {
    const { app, tap } = await tappedApp();
    await askReadOnly(app.harness);
    await findRequest("Ada's iPhone");
    const request = vi.spyOn(app.deps.connection, "request");
    let lost = 0;
    tap.outgoing = (text) => {
      if (lost > 0 || !text.includes(`"event":"${EVENTS.pairRequested}"`)) return "pass";
      lost += 1; // the gateway's slow-consumer drop
      return "drop";
    };
    await app.harness.simulator.connect(remoteDevice("lost-tablet", "Lost tablet"));
    expect(lost).toBe(1);
    expect(screen.getAllByRole("article")).toHaveLength(1);

    // The next event's seq jumps by two: the app re-reads and finds the request it missed.
    await app.harness.simulator.connect(remoteDevice("third-laptop", "Third laptop"));
    await waitFor(() =>
      expect(screen.getAllByRole("article")).toHaveLength(
        app.harness.gateway.list().pending.length,
      ),
    );
    expect(await findRequest("Lost tablet")).toBeVisible();
    expect(screen.getAllByRole("article")).toHaveLength(3);
    expect(request.mock.calls.some(([method]) => method === METHODS.pairList)).toBe(true);
  });

  it("says so in an open details dialog when the request expires, and offers no approve", async () => {
    const app = await connectApp();
    await askReadOnly(app.harness);
    const card = await findRequest("Ada's iPhone");
    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    const dialog = await screen.findByRole("dialog", { name: "Request from “Ada's iPhone”" });
    expect(within(dialog).getByRole("button", { name: "Approve" })).toBeEnabled();

    app.clock.offsetMs = PAIRING_REQUEST_TTL_MS + 1000;

    const expired = await screen.findByRole("dialog", { name: "Request expired" });
    expect(expired).toHaveTextContent(
      "The request from “Ada's iPhone” expired while it was open, so it can no longer be approved.",
    );
    expect(within(expired).queryByRole("button", { name: "Approve" })).not.toBeInTheDocument();
  });
});
