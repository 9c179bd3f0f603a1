import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useGatewayConnection } from "../../gateway/context";
import { useCredentialStore } from "../../gateway/credential-context";
import type { SavedConnection } from "../../gateway/credential-store";
import type { ConnectSettings } from "../../gateway/types";
import { DEFAULT_GATEWAY_URL } from "../../protocol";
import { servingGatewayUrl } from "../../routing/base-path";
import { useConnectionStatus } from "../../stores/connection-store";

type SecretKind = ConnectSettings["secretKind"];

export function ConnectForm({ id }: { id?: string }) {
  const connection = useGatewayConnection();
  const credentials = useCredentialStore();
  const status = useConnectionStatus();
  // The gateway that served this page comes first; a secret saved for another one stays out.
  const [initial] = useState((): Partial<SavedConnection> | undefined => {
    const saved = credentials.load();
    const served = servingGatewayUrl();
    return served && saved?.url !== served ? { url: served } : saved;
  });
  const [url, setUrl] = useState(initial?.url ?? DEFAULT_GATEWAY_URL);
  const [secretKind, setSecretKind] = useState<SecretKind>(initial?.secretKind ?? "token");
  // Uncontrolled on purpose: React mirrors a controlled input's value into the DOM `value`
  // attribute, where any DOM dump, screenshot tool or extension would read the secret.
  const secretRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (secretRef.current) secretRef.current.value = initial?.secret ?? "";
  }, [initial]);
  const [remember, setRemember] = useState(initial?.remember ?? false);
  const [hasSaved, setHasSaved] = useState(initial?.secret !== undefined);
  const ids = { url: useId(), secret: useId(), remember: useId(), rememberHint: useId() };
  const busy = status.kind === "connecting";
  const secretLabel = secretKind === "token" ? "Token" : "Password";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const secret = secretRef.current?.value ?? "";
    connection.connect({ url: url.trim(), secret, secretKind, remember });
  };

  const forget = () => {
    credentials.forget(url.trim());
    if (secretRef.current) secretRef.current.value = "";
    setRemember(false);
    setHasSaved(false);
  };

  const rememberChanged = (checked: boolean) => {
    setRemember(checked);
    // Unticking takes the saved secret out of localStorage at once, not at the next connect.
    const saved = credentials.load();
    if (!checked && saved?.remember) credentials.save({ ...saved, remember: false });
  };

  return (
    <form id={id} className="connect-form" onSubmit={submit} aria-label="Connect to a gateway">
      <div className="field">
        <label htmlFor={ids.url}>Gateway URL</label>
        <input
          id={ids.url}
          name="gateway-url"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <fieldset className="field secret-kind">
        <legend>Sign in with</legend>
        {(["token", "password"] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="secret-kind"
              value={kind}
              checked={secretKind === kind}
              onChange={() => setSecretKind(kind)}
            />
            {kind === "token" ? "Gateway token" : "Gateway password"}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.secret}>{secretLabel}</label>
        <input
          id={ids.secret}
          name="secret"
          type="password"
          autoComplete={secretKind === "password" ? "current-password" : "off"}
          spellCheck={false}
          ref={secretRef}
        />
      </div>
      <div className="field checkbox">
        <input
          id={ids.remember}
          type="checkbox"
          checked={remember}
          aria-describedby={ids.rememberHint}
          onChange={(event) => rememberChanged(event.target.checked)}
        />
        <label htmlFor={ids.remember}>Remember on this device</label>
        <p id={ids.rememberHint} className="hint">
          Unticked, the {secretLabel.toLowerCase()} is forgotten when this tab closes. Ticked, it
          stays in this browser until you choose “Forget this gateway”.
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Connecting…" : "Connect"}
        </button>
        {hasSaved && !busy ? (
          <button type="button" onClick={forget}>
            Forget this gateway
          </button>
        ) : null}
        {busy || status.kind === "reconnecting" ? (
          <button type="button" onClick={() => connection.disconnect()}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
