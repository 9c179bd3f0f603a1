import { useId } from "react";
import {
  useApprovalsActions,
  useApprovalsStore,
  type KindFilter,
} from "../../stores/approvals-store";
import { shownText } from "../../ui/display-text";
import { KIND_LABELS } from "./request-view";

const KIND_OPTIONS = Object.entries(KIND_LABELS) as [Exclude<KindFilter, "all">, string][];

export function ApprovalsToolbar({ clients }: { clients: { value: string; label: string }[] }) {
  const ids = { kind: useId(), client: useId(), search: useId(), sort: useId() };
  const { kindFilter, clientFilter, search, sort } = useApprovalsStore((state) => state);
  const actions = useApprovalsActions();
  // Keep a chosen client listed even after its last request left, so the select stays honest.
  const shownClients =
    clientFilter === "all" || clients.some((client) => client.value === clientFilter)
      ? clients
      : [...clients, { value: clientFilter, label: clientFilter || "Unknown client" }];
  return (
    <div role="search" aria-label="Filter requests" className="approvals-toolbar">
      <div className="field">
        <label htmlFor={ids.search}>Search</label>
        <input
          id={ids.search}
          type="search"
          placeholder="Name, device id or IP"
          value={search}
          onChange={(event) => actions.searchChanged(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>Kind</label>
        <select
          id={ids.kind}
          value={kindFilter}
          onChange={(event) => actions.kindFilterChanged(event.target.value as KindFilter)}
        >
          <option value="all">All kinds</option>
          {KIND_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.client}>Client</label>
        <select
          id={ids.client}
          value={clientFilter}
          onChange={(event) => actions.clientFilterChanged(event.target.value)}
        >
          <option value="all">All clients</option>
          {shownClients.map((client) => (
            <option key={client.value} value={client.value}>
              {shownText(client.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.sort}>Sort</label>
        <select
          id={ids.sort}
          value={sort}
          onChange={(event) =>
            actions.sortChanged(event.target.value === "oldest" ? "oldest" : "newest")
          }
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
    </div>
  );
}
