import { memo, useId, type ReactNode } from "react";
import {
  adminLabel,
  describeClient,
  deviceFingerprint,
  deviceName,
  type Caller,
} from "../../policy";
import type { PairedDevice } from "../../protocol";
import { Link } from "../../routing/router";
import { DeviceText } from "../../ui/DeviceText";
import { SHORT_TEXT_LIMIT, shownText } from "../../ui/display-text";
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
  caller: Caller;
  now: number;
  onAction: OpenAction;
  withDetailsLink?: boolean;
  whole?: boolean;
};

export const DeviceCard = memo(function DeviceCard({
  device,
  caller,
  now,
  onAction,
  withDetailsLink,
  whole,
}: Props) {
  const headingId = useId();
  const limit = whole ? Number.POSITIVE_INFINITY : SHORT_TEXT_LIMIT;
  const name = deviceName(device);
  const label = adminLabel(device);
  const reported = device.displayName?.trim();
  const platform = [device.platform, device.deviceFamily].filter(Boolean).join(" · ");
  return (
    <article className="devices-card" aria-labelledby={headingId} data-device-id={device.deviceId}>
      <header className="devices-card-head">
        <h3 id={headingId} className="devices-name">
          <DeviceText value={name} limit={limit} />
        </h3>
        {device.deviceId === caller.deviceId ? (
          <span className="devices-pill devices-pill-self">This browser</span>
        ) : null}
        <span className={`devices-pill devices-pill-${device.connected ? "on" : "off"}`}>
          {device.connected ? "Connected now" : "Not connected"}
        </span>
      </header>
      <dl className="devices-facts">
        {label && reported && reported !== label ? (
          <Fact term="Calls itself">
            <DeviceText value={reported} limit={limit} />
          </Fact>
        ) : null}
        <Fact term="Client">
          <DeviceText value={describeClient(device.clientId, device.clientMode)} limit={limit} />
        </Fact>
        <Fact term="Platform">
          <DeviceText value={platform} fallback="unknown" limit={limit} />
        </Fact>
        <Fact term="Roles">
          <DeviceText value={device.roles.join(", ")} fallback="none" limit={limit} />
        </Fact>
        <Fact term="Scopes">
          <ScopeList scopes={device.scopes} label={`Approved scopes of ${shownText(name)}`} />
        </Fact>
        <Fact term="Approved">
          <DeviceText value={approvedHow(device.approvedVia)} limit={limit} />
        </Fact>
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
          <code title={shownText(device.deviceId, Number.POSITIVE_INFINITY)}>
            <DeviceText value={deviceFingerprint(device.deviceId)} />
          </code>
        </Fact>
      </dl>
      <DeviceTokens
        device={device}
        caller={caller}
        now={now}
        onRotate={(role) => onAction("rotate", device, role)}
        onRevoke={(role) => onAction("revoke", device, role)}
      />
      <div className="devices-actions">
        {withDetailsLink ? (
          <Link to={{ name: "device", deviceId: device.deviceId }} className="devices-details-link">
            Details<span className="visually-hidden"> of {shownText(name)}</span>
          </Link>
        ) : null}
        <ActionButton
          missing={actionNeeds("rename", caller, device)}
          onClick={() => onAction("rename", device)}
        >
          Rename
        </ActionButton>
        <ActionButton
          danger
          missing={actionNeeds("remove", caller, device)}
          onClick={() => onAction("remove", device)}
        >
          Remove
        </ActionButton>
      </div>
    </article>
  );
});

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  const termId = useId();
  return (
    <div className="devices-fact">
      <dt id={termId}>{term}</dt>
      <dd aria-labelledby={termId}>{children}</dd>
    </div>
  );
}
