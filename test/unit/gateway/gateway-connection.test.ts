import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { afterEach, describe, expect, it } from "vitest";
import { buildEvent, buildFailure } from "../../../src/protocol";
import { disconnectAll, handshake, SECRET, setup, URL_A } from "./scripted-gateway";

afterEach(disconnectAll);

describe("createGatewayConnection", () => {
  it("identifies as the Control UI, asks for read and pairing, and signs the challenge", async () => {
    const { sockets, connection } = setup();
    const connect = await handshake(sockets[0]!);
    const params = connect.params as {
      client: unknown;
      role: string;
      scopes: string[];
      auth: unknown;
      device: { id: string; nonce: string; signedAt: number };
    };

    expect(connect.method).toBe("connect");
    expect(params.client).toEqual({
      id: "openclaw-control-ui",
      mode: "webchat",
      platform: "web",
      displayName: "Pairdesk",
      version: "9.9.9",
    });
    expect(params.role).toBe("operator");
    expect(params.scopes).toEqual(["operator.read", "operator.pairing"]);
    expect(params.auth).toMatchObject({ token: SECRET });
    expect(params.device).toMatchObject({ nonce: "nonce-1", signedAt: 1_000_000 });
    expect(params.device.id).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => connection.status.kind).toBe("connected");
    expect(connection.scopes).toEqual(["operator.read", "operator.pairing"]);
  });

  it("reconnects asking for extra scopes on request, and forgets them on disconnect", async () => {
    const { sockets, connection, statuses } = setup();
    await handshake(sockets[0]!);
    expect(connection.extraScopes).toEqual([]);

    connection.requestScopes(["operator.write"]);
    // A reconnect, not a first connect: screens stay up meanwhile.
    expect(connection.status.kind).toBe("reconnecting");
    await expect.poll(() => sockets.length).toBe(2);
    const widened = await handshake(sockets[1]!, [
      "operator.read",
      "operator.pairing",
      "operator.write",
    ]);
    expect((widened.params as { scopes: string[] }).scopes).toEqual([
      "operator.read",
      "operator.pairing",
      "operator.write",
    ]);
    await expect.poll(() => connection.scopes).toContain("operator.write");
    expect(statuses.at(-1)).toMatchObject({
      kind: "connected",
      scopes: expect.arrayContaining(["operator.write"]),
    });

    // Asked again for more: the earlier extra scope stays asked too.
    connection.requestScopes(["operator.approvals"]);
    await expect.poll(() => sockets.length).toBe(3);
    const more = await handshake(sockets[2]!);
    expect((more.params as { scopes: string[] }).scopes).toEqual([
      "operator.read",
      "operator.pairing",
      "operator.write",
      "operator.approvals",
    ]);

    connection.disconnect();
    expect(connection.extraScopes).toEqual([]);
    connection.connect({ url: URL_A, secret: SECRET, secretKind: "token", remember: false });
    await expect.poll(() => sockets.length).toBe(4);
    const plain = await handshake(sockets[3]!);
    expect((plain.params as { scopes: string[] }).scopes).toEqual([
      "operator.read",
      "operator.pairing",
    ]);
  });

  it("resyncs after every hello and on a sequence gap", async () => {
    const { sockets, resyncs } = setup();
    await handshake(sockets[0]!);
    await expect.poll(() => resyncs).toEqual(["hello"]);

    sockets[0]!.receive(buildEvent("device.pair.requested", {}, 1));
    sockets[0]!.receive(buildEvent("device.pair.requested", {}, 2));
    expect(resyncs).toEqual(["hello"]);
    sockets[0]!.receive(buildEvent("device.pair.requested", {}, 5));
    expect(resyncs).toEqual(["hello", "gap"]);
  });

  it("reports a reconnect with the time of the next attempt, then resyncs on the new hello", async () => {
    const { sockets, statuses, resyncs } = setup();
    await handshake(sockets[0]!);
    sockets[0]!.drop(1012);

    expect(statuses.at(-1)).toEqual({
      kind: "reconnecting",
      url: URL_A,
      retryAtMs: 1_000_000 + 800,
      attempt: 1,
    });
    await expect.poll(() => sockets.length, { timeout: 2000 }).toBe(2);
    await handshake(sockets[1]!);
    await expect.poll(() => resyncs).toEqual(["hello", "hello"]);
  });

  it("stops retrying on a terminal refusal and explains it", async () => {
    const { sockets, statuses } = setup();
    const socket = sockets[0]!;
    socket.open();
    socket.receive(buildEvent("connect.challenge", { nonce: "n", ts: 1 }));
    await expect.poll(() => socket.sent.length).toBe(1);
    socket.receive(
      buildFailure(socket.sent[0]!.id, {
        code: "INVALID_REQUEST",
        message: "unauthorized",
        details: { code: "AUTH_TOKEN_MISMATCH" },
      }),
    );
    socket.drop(1008);

    await expect.poll(() => statuses.at(-1)?.kind).toBe("failed");
    const last = statuses.at(-1);
    expect(last?.kind === "failed" && last.problem.kind).toBe("wrong-secret");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sockets).toHaveLength(1);
  });

  it("rethrows the gateway's refusal of a request with its code and details", async () => {
    const { sockets, connection } = setup();
    await handshake(sockets[0]!);
    await expect.poll(() => connection.status.kind).toBe("connected");

    const pending = connection.request("device.pair.list", {});
    const request = sockets[0]!.sent.at(-1)!;
    sockets[0]!.receive(
      buildFailure(request.id, {
        code: "FORBIDDEN",
        message: "missing scope: operator.pairing",
        details: {
          code: "MISSING_SCOPE",
          missingScope: "operator.pairing",
          requiredScopes: ["operator.pairing"],
        },
      }),
    );

    const error = await pending.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(GatewayProtocolRequestError);
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      details: { missingScope: "operator.pairing" },
    });
  });

  it("refuses requests while not connected", async () => {
    const { connection } = setup();
    await expect(connection.request("device.pair.list")).rejects.toThrow("gateway not connected");
  });
});
