import type { WireText } from "../../protocol";
import { hrefFor, navigate } from "../../routing/router";
import { useApprovalsActions, useApprovalsStore } from "../../stores/approvals-store";
import { ApprovalsToolbar } from "./ApprovalsToolbar";
import { BulkBar } from "../../ui/BulkBar";
import { RequestList } from "./RequestList";
import type { RequestView } from "./request-view";
import type { useApprovalsView } from "./use-approvals-view";

const requestHref = (requestId: string) => hrefFor({ name: "request", requestId });
export const openDetails = (requestId: string) => navigate({ name: "request", requestId });

type Props = {
  view: ReturnType<typeof useApprovalsView>;
  now: number;
  activeId: WireText | undefined;
  focusNonce: number;
  onActivate: (requestId: string) => void;
  approve: (views: readonly RequestView[]) => void;
  reject: (views: readonly RequestView[]) => void;
};

export function RequestsPanel({ view, now, activeId, focusNonce, onActivate, ...act }: Props) {
  const actions = useApprovalsActions();
  const { visible, selectedShown } = view;
  return (
    <>
      <ApprovalsToolbar clients={view.clients} />
      <BulkBar
        shownCount={visible.length}
        selectedShown={selectedShown.length}
        selectedHidden={view.selectedHidden}
        onSelectAllShown={(all) =>
          all
            ? actions.requestsSelected(visible.map((v) => v.request.requestId))
            : actions.selectionCleared()
        }
        onApprove={() => act.approve(selectedShown)}
        onReject={() => act.reject(selectedShown)}
        onClear={actions.selectionCleared}
      />
      {visible.length === 0 ? (
        <FilteredOut count={view.live.length} />
      ) : (
        <RequestList
          views={visible}
          selected={view.selected}
          activeId={activeId}
          now={now}
          hrefFor={requestHref}
          focusNonce={focusNonce}
          onToggle={actions.requestToggled}
          onApprove={act.approve}
          onReject={act.reject}
          onOpenDetails={openDetails}
          onActivate={onActivate}
        />
      )}
    </>
  );
}

function FilteredOut({ count }: { count: number }) {
  const { filtersCleared } = useApprovalsActions();
  const search = useApprovalsStore((state) => state.search);
  return (
    <p className="muted">
      None of the {count} waiting requests match{search ? ` “${search}”` : " these filters"}.{" "}
      <button type="button" className="link" onClick={filtersCleared}>
        Clear filters
      </button>
    </p>
  );
}
