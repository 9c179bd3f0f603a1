import { METHODS } from "../../../src/protocol";
import { checkParams, invalid } from "./params";
import type { MethodHandler } from "./types";

// device.pair.setupCode / setupStatus (docs/real-gateway-admin-and-nodes.md §8), operator.admin
// only (method-scopes.ts). The mock is bound to loopback, so a code needs a publicUrl. Redeeming
// a code is not modelled: setupStatus answers `{}` (unused) until the code is forgotten.

const SETUP_CODE_TTL_MS = 600_000;
const LOOPBACK_ONLY =
  "Gateway is only bound to loopback. Set gateway.bind=lan, enable tailscale serve, or configure plugins.entries.device-pair.config.publicUrl.";
const ACCESS = { limited: "limited", node: "node" } as Record<string, string>;

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export const setupCodeHandlers: Record<string, MethodHandler> = {
  [METHODS.setupCode]: ({ ctx, method, params }) => {
    const read = checkParams(method, params);
    if (!read.ok) return read.result;
    const url = read.values.publicUrl as string | undefined;
    if (!url) return invalid(LOOPBACK_ONLY);
    const setupId = ctx.clock.randomId();
    const expiresAtMs = ctx.clock.now() + SETUP_CODE_TTL_MS;
    const bootstrapToken = `${ctx.clock.randomId()}${ctx.clock.randomId()}`;
    return {
      ok: true,
      payload: {
        setupId,
        expiresAtMs,
        setupCode: base64url(JSON.stringify({ url, bootstrapToken, expiresAtMs })),
        gatewayUrl: url,
        auth: "token",
        urlSource: "request.publicUrl",
        access: ACCESS[read.values.bootstrapProfile as string] ?? "full",
      },
    };
  },
  [METHODS.setupStatus]: ({ method, params }) => {
    const read = checkParams(method, params);
    return read.ok ? { ok: true, payload: {} } : read.result;
  },
};
