import type { ErrorShape } from "../../../src/protocol";
import type { CoreContext, LiveConnection } from "../context";

// The shape of one method handler of the mock gateway.

export type Session = NonNullable<LiveConnection["session"]>;

export type MethodCall = {
  ctx: CoreContext;
  connection: LiveConnection;
  session: Session;
  method: string;
  params: Record<string, unknown>;
};

export type MethodResult =
  { ok: true; payload: unknown; after?: () => void } | { ok: false; error: ErrorShape };

export type MethodHandler = (call: MethodCall) => MethodResult;
