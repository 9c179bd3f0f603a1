import { useMemo, useState } from "react";
import { usePendingRequests } from "../../api/pair-list";
import { useApprovalsStore } from "../../stores/approvals-store";
import { useConnectionStatus } from "../../stores/connection-store";
import { clientOptions, filterAndSort, toRequestViews } from "./listed-views";
import type { RequestView } from "./request-view";

const NONE: RequestView[] = [];

export function useApprovalsView() {
  const { pending, paired, query } = usePendingRequests();
  const { kindFilter, clientFilter, search, sort, selected, successors } = useApprovalsStore(
    (state) => state,
  );
  const status = useConnectionStatus();
  // While reconnecting, the last known scopes still say what an approval will need.
  const heldKey = status.kind === "connected" ? status.scopes.join(" ") : undefined;
  const [lastHeld, setLastHeld] = useState("");
  if (heldKey !== undefined && heldKey !== lastHeld) setLastHeld(heldKey);
  const held = heldKey ?? lastHeld;
  const heldScopes = useMemo(() => (held ? held.split(" ") : []), [held]);

  // A request past five minutes stays: the gateway keeps it alive when the device asked again.
  const live = useMemo(
    () => toRequestViews(pending, paired, heldScopes, new Set(Object.values(successors))),
    [pending, paired, heldScopes, successors],
  );
  const visible = useMemo(
    () => filterAndSort(live, { kindFilter, clientFilter, search, sort }),
    [live, kindFilter, clientFilter, search, sort],
  );
  const clients = useMemo(() => clientOptions(live), [live]);
  const selectedShown = useMemo(
    () =>
      selected.size === 0 ? NONE : visible.filter((view) => selected.has(view.request.requestId)),
    [visible, selected],
  );
  // Shown ones are live ones: the rest of the selected live ones are hidden by the filters.
  const selectedHidden = useMemo(
    () =>
      selected.size === selectedShown.length
        ? 0
        : live.filter(({ request }) => selected.has(request.requestId)).length -
          selectedShown.length,
    [live, selected, selectedShown],
  );

  return { query, live, visible, clients, selected, selectedShown, selectedHidden };
}
