import type { Caller } from "../../policy";
import type { PairedDevice } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";
import { ActionButton } from "./ActionButton";
import { shownText } from "../../ui/display-text";
import { actionNeeds } from "./device-view";
import { RelativeTime } from "./RelativeTime";
import { ScopeList } from "./ScopeList";

// Summaries only: a token's secret never leaves the gateway.

type Props = {
  device: PairedDevice;
  caller: Caller;
  now: number;
  onRotate: (role: string) => void;
  onRevoke: (role: string) => void;
};

export function DeviceTokens({ device, caller, now, onRotate, onRevoke }: Props) {
  const tokens = device.tokens ?? [];
  if (tokens.length === 0) return <p className="devices-muted">No tokens issued.</p>;
  return (
    <ul className="devices-tokens" aria-label="Tokens">
      {tokens.map((token) => {
        const role = shownText(token.role);
        return (
          <li key={token.role} className="devices-token">
            <p className="devices-token-head">
              <strong>
                <DeviceText value={token.role} /> token
              </strong>{" "}
              {token.revokedAtMs !== undefined ? (
                <span className="devices-pill devices-pill-off">
                  Revoked <RelativeTime at={token.revokedAtMs} now={now} />
                </span>
              ) : (
                <span className="devices-pill devices-pill-on">Active</span>
              )}
            </p>
            <p className="devices-token-times">
              Created <RelativeTime at={token.createdAtMs} now={now} />
              {token.rotatedAtMs !== undefined ? (
                <>
                  {" · "}Rotated <RelativeTime at={token.rotatedAtMs} now={now} />
                </>
              ) : null}
            </p>
            <ScopeList scopes={token.scopes} label={`Scopes of the ${role} token`} />
            <div className="devices-actions">
              <ActionButton
                missing={actionNeeds("rotate", caller, device, token)}
                onClick={() => onRotate(token.role)}
              >
                Rotate<span className="visually-hidden"> {role} token</span>
              </ActionButton>
              {token.revokedAtMs === undefined ? (
                <ActionButton
                  danger
                  missing={actionNeeds("revoke", caller, device, token)}
                  onClick={() => onRevoke(token.role)}
                >
                  Revoke<span className="visually-hidden"> {role} token</span>
                </ActionButton>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
