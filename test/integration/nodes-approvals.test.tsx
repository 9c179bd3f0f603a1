import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, onTestFinished } from "vitest";
import type { TestGateway } from "../../mocks/node";
import { METHODS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { claimingScopes, connectApp, loopbackDevice } from "../support/app-harness";

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

/** Accepts the reconnect an approval asked for, and waits until this session holds `scope`. */
async function widenTo(app: Awaited<ReturnType<typeof connectApp>>, scope: string) {
  const dialog = await screen.findByRole("dialog", { name: `Reconnect with ${scope}?` });
  await app.user.click(within(dialog).getByRole("button", { name: new RegExp(`${scope}$`) }));
  await waitFor(() => expect(app.deps.connection.scopes).toContain(scope));
}

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

  it("approves selected node requests in bulk, one by one, after asking for the scope they need", async () => {
    const app = await connectApp({ path: "/nodes" });
    await nodeHost(app.harness, "edge-1", ["system.notify"]);
    await nodeHost(app.harness, "edge-2", []);
    await nodeHost(app.harness, "edge-3", ["system.notify"]);
    await card("edge-3");
    const bar = screen.getByRole("group", { name: "Selected requests" });
    expect(within(bar).getByRole("button", { name: "Approve selected" })).toBeDisabled();
    await app.user.click(screen.getByRole("checkbox", { name: "Select edge-1" }));
    await app.user.click(screen.getByRole("checkbox", { name: "Select edge-2" }));
    expect(bar).toHaveTextContent("2 selected");

    await app.user.click(within(bar).getByRole("button", { name: "Approve selected" }));
    await widenTo(app, OPERATOR_SCOPES.write);
    expect((await nodePairList(app.harness)).paired).toEqual([]);
    await app.user.click(within(bar).getByRole("button", { name: "Approve selected" }));
    expect(await screen.findByText("Approved 2 of 2 node requests.")).toBeVisible();
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(1));
    expect(screen.getByRole("article")).toHaveAccessibleName("edge-3");
    const list = await nodePairList(app.harness);
    expect(list.pending).toHaveLength(1);
    expect(list.paired.map((node) => node.commands).sort()).toEqual([[], ["system.notify"]]);
  });

  it("moves between node requests with j/k and decides the current one with a and r", async () => {
    const app = await connectApp({ path: "/nodes" });
    for (const name of ["alpha", "bravo", "charlie"]) await nodeHost(app.harness, name, []);
    await card("charlie");
    expect(screen.getAllByRole("article")).toHaveLength(3);
    const [first, second] = screen.getAllByRole("article");

    await app.user.keyboard("j");
    expect(first).toHaveFocus();
    await app.user.keyboard("j");
    expect(second).toHaveFocus();
    await app.user.keyboard("k");
    expect(first).toHaveFocus();
    await app.user.keyboard("j");
    const name = within(second!).getByRole("heading").textContent!;
    await app.user.keyboard("r");
    expect(await screen.findByText(`Rejected node “${name}”.`)).toBeVisible();
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(2));

    await app.user.keyboard("?");
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(help).toHaveTextContent("Approve the current request");
    expect(help).not.toHaveTextContent("details");
    await app.user.click(within(help).getByRole("button", { name: "Close" }));

    // Approving needs operator.pairing only for a node that declares no commands.
    await app.user.keyboard("j");
    const next = screen.getAllByRole("article")[0]!;
    expect(next).toHaveFocus();
    await app.user.keyboard("a");
    expect(
      await screen.findByText(`Approved node “${within(next).getByRole("heading").textContent}”.`),
    ).toBeVisible();
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(1));
    const list = await nodePairList(app.harness);
    expect([list.pending.length, list.paired.length]).toEqual([1, 1]);
  });

  it("asks for operator.admin before a bulk approve that includes system.run, approving none", async () => {
    const app = await connectApp({ path: "/nodes" });
    await nodeHost(app.harness, "plain", ["system.notify"]);
    await nodeHost(app.harness, "runner", ["system.run"]);
    await app.user.click(within(await card("plain")).getByRole("button", { name: "Approve" }));
    await widenTo(app, OPERATOR_SCOPES.write);

    await app.user.click(await screen.findByRole("checkbox", { name: "Select all shown" }));
    await app.user.click(screen.getByRole("button", { name: "Approve selected" }));
    const dialog = await screen.findByRole("dialog", { name: "Reconnect with operator.admin?" });
    expect(dialog).toHaveTextContent("it needs operator.admin");
    await app.user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(await card("runner")).toHaveTextContent("this session lacks operator.admin");
    expect(screen.getAllByRole("article")).toHaveLength(2);
    expect((await nodePairList(app.harness)).paired).toEqual([]);
  });

  it("says which node requests of a bulk approve the gateway refused, and keeps them listed", async () => {
    // The page believes it holds operator.admin; the socket does not, so the gateway refuses.
    const app = await connectApp({
      path: "/nodes",
      wrapConnection: (real) =>
        claimingScopes(real, [
          OPERATOR_SCOPES.read,
          OPERATOR_SCOPES.pairing,
          OPERATOR_SCOPES.admin,
        ]),
    });
    await nodeHost(app.harness, "quiet", []);
    await nodeHost(app.harness, "notifier", ["system.notify"]);
    await nodeHost(app.harness, "runner", ["system.run"]);
    await card("runner");
    await app.user.click(screen.getByRole("checkbox", { name: "Select all shown" }));
    await app.user.click(screen.getByRole("button", { name: "Approve selected" }));
    // system.run drives the node's host: a bulk approve including it is confirmed first.
    const dialog = await screen.findByRole("dialog", { name: "Approve 3 node requests?" });
    expect(dialog).toHaveTextContent(
      "“quiet”, “notifier”, “runner”: some declare commands that run",
    );
    await app.user.click(within(dialog).getByRole("button", { name: "Approve 3" }));
    expect(
      await screen.findByText(
        /^Approved 1 of 3 node requests\. The gateway refused “notifier” \(.+\), “runner” \(.+\)\.$/,
      ),
    ).toBeVisible();
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(2));
    expect((await nodePairList(app.harness)).paired).toHaveLength(1);
  });
});
