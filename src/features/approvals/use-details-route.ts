import { useEffect, useState } from "react";
import { navigate, type Route } from "../../routing/router";
import { useApprovalsStore } from "../../stores/approvals-store";
import type { RequestView } from "./request-view";

export function useDetailsRoute(
  route: Route | null,
  live: readonly RequestView[],
  loaded: boolean,
) {
  const successors = useApprovalsStore((state) => state.successors);
  const requestId = route?.name === "request" ? route.requestId : undefined;
  const newest = requestId ? (successors[requestId] ?? requestId) : undefined;

  useEffect(() => {
    if (requestId && newest && newest !== requestId) {
      navigate({ name: "request", requestId: newest }, { replace: true });
    }
  }, [requestId, newest]);

  const view = newest ? live.find((v) => v.request.requestId === newest) : undefined;
  // Kept so the dialog can say "expired" rather than "not found" when time runs out while open.
  const [seen, setSeen] = useState<RequestView>();
  if (view && view !== seen) setSeen(view);
  const lastSeen = !view && seen?.request.requestId === newest ? seen : undefined;
  return {
    lastSeen,
    // Until the first list arrives we cannot tell "gone" from "not loaded yet".
    open: requestId !== undefined && (loaded || view !== undefined),
    view,
    close: () => navigate({ name: "approvals" }),
  };
}
