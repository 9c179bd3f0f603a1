import { usePairList } from "../api/pair-list";
import { Link, type Route } from "../routing/router";

/** Paired devices at a glance, until a full devices screen exists. */
export function DevicesOverview({
  route,
}: {
  route: Extract<Route, { name: "devices" | "device" }>;
}) {
  const { data, isPending, isError } = usePairList();
  const paired = data?.paired ?? [];
  const shown =
    route.name === "device" ? paired.filter((d) => d.deviceId === route.deviceId) : paired;
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">Devices</h2>
      {isPending ? <p>Loading paired devices…</p> : null}
      {isError ? <p>The paired devices could not be loaded.</p> : null}
      {data ? (
        <p>
          {paired.length === 1 ? "1 paired device" : `${paired.length} paired devices`}
          {route.name === "device" && shown.length === 0 ? ". No paired device has that ID." : ""}
        </p>
      ) : null}
      <ul className="device-list">
        {shown.map((device) => (
          <li key={device.deviceId}>
            <strong>
              {device.label ?? device.displayName ?? device.clientId ?? "Unnamed device"}
            </strong>{" "}
            <code>{device.deviceId.slice(0, 12)}</code> — {device.scopes.join(", ") || "no scopes"}
          </li>
        ))}
      </ul>
      {route.name === "device" ? <Link to={{ name: "devices" }}>All devices</Link> : null}
    </section>
  );
}
