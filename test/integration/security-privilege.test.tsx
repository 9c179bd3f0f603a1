import { describe, expect, it } from "vitest";
import { startTestGateway } from "../../mocks/node";
import { METHODS, OPERATOR_SCOPES, parseFrame, ROLES } from "../../src/protocol";
import { connectApp } from "../support/app-harness";
import { tapGateway } from "./security-link-tap";

// Least privilege: the console asks the gateway for exactly what its screens need.

describe("least privilege", () => {
  it("connects as an operator with exactly operator.read and operator.pairing, never admin", async () => {
    const harness = await startTestGateway();
    const tap = tapGateway(harness);
    const app = await connectApp({ harness });

    const connects = tap.sent
      .map((text) => parseFrame(text))
      .flatMap((parsed) =>
        parsed.ok && parsed.frame.type === "req" && parsed.frame.method === METHODS.connect
          ? [parsed.frame.params as { role: string; scopes: string[]; client: { id: string } }]
          : [],
      );
    expect(connects).toHaveLength(1);
    const [params] = connects;
    expect(params?.role).toBe(ROLES.operator);
    expect([...(params?.scopes ?? [])].sort()).toEqual([
      OPERATOR_SCOPES.pairing,
      OPERATOR_SCOPES.read,
    ]);
    expect(JSON.stringify(tap.sent)).not.toContain(OPERATOR_SCOPES.admin);
    // And that is what the gateway granted this socket.
    expect([...app.deps.connection.scopes].sort()).toEqual([
      OPERATOR_SCOPES.pairing,
      OPERATOR_SCOPES.read,
    ]);
  });
});
