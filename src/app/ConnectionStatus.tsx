import type { ConnectionStatus as Status } from "../gateway/types";
import { useConnectionStatus } from "../stores/connection-store";
import { useNow } from "../ui/clock";
import { shownText } from "../ui/display-text";

export function ConnectionStatus() {
  const status = useConnectionStatus();
  return (
    <div role="status" aria-label="Connection" className={`connection-status is-${status.kind}`}>
      <span className="status-dot" aria-hidden="true" />
      <StatusText status={status} />
    </div>
  );
}

function StatusText({ status }: { status: Status }) {
  switch (status.kind) {
    case "idle":
    case "disconnected":
      return <span>Disconnected</span>;
    case "connecting":
      return <span>Connecting to {status.url}…</span>;
    case "connected":
      return (
        <span>
          Connected to {status.url}
          <span className="status-scopes">
            {" "}
            with {status.scopes.length > 0 ? status.scopes.join(", ") : "no scopes"}
          </span>
        </span>
      );
    case "reconnecting":
      return <Reconnecting url={status.url} retryAtMs={status.retryAtMs} />;
    case "failed":
      return <span>Not connected: {shownText(status.problem.title, Infinity)}</span>;
  }
}

function Reconnecting({ url, retryAtMs }: { url: string; retryAtMs: number }) {
  const seconds = Math.max(0, Math.ceil((retryAtMs - useNow(250)) / 1000));
  return (
    <span>
      Reconnecting to {url}
      {/* Hidden from screen readers: a live region re-announcing every second drowns everything. */}
      <span aria-hidden="true">
        {" "}
        — {seconds > 0 ? `retrying in ${seconds} s` : "retrying now…"}
      </span>
    </span>
  );
}
