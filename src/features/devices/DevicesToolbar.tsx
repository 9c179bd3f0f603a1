import { useId, type ReactNode } from "react";
import { describeClient } from "../../policy";
import type { WireText } from "../../protocol";
import type { ApprovedFilter, ConnectedFilter, DeviceSort } from "../../stores/devices-store";
import { useDevicesActions, useDevicesStore } from "../../stores/devices-store";
import { shownText } from "../../ui/display-text";

type Props = { roles: readonly WireText[]; clients: readonly WireText[] };

export function DevicesToolbar({ roles, clients }: Props) {
  const state = useDevicesStore((s) => s);
  const actions = useDevicesActions();
  const searchId = useId();
  return (
    <div className="devices-toolbar" role="search" aria-label="Find devices">
      <div className="devices-field devices-search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          placeholder="Name, ID, client, scope…"
          value={state.search}
          onChange={(event) => actions.searchChanged(event.target.value)}
        />
      </div>
      <Select label="Role" value={state.roleFilter} onChange={actions.roleFilterChanged}>
        <option value="all">Any role</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {shownText(role)}
          </option>
        ))}
      </Select>
      <Select label="Client" value={state.clientFilter} onChange={actions.clientFilterChanged}>
        <option value="all">Any client</option>
        {clients.map((client) => (
          <option key={client} value={client}>
            {shownText(describeClient(client))}
          </option>
        ))}
      </Select>
      <Select
        label="Connection"
        value={state.connectedFilter}
        onChange={(value) => actions.connectedFilterChanged(value as ConnectedFilter)}
      >
        <option value="all">Connected or not</option>
        <option value="connected">Connected now</option>
        <option value="offline">Not connected</option>
      </Select>
      <Select
        label="Approved"
        value={state.approvedFilter}
        onChange={(value) => actions.approvedFilterChanged(value as ApprovedFilter)}
      >
        <option value="all">Any way</option>
        <option value="silent">Automatically on this host</option>
        <option value="owner">By an admin</option>
      </Select>
      <Select
        label="Sort by"
        value={state.sort}
        onChange={(value) => actions.sortChanged(value as DeviceSort)}
      >
        <option value="name">Name</option>
        <option value="last-seen">Last seen, newest first</option>
        <option value="approved">Approved, newest first</option>
        <option value="created">Created, newest first</option>
      </Select>
    </div>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="devices-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.children}
      </select>
    </div>
  );
}
