import { useState } from "react";
import type { ConnectProblem } from "../../gateway/types";
import { shownText } from "../../ui/display-text";
import { DeviceText } from "../../ui/DeviceText";

type Props = {
  problem: ConnectProblem;
  /** The id of the connect form a "Try again" button submits, once retrying has stopped. */
  retryForm?: string;
};

export function ProblemNotice({ problem, retryForm }: Props) {
  return (
    <div role="alert" className="problem-notice">
      <h3 className="problem-title">{shownText(problem.title, Infinity)}</h3>
      <p>{shownText(problem.detail, Infinity)}</p>
      {problem.requestId ? (
        <p>
          Request ID:{" "}
          <code>
            <DeviceText value={problem.requestId} />
          </code>
        </p>
      ) : null}
      {problem.command ? <CommandLine command={problem.command} /> : null}
      {problem.code ? <p className="problem-code">Code for support: {problem.code}</p> : null}
      {retryForm ? (
        <button type="submit" form={retryForm}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function CommandLine({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  const clipboard = globalThis.navigator?.clipboard;
  const copy = () => {
    clipboard?.writeText(command).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="command-line">
      <p>On the gateway host, as the user that runs the gateway, run:</p>
      <pre>
        <code>{command}</code>
      </pre>
      {clipboard ? (
        <button type="button" onClick={copy}>
          {copied ? "Copied" : "Copy command"}
        </button>
      ) : null}
    </div>
  );
}
