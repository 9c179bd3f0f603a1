import { useMemo, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../../gateway/context";
import type { Caller } from "../../policy";

/** The scopes this socket holds (hello-ok auth.scopes) and this browser's device, live. */
export function useCaller(): Caller {
  const connection = useGatewayConnection();
  // Read as one string: `scopes` may hand out a new array per read, which must not re-render.
  const key = useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => {
      const { status } = connection;
      const self = status.kind === "connected" ? (status.deviceId ?? "") : "";
      return [self, ...connection.scopes].join("\n");
    },
  );
  return useMemo(() => {
    const [deviceId = "", ...scopes] = key.split("\n");
    return { scopes, ...(deviceId ? { deviceId } : {}) };
  }, [key]);
}
