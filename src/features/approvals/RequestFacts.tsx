import { PENDING_CAUSES, REQUEST_KINDS, sameIdentity } from "../../policy";
import type { PairedDevice, PendingRequest, WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import type { RequestView } from "./request-view";

function Fact({ term, value, wide }: { term: string; value?: WireText; wide?: boolean }) {
  if (!value) return null;
  return (
    <div className={wide ? "fact wide" : "fact"}>
      <dt>{term}</dt>
      <dd className="truncate">
        <DeviceText value={value} />
      </dd>
    </div>
  );
}

const platformOf = (record: Pick<PendingRequest | PairedDevice, "platform" | "deviceFamily">) =>
  [record.platform, record.deviceFamily].filter(Boolean).join(" · ") || "not given";

export function RequestFacts({ view }: { view: RequestView }) {
  const { request } = view;
  const now = platformOf(request);
  // A changed identity shows what the device was approved with, then what it claims now.
  const same = view.kind === REQUEST_KINDS.reApproval && sameIdentity(request, view.paired);
  const before = same ? platformOf(same) : now;
  return (
    <dl className="request-facts">
      <Fact term="Client" value={view.client} />
      <Fact term="Platform" value={before === now ? now : `${before} → ${now}`} />
      <Fact term="Role" value={view.roles.join(", ")} />
      <Fact term="Device" value={view.fingerprint} />
      {/* The gateway records an address only when it was not loopback (observed). */}
      <Fact term="Address" value={request.remoteIp} />
      <Fact term="Browser origin" value={request.browserOrigin} wide />
    </dl>
  );
}

export function NamedRequests(props: {
  views: RequestView[];
  detail: (view: RequestView) => WireText;
}) {
  return (
    <ul className="confirm-devices">
      {props.views.map((view) => (
        <li key={view.request.requestId}>
          <strong className="truncate">
            <DeviceText value={view.name} />
          </strong>{" "}
          <span className="muted">
            <DeviceText value={props.detail(view)} sentence />
          </span>
        </li>
      ))}
    </ul>
  );
}

export const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** What the request proves, else the most likely cause its client's rules allow (Details: all). */
export function WhyItNeedsYou({ view }: { view: RequestView }) {
  const { known, possible } = view.whyNotSilent;
  // Known causes quote wire values (an address, an origin).
  if (known.length > 0) return <DeviceText value={known.map(sentence).join(" ")} sentence />;
  const [first, ...more] = possible;
  const rest = more.length > 0 ? ` (${more.length} more possible in Details)` : "";
  const likely = first ? PENDING_CAUSES[first] : "unknown";
  return <>{`The gateway does not record why. Most likely ${likely}${rest}.`}</>;
}
