import { useId, useState } from "react";
import { SCENARIO_NAMES, SCENARIOS, type ScenarioName } from "../simulator/scenarios";

// Fire one scenario, or a burst of N fresh devices running it (to fill the approvals queue).

const MAX_BURST = 50;

type Props = {
  busy: boolean;
  onRun(name: ScenarioName): void;
  onBurst(name: ScenarioName, count: number): void;
};

function burstSize(text: string): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? Math.min(MAX_BURST, Math.max(1, value)) : 1;
}

export function ScenarioList({ busy, onRun, onBurst }: Props) {
  // The raw text, so clearing the field to type a new number works; clamped where used.
  const [text, setText] = useState("5");
  const count = burstSize(text);
  const countId = useId();
  return (
    <section aria-label="Scenarios">
      <p className="mock-panel__row">
        <label htmlFor={countId}>Burst size</label>
        <input
          id={countId}
          type="number"
          min={1}
          max={MAX_BURST}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </p>
      <ul className="mock-panel__scenarios">
        {SCENARIO_NAMES.map((name) => {
          const scenario = SCENARIOS[name];
          return (
            <li key={name}>
              <strong>{scenario.title}</strong> <code>{name}</code>
              <span className="mock-panel__description">{scenario.description}</span>
              <span className="mock-panel__row">
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Run ${scenario.title}`}
                  onClick={() => onRun(name)}
                >
                  Run
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Burst ${count} × ${scenario.title}`}
                  onClick={() => onBurst(name, count)}
                >
                  Burst ×{count}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
