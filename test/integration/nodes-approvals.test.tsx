import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, onTestFinished } from "vitest";
import type { TestGateway } from "../../mocks/node";
import { METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { connectApp, loopbackDevice } from "../support/app-harness";

// Node capability requests on their own screen, against the mock gateway: a node-host that
// connects on loopback is device-paired silently and asks for its declared commands.

async function nodeHost(harness: TestGateway, label: string, commands: string[]) {
  const spec = loopbackDevice(label, { role: ROLES.node, scopes: [], caps: ["system"], commands });
  const result = await harness.simulator.connect({
    ...spec,
    client: { ...spec.client, mode: "node" },
  });
  if (result.outcome !== "hello") throw new Error(`${label} did not connect: ${result.outcome}`);
  onTestFinished(() => result.session?.close());
  return result;
}

async function nodePairList(harness: TestGateway) {
  const admin = await otherAdminSession(harness);
  const answer = await admin.request(METHODS.nodePairList, {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.payload as { pending: { requestId: string }[]; paired: { commands: string[] }[] };
}

async function otherAdminSession(harness: TestGateway) {
  const result = await harness.simulator.connect({
    ...loopbackDevice("cli-admin"),
    client: { id: "cli", mode: "cli", platform: "linux" },
    scopes: [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing, OPERATOR_SCOPES.admin],
  });
  if (!result.session) throw new Error("the CLI admin could not connect");
  onTestFinished(() => result.session?.close());
  return result.session;
}

const card = (name: string) => screen.findByRole("article", { name });

describe("node capability requests", () => {
  it("appear live, say what approving needs, and are approved after widening the session", async () => {
    const app = await connectApp({ path: "/nodes" });
    expect(await screen.findByText("No node is waiting for approval.")).toBeVisible();
    await nodeHost(app.harness, "build-box", ["system.notify"]);

    const request = await card("build-box");
    expect(within(request).getByRole("list", { name: "Declared commands" })).toHaveTextContent(
      "system.notify new",
    );
    expect(request).toHaveTextContent(
      "Approving needs operator.pairing + operator.write; this session lacks operator.write.",
    );
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: /Nodes/ })).toHaveTextContent("Nodes 1 pending");

    await app.user.click(within(request).getByRole("button", { name: "Approve" }));
    const dialog = await screen.findByRole("dialog", { name: "Reconnect with operator.write?" });
    expect(dialog).toHaveTextContent(
      "This session holds operator.read, operator.pairing; it needs operator.write.",
    );
    await app.user.click(within(dialog).getByRole("button", { name: /operator\.write$/ }));
    await waitFor(() => expect(app.deps.connection.scopes).toContain(OPERATOR_SCOPES.write));

    await app.user.click(within(await card("build-box")).getByRole("button", { name: "Approve" }));
    expect(await screen.findByText("Approved node “build-box”.")).toBeVisible();
    expect(await screen.findByRole("list", { name: "Approved nodes" })).toHaveTextContent(
      "commands: system.notify",
    );
    expect(screen.getByRole("list", { name: "Approved nodes" })).toHaveTextContent(
      "its device is connected now",
    );
    const list = await nodePairList(app.harness);
    expect(list.pending).toEqual([]);
    expect(list.paired.map((node) => node.commands)).toEqual([["system.notify"]]);
    await waitFor(() =>
      expect(app.deps.history.getEntries()[0]).toMatchObject({
        kind: "approved",
        role: ROLES.node,
        deviceName: "build-box",
        decidedBy: "this-browser",
      }),
    );
  });

  it("names commands that need operator.admin, shows a changed surface live, and rejects", async () => {
    const app = await connectApp({ path: "/nodes" });
    await nodeHost(app.harness, "runner", ["system.notify"]);
    expect(await card("runner")).toHaveTextContent("operator.pairing + operator.write");

    // A changed surface supersedes the request (the same device, a new request id).
    await nodeHost(app.harness, "runner", ["system.notify", "system.run", "camera.snap"]);
    await waitFor(async () =>
      expect(await card("runner")).toHaveTextContent(
        "Approving needs operator.pairing + operator.admin",
      ),
    );
    const request = await card("runner");
    expect(request).toHaveTextContent("system.run new — runs programs, reads files");
    // Not on a linux node host's allowlist: the gateway withholds it from the request.
    expect(request).not.toHaveTextContent("camera.snap");
    expect(screen.getAllByRole("article")).toHaveLength(1);

    await app.user.click(within(request).getByRole("button", { name: "Reject" }));
    expect(await screen.findByText("Rejected node “runner”.")).toBeVisible();
    expect(await screen.findByText("No node is waiting for approval.")).toBeVisible();
    expect((await nodePairList(app.harness)).pending).toEqual([]);
  });

  it("leaves when another admin decides, and removing states what happens to the device", async () => {
    const app = await connectApp({ path: "/nodes" });
    await nodeHost(app.harness, "kiosk", []);
    expect(await card("kiosk")).toHaveTextContent("Declares no commands.");
    expect(await card("kiosk")).toHaveTextContent("Approving needs operator.pairing.");
    const admin = await otherAdminSession(app.harness);
    const [pending] = (await nodePairList(app.harness)).pending;
    await admin.request(METHODS.nodePairApprove, { requestId: pending?.requestId });
    expect(await screen.findByText("No node is waiting for approval.")).toBeVisible();

    const approved = await screen.findByRole("list", { name: "Approved nodes" });
    await app.user.click(within(approved).getByRole("button", { name: "Remove" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove node “kiosk”?" });
    expect(dialog).toHaveTextContent("Its device pairing is removed too");
    await app.user.click(within(dialog).getByRole("button", { name: "Remove node" }));
    expect(await screen.findByText("Removed node “kiosk”.")).toBeVisible();
    await waitFor(() =>
      expect(app.harness.gateway.list().paired.map((d) => d.displayName)).not.toContain("kiosk"),
    );
  });

  it("renames an approved node on the gateway, and says why a rename is refused", async () => {
    const app = await connectApp({ path: "/nodes" });
    await nodeHost(app.harness, "rack-7", []);
    const admin = await otherAdminSession(app.harness);
    const [pending] = (await nodePairList(app.harness)).pending;
    await admin.request(METHODS.nodePairApprove, { requestId: pending?.requestId });
    const approved = await screen.findByRole("list", { name: "Approved nodes" });
    await app.user.click(await within(approved).findByRole("button", { name: "Rename" }));
    const dialog = await screen.findByRole("dialog", { name: "Rename “rack-7”" });
    const field = within(dialog).getByRole("textbox", { name: "New name" });
    expect(field).toHaveFocus();
    await app.user.clear(field);
    expect(within(dialog).getByRole("button", { name: "Save name" })).toBeDisabled();
    await app.user.type(field, "  Rack seven  ");
    await app.user.click(within(dialog).getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("Renamed node “rack-7” to “Rack seven”.")).toBeVisible();
    // The gateway sends no event for a rename: the list is re-read after it.
    expect(await within(approved).findByText("Rack seven")).toBeVisible();
    const list = await nodePairList(app.harness);
    expect(list.paired).toEqual([expect.objectContaining({ displayName: "Rack seven" })]);
    await waitFor(() =>
      expect(app.deps.history.getEntries()[0]).toMatchObject({
        kind: "renamed",
        role: ROLES.node,
        note: "New name: “Rack seven”",
      }),
    );

    // Removed elsewhere while the dialog is open: the gateway's answer is said as it is.
    await app.user.click(within(approved).getByRole("button", { name: "Rename" }));
    const [node] = list.paired as unknown as { nodeId: string }[];
    await admin.request(METHODS.nodePairRemove, { nodeId: node?.nodeId });
    await app.user.type(screen.getByRole("textbox", { name: "New name" }), "!");
    await app.user.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("The gateway refused: unknown nodeId")).toBeVisible();
  });
});
