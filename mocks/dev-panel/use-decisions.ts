import { useCallback, useEffect, useState } from "react";
import type { ConnectDecision, MockGateway } from "../core/types";

// The connect decisions the panel shows, newest first, live from gateway.onDecision.

const MAX_ROWS = 100;

export function useDecisions(gateway: MockGateway): {
  decisions: ConnectDecision[];
  clear(): void;
} {
  const [decisions, setDecisions] = useState<ConnectDecision[]>(() =>
    [...gateway.decisions()].reverse().slice(0, MAX_ROWS),
  );
  useEffect(
    () =>
      gateway.onDecision((decision) =>
        setDecisions((current) => [decision, ...current].slice(0, MAX_ROWS)),
      ),
    [gateway],
  );
  const clear = useCallback(() => setDecisions([]), []);
  return { decisions, clear };
}
