import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { startTestGateway } from "../../mocks/node";
import { EVENTS, OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { connectApp } from "../support/app-harness";
import { createRandom, fuzzFrames, mutateValue } from "../support/fuzz";
import { hostilePending } from "./security-hostile-fixtures";
import { tapGateway } from "./security-link-tap";

// Thousands of broken frames from "the gateway": the app must not crash or blank, must say
// once (with a count) that it could not read some of them, and must keep working.

const SEED = 20_260_901;
const FRAMES = 10_000;
const BATCH = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function realFrames(): unknown[] {
  const request = hostilePending("fuzz-base", { displayName: "Fuzzed phone" });
  const { refreshedAtMs: _r, reason: _why, ...wireRequest } = request;
  return [
    { type: "event", event: EVENTS.pairRequested, payload: wireRequest, seq: 1 },
    {
      type: "event",
      event: EVENTS.pairResolved,
      payload: {
        requestId: request.requestId,
        deviceId: request.deviceId,
        decision: "approved",
        ts: 1,
      },
      seq: 2,
    },
    { type: "res", id: "not-asked", ok: true, payload: { pending: [wireRequest], paired: [] } },
    { type: "res", id: "not-asked", ok: false, error: { code: "INVALID_REQUEST", message: "x" } },
    { type: "event", event: EVENTS.connectChallenge, payload: { nonce: "n", ts: 1 } },
    { type: "event", event: "tick", payload: { ts: 1 }, seq: 3 },
  ];
}

function noticeText(): string {
  const notices = screen.getAllByText(/The gateway sent data Pairdesk could not read/);
  expect(notices).toHaveLength(1);
  return notices[0]?.textContent ?? "";
}

describe("malformed gateway frames", () => {
  it(`survives ${FRAMES} random and mutated frames, says so once, and keeps working`, async ({
    annotate,
  }) => {
    const harness = await startTestGateway();
    const tap = tapGateway(harness);
    const random = createRandom(SEED);
    // Until the fuzzing stops, every list answer comes back mangled as well.
    let mangleLists = false;
    let mangled = 0;
    let cleanAnswers = 0;
    tap.outgoing = (text) => {
      if (!text.includes('"pending"')) return "pass";
      if (!mangleLists) {
        cleanAnswers += 1;
        return "pass";
      }
      const frame = JSON.parse(text) as { payload?: unknown };
      mangled += 1;
      return { replace: JSON.stringify({ ...frame, payload: mutateValue(random, frame.payload) }) };
    };
    const app = await connectApp({ harness });
    await harness.simulator.run("phone-lan");
    expect(await screen.findByRole("article", { name: "Ada's iPhone" })).toBeVisible();

    const answersBeforeStorm = cleanAnswers;
    mangleLists = true;
    const started = Date.now();
    const frames = fuzzFrames(random, realFrames(), FRAMES);
    for (let i = 0; i < frames.length; i += BATCH) {
      for (const text of frames.slice(i, i + BATCH)) tap.inject(text);
      await pause(20);
    }
    mangleLists = false;
    const fuzzMs = Date.now() - started;
    // The storm's own last re-read may have been answered while answers were still mangled,
    // and a mangled answer that parses is indistinguishable from a true one. One more
    // unreadable pairing event, now that mangling has stopped, makes the app read the list
    // again, as it would after any event it missed.
    tap.inject(JSON.stringify({ type: "event", event: EVENTS.pairRequested, payload: null }));

    // One notice with a running count, never one per frame; the page is still there.
    await waitFor(() => expect(noticeText()).toMatch(/\(\d+ unreadable messages so far\.\)/));
    expect(screen.getByRole("heading", { name: /^Pending requests/ })).toBeVisible();
    expect(app.deps.connection.status.kind).toBe("connected");

    // The re-read after the storm brings back exactly what the gateway holds: nothing lost,
    // nothing invented.
    await waitFor(() =>
      expect(screen.queryByRole("alert", { name: /could not read/i })).toBeNull(),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole("list", { name: "Pending requests" }))
          .getAllByRole("article")
          .map((card) => within(card).getByRole("heading").textContent),
      ).toEqual(["Ada's iPhone"]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // …and it came from an answer sent after the storm.
    expect(cleanAnswers).toBeGreaterThan(answersBeforeStorm);
    const counted = Number(/\((\d+) unreadable/.exec(noticeText())?.[1]);
    expect(counted).toBeGreaterThan(FRAMES / 4);

    // A well-formed request afterwards still arrives live and can be approved.
    const after = await harness.simulator.connect({
      label: "after-fuzz",
      client: { id: "openclaw-ios", mode: "ui", platform: "ios", displayName: "After the storm" },
      role: ROLES.operator,
      scopes: [OPERATOR_SCOPES.read],
      remoteAddress: "192.168.1.30",
      auth: "token",
    });
    const card = await screen.findByRole("article", { name: "After the storm" });
    await app.user.click(within(card).getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(harness.gateway.list().paired.map((device) => device.deviceId)).toContain(
        after.deviceId,
      ),
    );
    expect(noticeText()).toContain(`${counted} unreadable`);
    // The counts show in the report, so a run says how much it shook.
    await annotate(
      `fuzz: ${FRAMES} frames in ${fuzzMs} ms, ${counted} counted unreadable, ${mangled} list answers mangled (seed ${SEED})`,
    );
  }, 60_000);
});
