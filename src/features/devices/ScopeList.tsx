import { isDangerousScope } from "../../policy";
import type { WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";

export function ScopeList({ scopes, label }: { scopes: readonly WireText[]; label: string }) {
  if (scopes.length === 0) return <span className="devices-muted">none</span>;
  return (
    <ul className="devices-scopes" aria-label={label}>
      {scopes.map((scope) => {
        const dangerous = isDangerousScope(scope);
        return (
          <li
            key={scope}
            className={dangerous ? "devices-scope devices-scope-danger" : "devices-scope"}
          >
            <code>
              <DeviceText value={scope} />
            </code>
            {dangerous ? <span className="devices-scope-flag"> (dangerous)</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
