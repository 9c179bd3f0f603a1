import { isDangerousScope, type ScopeDiff } from "../../policy";
import { OPERATOR_SCOPES, type WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";

// Warnings in words, not only in colour; approval keeps held scopes that are not asked again.

function warningFor(scope: string): string | undefined {
  if (scope === OPERATOR_SCOPES.admin) return "full control";
  if (isDangerousScope(scope)) return "sensitive";
  return undefined;
}

function Group({ label, kind, scopes }: { label: string; kind: string; scopes: WireText[] }) {
  if (scopes.length === 0) return null;
  return (
    <ul className={`scope-group ${kind}`} aria-label={label}>
      {scopes.map((scope) => {
        const warning = kind === "added" ? warningFor(scope) : undefined;
        return (
          <li key={scope} className={warning ? `scope ${kind} danger` : `scope ${kind}`}>
            {kind === "added" && (
              <span className="scope-mark" aria-hidden="true">
                +
              </span>
            )}
            <code>
              {/* Scope names come from the device too: a zero-width space can fake one. */}
              <DeviceText value={scope} />
            </code>
            {warning && <strong className="scope-warning">{warning}</strong>}
          </li>
        );
      })}
    </ul>
  );
}

export function ScopeDiffList({ diff }: { diff: ScopeDiff }) {
  const asked = diff.added.length + diff.kept.length > 0;
  return (
    <div className="scope-diff">
      {asked ? null : <p className="muted">No scopes asked.</p>}
      <Group label="Scopes added" kind="added" scopes={diff.added} />
      <Group label="Scopes asked again" kind="kept" scopes={diff.kept} />
      <Group label="Held, not asked: kept" kind="removed" scopes={diff.removed} />
    </div>
  );
}
