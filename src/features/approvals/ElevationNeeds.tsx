import { OPERATOR_SCOPES, ROLES } from "../../protocol";
import { ElevationDialog } from "../../ui/ElevationDialog";
import { NamedRequests } from "./RequestFacts";
import type { PendingElevation } from "./use-decisions";

type Props = PendingElevation & {
  onConfirm: () => void;
  onCancel: () => void;
  focusAfter: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function ElevationNeeds({ views, scopes, ...actions }: Props) {
  const lacking = views.filter((view) => view.missingScopes.length > 0);
  const single = views.length === 1 ? views[0] : undefined;
  const otherRole = lacking.some((view) =>
    [view.request.role, ...view.request.roles].some((role) => role && role !== ROLES.operator),
  );
  return (
    <ElevationDialog
      title={
        single
          ? `Reconnect to approve “${single.shownName}”?`
          : `Reconnect to approve ${views.length} requests?`
      }
      scopes={scopes}
      {...actions}
    >
      {otherRole && (
        <p>
          Only a session holding <code>{OPERATOR_SCOPES.admin}</code> may approve a role other than
          operator.
        </p>
      )}
      {!single && (
        <NamedRequests
          views={lacking}
          detail={(view) => `needs ${view.missingScopes.join(", ")}`}
        />
      )}
    </ElevationDialog>
  );
}
