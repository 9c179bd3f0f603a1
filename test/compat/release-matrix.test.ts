import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import {
  OPENCLAW_VERSION,
  TESTED_RELEASES as INSTALLABLE,
  type StartedRealGateway,
} from "../../scripts/real-gateway.mjs";
import { DEFAULT_GATEWAY_URL, OPERATOR_SCOPES as S } from "../../src/protocol";
import { TESTED_RELEASES } from "../../src/policy";
import { expectQuietLocalTab } from "../e2e/support/fixtures";
import { test } from "./support/browser-fixtures";
import {
  approveWriteUpgrade,
  connectServedPage,
  entriesOf,
  phoneAsking,
  waitForScopes,
  watchFailedRequests,
  type GatewayUnderTest,
} from "./support/mounted-journey";
import { listDevicesWithCli, runOpenclawCli, startRealGateway } from "./support/real-gateway";
import { ScenarioRun } from "./support/scenario-kit";

// `npm run compat:releases` (PAIRDESK_RELEASES=all, or a comma-separated list): the same
// journey on every release the README lists, each gateway serving the production build at "/".
// The newest release is the run's shared gateway; the others are installed on first use.

type Row = {
  /** Does the gateway mark the pages it serves (data-openclaw-control-ui-base-path)? */
  marksPage: boolean;
  /** The elevation dialog's button, and words it must say, on a loopback gateway. */
  button: string;
  note: string;
};

const AT_ONCE: Omit<Row, "marksPage"> = {
  button: `Reconnect with ${S.write}`,
  note: "so it grants operator.write at once",
};
const ROWS: Record<string, Row | "protocol 3"> = {
  "2026.9.6": { marksPage: true, ...AT_ONCE },
  "2026.8.2": { marksPage: true, ...AT_ONCE },
  "2026.6.35": {
    marksPage: false,
    button: `Pair this browser again with ${S.write}`,
    note: "OpenClaw 2026.6.35 never grants a paired browser more scopes at once",
  },
  "2026.4.29": "protocol 3",
};

const wanted = process.env.PAIRDESK_RELEASES ?? "all";
const releases = wanted === "all" ? INSTALLABLE : wanted.split(",").map((v) => v.trim());
const started = Date.now();
const timings: string[] = [];

afterAll(() => {
  console.log(`release matrix: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of timings) console.log(`  ${line}`);
});

test("the matrix covers exactly the releases the app names as tested, plus one protocol-3 release", () => {
  const protocol4 = Object.keys(ROWS).filter((version) => ROWS[version] !== "protocol 3");
  expect([...protocol4].sort()).toEqual([...TESTED_RELEASES].sort());
  expect([...INSTALLABLE].sort()).toEqual(Object.keys(ROWS).sort());
  expect(INSTALLABLE[0]).toBe(OPENCLAW_VERSION);
});

describe.each(releases)("openclaw@%s", (version) => {
  const row = ROWS[version];
  let own: StartedRealGateway | undefined;
  let target: GatewayUnderTest | undefined;
  let rowStarted = 0;

  beforeAll(async () => {
    rowStarted = Date.now();
    const shared = inject("realGateway");
    if (version === shared.version) {
      target = shared;
      return;
    }
    own = await startRealGateway({
      version,
      token: `matrix-${crypto.randomUUID()}`,
      gateway: { controlUi: { root: inject("e2eBuildDir") } },
    });
    target = own;
  });

  afterAll(async () => {
    await own?.stop();
    timings.push(`${version}: ${((Date.now() - rowStarted) / 1000).toFixed(1)} s`);
  });

  const gatewayOf = () => target ?? expect.unreachable(`no gateway for ${version}`);
  const httpOf = (url: string) => `${url.replace(/^ws/, "http")}/`;

  if (row === "protocol 3") {
    test("is refused once, with the releases Pairdesk supports, and Try again asks once more", async ({
      tab,
    }) => {
      const gateway = gatewayOf();
      const { page } = tab;
      const sockets: string[] = [];
      page.on("websocket", (socket) => sockets.push(socket.url()));
      await connectServedPage(
        page,
        httpOf(gateway.url),
        gateway.url,
        gateway.token,
        DEFAULT_GATEWAY_URL,
      );
      const alert = page.getByRole("alert").filter({ hasText: "too old for Pairdesk" });
      await alert.getByText("this gateway expects protocol v3").waitFor();
      await alert.getByText(`tested with ${TESTED_RELEASES.join(", ")}`).waitFor();
      // Before this change the app opened 7 sockets in 35 s here; the first retry came at 0.8 s.
      await page.waitForTimeout(3000);
      expect(sockets).toEqual([`${gateway.url}/`]);
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect.poll(() => sockets.length).toBe(2);
      await page.waitForTimeout(3000);
      expect(sockets).toHaveLength(2);
    });
    return;
  }
  if (!row) throw new Error(`no expectations written down for openclaw@${version}`);

  test("serves Pairdesk at /, which connects with the token and approves a scope upgrade", async ({
    tab,
  }) => {
    const gateway = gatewayOf();
    const failed = watchFailedRequests(tab);
    const { page } = tab;
    const offered = row.marksPage ? gateway.url : DEFAULT_GATEWAY_URL;
    await connectServedPage(page, httpOf(gateway.url), gateway.url, gateway.token, offered);
    await waitForScopes(page, gateway.url, [S.read, S.pairing]);

    const scripted = await ScenarioRun.start(gateway);
    try {
      const name = `Phone on ${version}`;
      const ms = await approveWriteUpgrade(page, gateway, scripted, name, row.button, row.note);
      timings.push(`${version}: "${row.button}" until connected with ${S.write}: ${ms} ms`);
    } finally {
      await scripted.finish();
    }
    expect(failed).toEqual([]);
    expectQuietLocalTab(tab);
  });

  if (version !== "2026.6.35") return;

  test("approves with `openclaw devices approve` on the host, not with --url", async () => {
    const gateway = gatewayOf();
    const scripted = await ScenarioRun.start(gateway);
    try {
      const name = `Phone approved by the CLI on ${version}`;
      const { deviceId, requestId } = await phoneAsking(
        scripted,
        name,
        [S.read],
        [S.read, S.write],
      );
      const options = { url: gateway.url, token: gateway.token, version };
      const remote = await runOpenclawCli(["devices", "approve", requestId], options);
      expect(remote.code).toBe(1);
      expect(`${remote.stdout}${remote.stderr}`).toContain("scope upgrade pending approval");

      const onHostStarted = Date.now();
      const onHost = await runOpenclawCli(["devices", "approve", requestId], {
        ...options,
        onHost: gateway,
      });
      expect(onHost.code, onHost.stderr).toBe(0);
      const said = `${onHost.stdout}${onHost.stderr}`;
      expect(said).toContain("using local fallback");
      expect(said).toContain(`Approved ${deviceId} (${requestId})`);
      timings.push(`${version}: devices approve on the host: ${Date.now() - onHostStarted} ms`);
      const list = entriesOf(await listDevicesWithCli(gateway), deviceId);
      expect(list.paired).toEqual([[S.read, S.write]]);
    } finally {
      await scripted.finish();
    }
  });
});
