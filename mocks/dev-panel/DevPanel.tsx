import { useId, useRef, useState } from "react";
import type { MockGateway } from "../core/types";
import { SCENARIOS, type ScenarioName } from "../simulator/scenarios";
import type { SimulatedResult, Simulator } from "../simulator/simulator";
import { DecisionTable } from "./DecisionTable";
import { ScenarioList } from "./ScenarioList";
import { useDecisions } from "./use-decisions";
import "./dev-panel.css";

// The developer's window into the mock gateway (dev only, never in a production build):
// fire simulated devices and read why the rules decided what they did.

export type DevPanelProps = {
  gateway: MockGateway;
  simulator: Simulator;
  /** The mock's shared token. A mock secret: shown here instead of being logged. */
  token: string;
  url: string;
};

function summary(title: string, results: SimulatedResult[]): string {
  const last = results.at(-1);
  if (!last) return `${title}: nothing happened`;
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
  const tally = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
  const request = last.requestId ? `, request ${last.requestId}` : "";
  // What each call the scenario made answered, e.g. the seed's cron.add → MISSING_SCOPE.
  const calls = results
    .flatMap((result) => result.calls ?? [])
    .map(({ method, response }) =>
      response.ok ? `${method} ok` : `${method} ${callError(response.error)}`,
    );
  const steps = calls.length > 0 ? `; ${calls.join("; ")}` : "";
  return `${title}: ${last.outcome}${request}${steps} (${results.length} connects: ${tally})`;
}

function callError(error: { code?: string; details?: unknown } | undefined): string {
  const details = error?.details as { code?: unknown } | undefined;
  return typeof details?.code === "string" ? details.code : (error?.code ?? "refused");
}

export function DevPanel({ gateway, simulator, token, url }: DevPanelProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const { decisions, clear } = useDecisions(gateway);
  const bodyId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  async function perform(label: string, work: () => Promise<string>) {
    setBusy(true);
    setMessage(`${label}…`);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const run = (name: ScenarioName) =>
    void perform(SCENARIOS[name].title, async () =>
      summary(SCENARIOS[name].title, await simulator.run(name)),
    );
  const burst = (name: ScenarioName, count: number) =>
    void perform(SCENARIOS[name].title, async () =>
      summary(`${count} × ${SCENARIOS[name].title}`, await simulator.burst(name, count)),
    );
  const reset = () =>
    void perform("Reset", async () => {
      await gateway.reset();
      // Closing the sockets makes the app reconnect and read the empty lists, as after a reload.
      await gateway.restart();
      clear();
      return "State reset: no devices, no requests; the app reconnected and read them again.";
    });
  const restart = () =>
    void perform("Restart", async () => {
      await gateway.restart();
      return "Gateway restarted: sockets closed, state reloaded.";
    });

  return (
    <aside
      className="mock-panel"
      aria-label="Mock gateway tools"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="mock-panel__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((value) => !value)}
      >
        Mock gateway
      </button>
      <div id={bodyId} className="mock-panel__body" hidden={!open}>
        <dl className="mock-panel__facts">
          <dt>URL</dt>
          <dd>
            <code>{url}</code>
          </dd>
          <dt>Dev token</dt>
          <dd>
            <code>{token}</code>
          </dd>
        </dl>
        <p className="mock-panel__row">
          <button type="button" disabled={busy} onClick={reset}>
            Reset state
          </button>
          <button type="button" disabled={busy} onClick={restart}>
            Restart gateway
          </button>
        </p>
        <p className="mock-panel__message" aria-live="polite">
          {message}
        </p>
        <ScenarioList busy={busy} onRun={run} onBurst={burst} />
        <DecisionTable decisions={decisions} />
      </div>
    </aside>
  );
}
