import { useId } from "react";
import { useConnectionStatus } from "../../stores/connection-store";
import { ConnectForm } from "./ConnectForm";
import { ProblemNotice } from "./ProblemNotice";

export function ConnectPage() {
  const status = useConnectionStatus();
  const formId = useId();
  const problem =
    status.kind === "failed" || status.kind === "reconnecting" ? status.problem : undefined;
  return (
    <section className="connect-page" aria-labelledby="connect-heading">
      <h2 id="connect-heading">Connect to a gateway</h2>
      <p className="lede">
        Pairdesk connects to an OpenClaw gateway as this browser’s device and asks only for
        operator.read and operator.pairing.
      </p>
      {problem ? (
        <ProblemNotice
          problem={problem}
          retryForm={status.kind === "failed" ? formId : undefined}
        />
      ) : null}
      <ConnectForm id={formId} />
    </section>
  );
}
