import { useMemo, useSyncExternalStore } from "react";
import { useGatewayConnection } from "../../gateway/context";

/** The scopes this socket holds (hello-ok auth.scopes), live across reconnects. */
export function useCallerScopes(): readonly string[] {
  const connection = useGatewayConnection();
  // Read as one string: `scopes` may hand out a new array per read, which must not re-render.
  const key = useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => connection.scopes.join("\n"),
  );
  return useMemo(() => (key ? key.split("\n") : []), [key]);
}
