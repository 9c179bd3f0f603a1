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

type Storages = { session: KeyValueStorage | undefined; local: KeyValueStorage | undefined };

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

// early-socket-opener.js reads this key too (its unit test saves through this store).
const CONNECTION_KEY = "pairdesk.connection.v1";
const DEVICE_TOKEN_PREFIX = "pairdesk.device-token.v1:";

export function createCredentialStore(storages: Storages): CredentialStore {
  const { session, local } = storages;
  const readEither = <T>(key: string, parse: (text: string | null) => T | undefined) =>
    parse(read(session, key)) ?? parse(read(local, key));
  // A record is written where `remember` says and removed from the other storage.
  const keep = (remember: boolean, key: string, value: unknown) => {
    write(remember ? local : session, key, JSON.stringify(value));
    remove(remember ? session : local, key);
  };
  const removeBoth = (key: string) => [session, local].forEach((storage) => remove(storage, key));
  const load = () => readEither(CONNECTION_KEY, parseConnection);

  return {
    load,
    save: (settings) => keep(settings.remember, CONNECTION_KEY, { ...settings, autoConnect: true }),
    pauseAutoConnect() {
      const saved = load();
      if (saved) keep(saved.remember, CONNECTION_KEY, { ...saved, autoConnect: false });
    },
    forget(url) {
      const saved = load();
      if (saved && gatewayCredentialScope(saved.url) === gatewayCredentialScope(url)) {
        removeBoth(CONNECTION_KEY);
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
        load: (params) => readEither(keyFor(params), parseTokenRecord) ?? null,
        store: ({ token, scopes, ...params }) => {
          const record: GatewayBrowserDeviceTokenRecord = { token, scopes };
          keep(remember, keyFor(params), record);
        },
        clear: (params) => removeBoth(keyFor(params)),
      };
    },
  };
}

/** `run`'s result, or undefined when it throws (storage may be missing, full or disabled). */
function quietly<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The browser's storages; either may be missing or throw (private modes, disabled storage). */
export function browserStorages(): Storages {
  return {
    session: quietly(() => globalThis.sessionStorage),
    local: quietly(() => globalThis.localStorage),
  };
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

// A full or unavailable storage only costs the person a re-entry after reload.
const read = (storage: KeyValueStorage | undefined, key: string) =>
  quietly(() => storage?.getItem(key)) ?? null;
const write = (storage: KeyValueStorage | undefined, key: string, value: string) =>
  quietly(() => storage?.setItem(key, value));
const remove = (storage: KeyValueStorage | undefined, key: string) =>
  quietly(() => storage?.removeItem(key));

function parseJson(text: string | null): Record<string, unknown> | undefined {
  const value: unknown = quietly(() => JSON.parse(text ?? ""));
  return isRecord(value) ? value : undefined;
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
