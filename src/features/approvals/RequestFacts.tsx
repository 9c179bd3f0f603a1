import { LOCALITIES } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import type { RequestView } from "./request-view";

// The facts an admin checks before deciding, as a compact description list.

const LOCALITY_WORDS: Record<string, string> = {
  [LOCALITIES.directLocal]: "direct loopback",
  [LOCALITIES.browserContainerLocal]: "local browser",
  [LOCALITIES.cliContainerLocal]: "local command line",
  [LOCALITIES.sharedSecretLoopbackLocal]: "loopback with the shared secret",
  [LOCALITIES.remote]: "remote",
};

function Fact({ term, value, wide }: { term: string; value: string | undefined; wide?: boolean }) {
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

export function RequestFacts({ view }: { view: RequestView }) {
  const { request } = view;
  const platform = [request.platform, request.deviceFamily].filter(Boolean).join(" · ");
  const roles = [...new Set([request.role, ...request.roles].filter(Boolean))];
  // Pending requests from loopback peers carry no address (observed): then say nothing.
  const { locality: known } = view.whyNotSilent;
  const words = known === "unknown" ? undefined : (LOCALITY_WORDS[known] ?? known);
  const locality =
    words && request.remoteIp ? `${words} — connected from ${request.remoteIp}` : words;
  const roleText = roles
    .map((role) => (view.addedRoles.includes(role) ? `${role} (new)` : role))
    .join(", ");
  return (
    <dl className="request-facts">
      <Fact term="Client" value={view.client} />
      <Fact term="Platform" value={platform || "not given"} />
      <Fact term="Role" value={roleText} />
      <Fact term="Device" value={view.fingerprint} />
      {locality ? (
        <Fact term="Locality" value={locality} wide />
      ) : (
        <Fact term="IP address" value={request.remoteIp} />
      )}
      <Fact term="Browser origin" value={request.browserOrigin} wide />
    </dl>
  );
}
