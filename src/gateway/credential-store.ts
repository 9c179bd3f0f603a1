import {
  gatewayCredentialScope,
  type GatewayBrowserDeviceTokenRecord,
  type GatewayBrowserDeviceTokenStore,
} from "@openclaw/gateway-client/browser";
import { isRecord } from "../protocol";
import type { ConnectSettings } from "./types";

// Where secrets live: sessionStorage by default (gone when the tab closes), localStorage only
// when the person ticked "Remember on this device". A record is only ever in one of the two.

/** The subset of the Web Storage API this module uses (tests pass a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key"> & {
  readonly length: number;
};

export type SavedConnection = ConnectSettings & {
  /** False after an explicit Disconnect, so a reload does not reconnect behind the user's back. */
  autoConnect: boolean;
};

export interface CredentialStore {
  load(): SavedConnection | undefined;
  save(settings: ConnectSettings): void;
  pauseAutoConnect(): void;
  forget(url: string): void;
  deviceTokens(url: string, remember: boolean): GatewayBrowserDeviceTokenStore;
}

const CONNECTION_KEY = "pairdesk.connection.v1";
const DEVICE_TOKEN_PREFIX = "pairdesk.device-token.v1:";

export function createCredentialStore(storages: {
  session: KeyValueStorage | undefined;
  local: KeyValueStorage | undefined;
}): CredentialStore {
  const { session, local } = storages;
  const pick = (remember: boolean) => (remember ? local : session);
  const other = (remember: boolean) => (remember ? session : local);

  const load = (): SavedConnection | undefined =>
    parseConnection(read(session, CONNECTION_KEY)) ?? parseConnection(read(local, CONNECTION_KEY));

  return {
    load,
    save(settings) {
      const record: SavedConnection = { ...settings, autoConnect: true };
      write(pick(settings.remember), CONNECTION_KEY, JSON.stringify(record));
      remove(other(settings.remember), CONNECTION_KEY);
    },
    pauseAutoConnect() {
      const saved = load();
      if (saved)
        write(
          pick(saved.remember),
          CONNECTION_KEY,
          JSON.stringify({ ...saved, autoConnect: false }),
        );
    },
    forget(url) {
      const saved = load();
      if (saved && gatewayCredentialScope(saved.url) === gatewayCredentialScope(url)) {
        remove(session, CONNECTION_KEY);
        remove(local, CONNECTION_KEY);
      }
      const prefix = deviceTokenPrefix(url);
      for (const storage of [session, local]) {
        for (const key of keysWithPrefix(storage, prefix)) remove(storage, key);
      }
    },
    deviceTokens(url, remember) {
      const keyFor = (params: { clientId: string; deviceId: string; role: string }) =>
        `${deviceTokenPrefix(url)}${params.clientId}|${params.deviceId}|${params.role}`;
      return {
        load(params) {
          const key = keyFor(params);
          return parseTokenRecord(read(session, key)) ?? parseTokenRecord(read(local, key)) ?? null;
        },
        store(params) {
          const key = keyFor(params);
          const record: GatewayBrowserDeviceTokenRecord = {
            token: params.token,
            scopes: params.scopes,
          };
          write(pick(remember), key, JSON.stringify(record));
          remove(other(remember), key);
        },
        clear(params) {
          const key = keyFor(params);
          remove(session, key);
          remove(local, key);
        },
      };
    },
  };
}

/** The browser's storages; either may be missing or throw (private modes, disabled storage). */
export function browserStorages(): {
  session: KeyValueStorage | undefined;
  local: KeyValueStorage | undefined;
} {
  const get = (name: "sessionStorage" | "localStorage") => {
    try {
      return globalThis[name];
    } catch {
      return undefined;
    }
  };
  return { session: get("sessionStorage"), local: get("localStorage") };
}

function deviceTokenPrefix(url: string): string {
  return `${DEVICE_TOKEN_PREFIX}${gatewayCredentialScope(url)}|`;
}

function keysWithPrefix(storage: KeyValueStorage | undefined, prefix: string): string[] {
  if (!storage) return [];
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function read(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // A full or disabled storage only costs the person a re-entry after reload.
  }
}

function remove(storage: KeyValueStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing stored there can be left behind if the storage itself is unavailable.
  }
}

function parseJson(text: string | null): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? "");
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function parseConnection(text: string | null): SavedConnection | undefined {
  const value = parseJson(text);
  if (!value || typeof value.url !== "string" || typeof value.secret !== "string") return undefined;
  return {
    url: value.url,
    secret: value.secret,
    secretKind: value.secretKind === "password" ? "password" : "token",
    remember: value.remember === true,
    autoConnect: value.autoConnect !== false,
  };
}

function parseTokenRecord(text: string | null): GatewayBrowserDeviceTokenRecord | undefined {
  const value = parseJson(text);
  if (!value || typeof value.token !== "string" || !Array.isArray(value.scopes)) return undefined;
  return { token: value.token, scopes: value.scopes.filter((scope) => typeof scope === "string") };
}
