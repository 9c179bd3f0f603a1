import type { DeviceSession } from "../../mocks/simulator/device-client";
import { CLIENTS, deviceTokenOf, Probe, SCOPE, sessionOf, sleep } from "./lib/probe-kit";

// Issue #14, questions 3 and 5: a Control UI widening its scopes on loopback, what the gateway
// and the CLI keep afterwards, whether device.token.rotate with fewer scopes narrows anything,
// how to get back to least privilege, and what removing or revoking one's own device does to
// the open socket. Run: npx tsx scripts/probes/control-ui-elevation.ts

const RP = [SCOPE.read, SCOPE.pairing];
const RPW = [SCOPE.read, SCOPE.pairing, SCOPE.write];

await Probe.run("Control UI elevation, narrowing and self-removal", async (p) => {
  // Pairdesk is served from its own port. An Origin equal to the gateway's host:port is
  // treated as the gateway's own bundled UI and must also send the gateway's client.buildId.
  const ui = { client: CLIENTS.controlUi, headers: { origin: "http://127.0.0.1:5173" } };
  const sameOrigin = { origin: `http://127.0.0.1:${p.gateway.port}` };
  await p.ask("same-origin-ui", { client: CLIENTS.controlUi, headers: sameOrigin, scopes: RP });
  await p.printRecord("same-origin-ui");

  const closedWithin = async (session: DeviceSession, title: string) => {
    const info = await Promise.race([session.closed, sleep(3000).then(() => "still open")]);
    p.print(`${title}: socket`, info);
  };
  const cliShows = async (label: string) => {
    const result = await p.gateway.cli(["devices", "list", "--json"]);
    const list = JSON.parse(result.stdout) as { paired: { deviceId: string }[] };
    const entry = list.paired.find((d) => d.deviceId === p.deviceId(label)) ?? null;
    p.print(`openclaw devices list --json (exit ${result.code}): ${label}`, entry);
  };
  const state = async (label: string, title: string) => {
    await p.printRecord(label, `${title}: device.pair.list`);
    p.printStored(label);
  };

  p.print("Q3", "read+pairing, then +write, then back to read+pairing");
  await p.ask("ui", { ...ui, scopes: RP });
  await state("ui", "after [read, pairing]");
  await p.ask("ui", { ...ui, scopes: RPW });
  await state("ui", "after +write");
  await p.ask("ui", { ...ui, scopes: [...RPW, SCOPE.admin] });
  const narrow = await p.ask("ui", { ...ui, scopes: RP, keepOpen: true });
  await state("ui", "after widening and reconnecting narrow");
  await cliShows("ui");

  p.print("rotate by the device itself (shared-token session)", "scopes [read, pairing]");
  const own = sessionOf(narrow);
  const rotateParams = { deviceId: p.deviceId("ui"), role: "operator", scopes: RP };
  await p.call("device.token.rotate", rotateParams, own, "ui (shared token)");
  await closedWithin(own, "after self-rotate");
  await state("ui", "after self-rotate");
  await p.ask("ui", { ...ui, scopes: RPW });
  await state("ui", "after asking +write again");

  p.print("rotate by the device on a device-token session", "scopes [read, pairing]");
  const tokenSession = await p.connect("ui", { ...ui, scopes: RP, keepOpen: true });
  const dtAuth = { deviceToken: deviceTokenOf(tokenSession) };
  const viaToken = sessionOf(
    await p.connect("ui", { ...ui, scopes: RP, auth: dtAuth, keepOpen: true }),
  );
  await p.call("device.token.rotate", rotateParams, viaToken, "ui (device token)");
  await closedWithin(viaToken, "after self-rotate on a device-token session");
  await closedWithin(sessionOf(tokenSession), "the same device's other (shared-token) socket");
  await state("ui", "after device-token self-rotate");

  p.print("rotate by an admin", "scopes [read, pairing]");
  await p.connect("ui", { ...ui, scopes: RPW });
  await p.call("device.token.rotate", rotateParams);
  await state("ui", "after admin rotate");
  await cliShows("ui");

  p.print("revoke, then a narrow silent reconnect", "does re-pairing narrow the approval?");
  await p.call("device.token.revoke", { deviceId: p.deviceId("ui"), role: "operator" });
  await p.ask("ui", { ...ui, scopes: RP });
  await state("ui", "after revoke + narrow reconnect");

  p.print("Q5: remove and revoke one's own device with the socket open", "");
  const removing = sessionOf(await p.connect("ui", { ...ui, scopes: RP, keepOpen: true }));
  await p.call("device.pair.remove", { deviceId: p.deviceId("ui") }, removing, "ui");
  await closedWithin(removing, "after self-remove");
  await p.ask("ui", { ...ui, scopes: RP });
  await state("ui", "after remove + narrow reconnect (least privilege)");
  await cliShows("ui");

  const revoking = sessionOf(await p.connect("ui", { ...ui, scopes: RP, keepOpen: true }));
  await p.call(
    "device.token.revoke",
    { deviceId: p.deviceId("ui"), role: "operator" },
    revoking,
    "ui",
  );
  await closedWithin(revoking, "after self-revoke");
  await p.ask("ui", { ...ui, scopes: RP });

  const byAdmin = sessionOf(await p.connect("ui", { ...ui, scopes: RP, keepOpen: true }));
  await p.call("device.pair.remove", { deviceId: p.deviceId("ui") });
  await closedWithin(byAdmin, "after an admin removes it");
  const revokedByAdmin = sessionOf(await p.connect("ui", { ...ui, scopes: RP, keepOpen: true }));
  await p.call("device.token.revoke", { deviceId: p.deviceId("ui"), role: "operator" });
  await closedWithin(revokedByAdmin, "after an admin revokes it");
  const rotatedByAdmin = sessionOf(await p.connect("ui", { ...ui, scopes: RP, keepOpen: true }));
  await p.call("device.token.rotate", rotateParams);
  await closedWithin(rotatedByAdmin, "after an admin rotates it");
});
