import type { PairList } from "../../protocol";
import { Link } from "../../routing/router";
import { describeClient, type Caller } from "../../policy";
import { DeviceText } from "../../ui/DeviceText";
import { DeviceCard, Fact, type OpenAction } from "./DeviceCard";
import { RelativeTime } from "./RelativeTime";
import { ScopeList } from "./ScopeList";

/** What both views of the device list get (the overview and one device's details). */
export type DevicesViewProps = {
  list: PairList;
  caller: Caller;
  now: number;
  onAction: OpenAction;
};

type Props = DevicesViewProps & { deviceId: string };

export function DeviceDetails({ deviceId, list, caller, now, onAction }: Props) {
  const device = list.paired.find((paired) => paired.deviceId === deviceId);
  const pending = list.pending.find((request) => request.deviceId === deviceId);
  return (
    <div className="devices-details">
      <p>
        <Link to={{ name: "devices" }}>All devices</Link>
      </p>
      {device ? (
        <DeviceCard device={device} caller={caller} now={now} onAction={onAction} whole />
      ) : (
        <p>{pending ? "This device is not paired yet." : "No paired device has this ID."}</p>
      )}
      {pending ? (
        <section className="devices-pending" aria-labelledby="devices-pending-heading">
          <h3 id="devices-pending-heading">Pending request</h3>
          <dl className="devices-facts">
            <Fact term="Asked">
              <RelativeTime at={pending.ts} now={now} />
            </Fact>
            <Fact term="As">
              <DeviceText
                value={describeClient(pending.clientId, pending.clientMode)}
                limit={Number.POSITIVE_INFINITY}
              />
              , role <DeviceText value={pending.role} limit={Number.POSITIVE_INFINITY} />
            </Fact>
            <Fact term="Scopes asked">
              <ScopeList scopes={pending.scopes} label="Scopes asked" />
            </Fact>
          </dl>
          <Link to={{ name: "request", requestId: pending.requestId }}>Review this request</Link>
        </section>
      ) : null}
    </div>
  );
}
