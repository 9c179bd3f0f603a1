import type { ConnectDecision } from "../core/types";

// One row per connect: what the rules decided and why, in the core's own words.

function time(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false });
}

function result(decision: ConnectDecision): string {
  if (decision.outcome === "refused") {
    const code = [decision.errorCode, decision.detailCode].filter(Boolean).join(" / ");
    return code ? `refused (${code})` : "refused";
  }
  if (decision.reason === undefined || decision.reason === "none") return decision.outcome;
  const how = decision.silent ? "silent" : "pending";
  return decision.silentWhy ? `${how}: ${decision.silentWhy}` : how;
}

export function DecisionTable({ decisions }: { decisions: ConnectDecision[] }) {
  if (decisions.length === 0) return <p className="mock-panel__empty">No connects yet.</p>;
  return (
    <div className="mock-panel__scroll">
      <table className="mock-panel__table">
        <caption>Connect decisions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Client</th>
            <th scope="col">Ingress</th>
            <th scope="col">Locality</th>
            <th scope="col">Reason</th>
            <th scope="col">Result</th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision, index) => (
            <tr key={`${decision.connId}-${decision.at}-${index}`}>
              <td>{time(decision.at)}</td>
              <td>
                {decision.clientId}
                {decision.clientMode ? ` (${decision.clientMode})` : ""}
              </td>
              <td>{decision.ingress}</td>
              <td>
                {decision.locality ?? "—"}
                {decision.localityWhy ? <small> {decision.localityWhy}</small> : null}
              </td>
              <td>{decision.reason ?? "—"}</td>
              <td>{result(decision)}</td>
              <td>{decision.requestId ? <code>{decision.requestId}</code> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
