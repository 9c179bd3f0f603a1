import { beforeEach, describe, expect, it } from "vitest";
import { createCredentialStore } from "../../../src/gateway/credential-store";
import { memoryStorage } from "./memory-storage";

const URL_A = "ws://127.0.0.1:18789";
const URL_B = "wss://gateway.example.com";
const SECRET = "tok-0123456789abcdef";
const device = { clientId: "openclaw-control-ui", deviceId: "d".repeat(64), role: "operator" };

let session: ReturnType<typeof memoryStorage>;
let local: ReturnType<typeof memoryStorage>;
let store: ReturnType<typeof createCredentialStore>;

beforeEach(() => {
  session = memoryStorage();
  local = memoryStorage();
  store = createCredentialStore({ session, local });
});

describe("the gateway secret", () => {
  it("is kept for the session only unless Remember is ticked", () => {
    store.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: false });
    expect(session.dump()).toContain(SECRET);
    expect(local.dump()).not.toContain(SECRET);
    expect(store.load()).toMatchObject({
      url: URL_A,
      secret: SECRET,
      remember: false,
      autoConnect: true,
    });
  });

  it("goes to localStorage when remembered, and only there", () => {
    store.save({ url: URL_A, secret: SECRET, secretKind: "password", remember: true });
    expect(local.dump()).toContain(SECRET);
    expect(session.dump()).not.toContain(SECRET);
    expect(store.load()).toMatchObject({ secretKind: "password", remember: true });
  });

  it("leaves localStorage when Remember is unticked", () => {
    store.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: true });
    store.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: false });
    expect(local.dump()).not.toContain(SECRET);
    expect(session.dump()).toContain(SECRET);
  });

  it("is gone from both storages after Forget", () => {
    store.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: true });
    store.forget(URL_A);
    expect(local.dump()).not.toContain(SECRET);
    expect(session.dump()).not.toContain(SECRET);
    expect(store.load()).toBeUndefined();
  });

  it("stays after Disconnect but no longer reconnects on its own", () => {
    store.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: true });
    store.pauseAutoConnect();
    expect(store.load()).toMatchObject({ secret: SECRET, autoConnect: false });
  });

  it("survives a storage that throws", () => {
    const broken = memoryStorage();
    broken.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    const fragile = createCredentialStore({ session: broken, local: undefined });
    expect(() =>
      fragile.save({ url: URL_A, secret: SECRET, secretKind: "token", remember: false }),
    ).not.toThrow();
    expect(fragile.load()).toBeUndefined();
  });
});

describe("device tokens", () => {
  it("are kept per gateway and reused for the same gateway", async () => {
    store
      .deviceTokens(URL_A, false)
      .store({ ...device, token: "dev-a", scopes: ["operator.read"] });
    expect(await store.deviceTokens(`${URL_A}/`, false).load(device)).toEqual({
      token: "dev-a",
      scopes: ["operator.read"],
    });
    expect(await store.deviceTokens(URL_B, false).load(device)).toBeNull();
  });

  it("follow the Remember choice like the secret does", () => {
    store.deviceTokens(URL_A, false).store({ ...device, token: "dev-session", scopes: [] });
    expect(session.dump()).toContain("dev-session");
    expect(local.dump()).not.toContain("dev-session");
    store.deviceTokens(URL_A, true).store({ ...device, token: "dev-local", scopes: [] });
    expect(local.dump()).toContain("dev-local");
    expect(session.dump()).not.toContain("dev-session");
  });

  it("are removed when that gateway is forgotten, and only that gateway's", async () => {
    store.deviceTokens(URL_A, true).store({ ...device, token: "dev-a", scopes: [] });
    store.deviceTokens(URL_B, true).store({ ...device, token: "dev-b", scopes: [] });
    store.forget(URL_A);
    expect(await store.deviceTokens(URL_A, true).load(device)).toBeNull();
    expect(await store.deviceTokens(URL_B, true).load(device)).toMatchObject({ token: "dev-b" });
  });
});
