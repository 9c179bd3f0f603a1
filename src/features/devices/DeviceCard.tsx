import { useId, type ReactNode } from "react";
import { deviceName } from "../../api/device-mutations";
import { describeClient, deviceFingerprint } from "../../policy";
import { adminLabel, type PairedDevice } from "../../protocol";
import { Link } from "../../routing/router";
import { ActionButton } from "./ActionButton";
import { actionNeeds, approvedHow } from "./device-view";
import { DeviceTokens } from "./DeviceTokens";
import { RelativeTime } from "./RelativeTime";
import { ScopeList } from "./ScopeList";

export type OpenAction = (
  type: "rename" | "remove" | "rotate" | "revoke",
  device: PairedDevice,
  role?: string,
) => void;

type Props = {
  device: PairedDevice;
  callerScopes: readonly string[];
  now: number;
  onAction: OpenAction;
  /** In the list: a link to the device's own page. */
  withDetailsLink?: boolean;
  headingLevel?: 2 | 3;
};

export function DeviceCard({
  device,
  callerScopes,
  now,
  onAction,
  withDetailsLink,
  headingLevel = 3,
}: Props) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const name = deviceName(device);
  const reported = device.displayName?.trim();
  return (
    <article className="devices-card" aria-labelledby={headingId} data-device-id={device.deviceId}>
      <header className="devices-card-head">
        <Heading id={headingId} className="devices-name">
          {name}
        </Heading>
        <span
          className={
            device.connected ? "devices-pill devices-pill-on" : "devices-pill devices-pill-off"
          }
        >
          {device.connected ? "Connected now" : "Not connected"}
        </span>
      </header>
      <dl className="devices-facts">
        {adminLabel(device) && reported && reported !== adminLabel(device) ? (
          <Fact term="Calls itself">{reported}</Fact>
        ) : null}
        <Fact term="Client">{describeClient(device.clientId, device.clientMode)}</Fact>
        <Fact term="Platform">
          {[device.platform, device.deviceFamily].filter(Boolean).join(" · ") || "unknown"}
        </Fact>
        <Fact term="Roles">{device.roles.join(", ") || "none"}</Fact>
        <Fact term="Scopes">
          <ScopeList scopes={device.scopes} label={`Approved scopes of ${name}`} />
        </Fact>
        <Fact term="Approved">{approvedHow(device.approvedVia)}</Fact>
        <Fact term="Created">
          <RelativeTime at={device.createdAtMs} now={now} />
        </Fact>
        <Fact term="Approved at">
          <RelativeTime at={device.approvedAtMs} now={now} />
        </Fact>
        <Fact term="Last seen">
          <RelativeTime at={device.lastSeenAtMs} now={now} />
        </Fact>
        <Fact term="Device ID">
          <code title={device.deviceId}>{deviceFingerprint(device.deviceId)}</code>
        </Fact>
      </dl>
      <DeviceTokens
        tokens={device.tokens ?? []}
        callerScopes={callerScopes}
        now={now}
        onRotate={(role) => onAction("rotate", device, role)}
        onRevoke={(role) => onAction("revoke", device, role)}
      />
      <div className="devices-actions">
        {withDetailsLink ? (
          <Link to={{ name: "device", deviceId: device.deviceId }} className="devices-details-link">
            Details<span className="visually-hidden"> of {name}</span>
          </Link>
        ) : null}
        <ActionButton
          missing={actionNeeds("rename", callerScopes)}
          onClick={() => onAction("rename", device)}
        >
          Rename
        </ActionButton>
        <ActionButton
          danger
          missing={actionNeeds("remove", callerScopes)}
          onClick={() => onAction("remove", device)}
        >
          Remove
        </ActionButton>
      </div>
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const termId = useId();
  return (
    <div className="devices-fact">
      <dt id={termId}>{term}</dt>
      <dd aria-labelledby={termId}>{children}</dd>
    </div>
  );
}
