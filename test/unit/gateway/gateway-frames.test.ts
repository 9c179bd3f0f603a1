import { afterEach, describe, expect, it, vi } from "vitest";
import { CHALLENGE_SCAN_LIMIT, mayBeChallenge } from "../../../src/gateway/frame-screen";
import { buildEvent, buildResult, type EventFrame } from "../../../src/protocol";
import { disconnectAll, handshake, setup } from "./scripted-gateway";

// What the connection does with each frame once connected: unreadable ones are counted, a
// late challenge never reaches the wire client, and every frame is parsed only once.

afterEach(() => {
  disconnectAll();
  vi.restoreAllMocks();
});

async function connected() {
  const gateway = setup();
  await handshake(gateway.sockets[0]!);
  await expect.poll(() => gateway.connection.status.kind).toBe("connected");
  const events: EventFrame[] = [];
  gateway.connection.onEvent((event) => events.push(event));
  return { ...gateway, socket: gateway.sockets[0]!, events };
}

describe("frames after the handshake", () => {
  it("counts each unreadable frame and still passes the good ones on", async () => {
    const { connection, socket, events } = await connected();
    socket.receiveText("not json {");
    socket.receiveText("[1, 2]");
    socket.receive({ type: "req", id: "r1", method: "device.pair.list" });
    socket.receive({ type: "event", event: "device.pair.requested", seq: -1 });
    socket.receive({ type: "event", event: "" });
    socket.receive({ type: "res", id: "never-asked", ok: true, error: "not an error shape" });
    socket.receive(buildEvent("device.pair.requested", { requestId: "r" }, 1));

    expect(connection.unreadableFrames).toBe(6);
    expect(events).toEqual([buildEvent("device.pair.requested", { requestId: "r" }, 1)]);
    expect(connection.status.kind).toBe("connected");
  });

  it("drops a late connect.challenge, even one spelt with escapes, and stays connected", async () => {
    const { connection, socket, events } = await connected();
    // The wire client would close the socket over a challenge without a nonce.
    socket.receive({ type: "event", event: "connect.challenge", payload: {} });
    socket.receiveText('{"type":"event","event":"connect\\u002echallenge","payload":{}}');
    socket.receive(buildEvent("device.pair.resolved", { requestId: "r" }, 1));

    expect(connection.unreadableFrames).toBe(2);
    expect(socket.closedByClient).toBe(false);
    expect(connection.status.kind).toBe("connected");
    expect(events.map((event) => event.event)).toEqual(["device.pair.resolved"]);
  });

  it("parses a large answer once", async () => {
    const { connection, socket } = await connected();
    const pending = Array.from({ length: 2000 }, (_, index) => ({
      requestId: `request-${index}`,
      deviceId: index.toString(16).padStart(64, "0"),
      displayName: `phone ${index}`,
    }));
    const answer = connection.request("device.pair.list", {});
    const text = JSON.stringify(buildResult(socket.sent.at(-1)!.id, { pending, paired: [] }));
    const parse = vi.spyOn(JSON, "parse");
    socket.receiveText(text);

    await expect(answer).resolves.toEqual({ pending, paired: [] });
    expect(parse.mock.calls.filter(([parsed]) => parsed === text)).toHaveLength(1);
    expect(connection.unreadableFrames).toBe(0);
  });
});

describe("mayBeChallenge", () => {
  it.each([
    ['{"type":"event","event":"connect.challenge"}', true],
    ['{"type":"event","event":"conn\\u0065ct.challenge"}', true],
    ['{"type":"event","event":"device.pair.requested","payload":{"name":"a\\"b\\n"}}', false],
    ['{"type":"res","id":"1","ok":true,"payload":{"pending":[]}}', false],
  ])("%s → %s", (text, expected) => {
    expect(mayBeChallenge(text)).toBe(expected);
  });

  it("does not scan a frame longer than any challenge", () => {
    const name = "connect.challenge".padEnd(CHALLENGE_SCAN_LIMIT, " ");
    const answer = JSON.stringify({ type: "res", id: "1", ok: true, payload: { name } });
    expect(mayBeChallenge(answer)).toBe(false);
    expect(mayBeChallenge(answer.slice(0, CHALLENGE_SCAN_LIMIT))).toBe(true);
  });
});
