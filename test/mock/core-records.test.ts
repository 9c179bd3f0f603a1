import { describe, expect, it } from "vitest";
import { challengeFrameText, CHALLENGE_CAPABILITIES } from "../../mocks/core/challenge";
import { copyJson, copyJsonWithout, withFields } from "../../mocks/core/json-copy";
import { buildEvent, EVENTS, parseFrame } from "../../src/protocol";

// The copies and frame texts the connect path builds without spreads or JSON.stringify must
// give exactly what the plain forms give.

const record = () => ({
  requestId: "r-1",
  displayName: undefined,
  roles: ["operator"],
  tokens: [{ role: "operator", scopes: ["operator.read"], createdAtMs: 1 }],
  silent: false,
  nothing: null,
});

describe("copyJson", () => {
  it("copies deeply: changing the copy leaves the original as it was", () => {
    const original = record();
    const copy = copyJson(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    copy.roles.push("node");
    copy.tokens[0]?.scopes.push("operator.write");
    expect(original.roles).toEqual(["operator"]);
    expect(original.tokens[0]?.scopes).toEqual(["operator.read"]);
  });

  it("keeps keys whose value is undefined, as structuredClone does", () => {
    expect("displayName" in copyJson(record())).toBe(true);
  });

  it("returns primitives and null as they are", () => {
    expect([copyJson("x"), copyJson(3), copyJson(null), copyJson(false)]).toEqual([
      "x",
      3,
      null,
      false,
    ]);
  });
});

describe("copyJsonWithout", () => {
  it("drops the named top-level keys and copies the rest deeply, in order", () => {
    const original = record();
    const copy = copyJsonWithout(original, ["silent", "nothing"]);
    expect(Object.keys(copy)).toEqual(["requestId", "displayName", "roles", "tokens"]);
    copy.tokens[0]?.scopes.push("operator.write");
    expect(original.tokens[0]?.scopes).toEqual(["operator.read"]);
  });
});

describe("withFields", () => {
  it.each([
    [{ a: 1, b: 2 }, { c: 3 }],
    [{ a: 1, b: 2 }, { a: 9 }],
    [{ a: 1, b: undefined }, { c: undefined }],
    [{}, { a: 1 }],
    [{ a: 1 }, {}],
  ])("gives what a spread gives for %j and %j (keys, order, values)", (base, fields) => {
    const merged = withFields(base, fields);
    const spread = { ...base, ...fields };
    expect(merged).toEqual(spread);
    expect(Object.keys(merged)).toEqual(Object.keys(spread));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(spread));
  });

  it("leaves both inputs untouched", () => {
    const base = { a: 1 };
    const fields = { b: 2 };
    withFields(base, fields);
    expect(base).toEqual({ a: 1 });
    expect(fields).toEqual({ b: 2 });
  });
});

describe("challengeFrameText", () => {
  it.each([
    ["a UUID nonce", "0f0e6c1a-58a4-4c3e-9b4e-6f1a2d3c4b5a", 1_790_000_000_000],
    ["a nonce that needs escaping", 'quote " back \\ slash \n é', 12.5],
    ["a zero and negative time", "n", -0],
    ["a time that is not finite", "n", Number.NaN],
  ])("is the JSON of the challenge event for %s", (_name, nonce, ts) => {
    const text = challengeFrameText({ nonce, ts });
    const expected = JSON.stringify(
      buildEvent(EVENTS.connectChallenge, { nonce, ts, capabilities: CHALLENGE_CAPABILITIES }),
    );
    expect(text).toBe(expected);
    const parsed = parseFrame(text);
    expect(parsed.ok && parsed.frame.type === "event" && parsed.frame.seq).toBe(undefined);
  });
});
