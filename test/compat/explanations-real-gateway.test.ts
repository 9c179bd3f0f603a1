import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import type { Page } from "playwright-core";
import type { StartedRealGateway } from "../../scripts/real-gateway.mjs";
import { OPERATOR_SCOPES as S, type PairList } from "../../src/protocol";
import { dialog, requestCard } from "../e2e/support/app-page";
import { ELSEWHERE_ORIGIN } from "../e2e/support/devices";
import { test } from "./support/browser-fixtures";
import { connectServedPage, waitForScopes } from "./support/mounted-journey";
import { listDevicesWithCli, startRealGateway } from "./support/real-gateway";
import { NODE_HOST, ScenarioRun, type ConnectStep } from "./support/scenario-kit";

// Issue #14 on the real gateway: a request made three ways (a browser Origin; a remote address
// through a trusted proxy; device-token auth) is explained by the cause the gateway really had,
// or plainly as unknown with that cause among the possible ones, never a false one; its kind is
// the reason the gateway's own refusal gave; and what the page says about widening this
// browser's access is what the CLI shows afterwards. A gateway of its own, because the shared
// one must not trust a proxy (the differential sends X-Forwarded-For to it).

let own: StartedRealGateway | undefined;
const gateway = () => own ?? expect.unreachable("no gateway");
const httpOf = (url: string) => url.replace(/^ws/, "http");

beforeAll(async () => {
  own = await startRealGateway({
    token: `truth-${crypto.randomUUID()}`,
    gateway: { trustedProxies: ["127.0.0.1"], controlUi: { root: inject("e2eBuildDir") } },
  });
});

afterAll(async () => {
  await own?.stop();
});

const KIND_OF_REASON: Record<string, string> = {
  "not-paired": "New device",
  "scope-upgrade": "Scope upgrade",
  "role-upgrade": "Role upgrade",
  "metadata-upgrade": "Changed identity",
};

/** A node host named `name` connects as `step`; returns the gateway's refusal reason. */
async function refusedReason(scripted: ScenarioRun, name: string, step: ConnectStep) {
  const client = { ...NODE_HOST, displayName: name, ...step.client };
  const outcome = await scripted.connect("ask", name, { ...step, client });
  if (outcome.kind !== "refused") return expect.unreachable(`${name} was not refused`);
  return (outcome.error.details as { reason: string }).reason;
}

async function pairSilently(scripted: ScenarioRun, name: string) {
  const client = { ...NODE_HOST, displayName: name };
  const outcome = await scripted.connect("pair", name, { client, scopes: [S.read] });
  if (outcome.kind !== "hello") return expect.unreachable(`${name} was not paired silently`);
  return outcome.hello.auth.deviceToken ?? expect.unreachable("no device token");
}

async function expectCard(page: Page, name: string, reason: string, why: RegExp) {
  const card = requestCard(page, name);
  await card.getByText(KIND_OF_REASON[reason] ?? reason, { exact: true }).waitFor();
  expect(await card.locator(".request-why").textContent()).toMatch(why);
  return card;
}

const browserRecords = (list: PairList) =>
  list.paired.filter((device) => device.clientId === "openclaw-control-ui");

describe("explanations, kinds and consequences on the real gateway", () => {
  test("three request origins, then widening and narrowing this browser", async ({ tab }) => {
    const { page } = tab;
    const { url, token } = gateway();
    await connectServedPage(page, `${httpOf(url)}/`, url, token);
    await waitForScopes(page, url, [S.read, S.pairing]);
    const scripted = await ScenarioRun.start(gateway());
    try {
      // (a) Paired on loopback, then a wider ask with a browser Origin: unknown to the list,
      // so "does not record why", the Origin named first.
      const viaOrigin = "Cron sending an Origin";
      await pairSilently(scripted, viaOrigin);
      const a = await refusedReason(scripted, viaOrigin, {
        scopes: [S.read, S.write],
        headers: { origin: ELSEWHERE_ORIGIN },
      });
      expect(a).toBe("scope-upgrade");
      const cardA = await expectCard(
        page,
        viaOrigin,
        a,
        /does not record why\. Most likely it sent a browser Origin header/,
      );

      // (b) New, through the trusted proxy: the recorded address proves the cause.
      const viaProxy = "Cron behind a proxy";
      const b = await refusedReason(scripted, viaProxy, {
        headers: { "x-forwarded-for": "192.168.1.50" },
      });
      expect(b).toBe("not-paired");
      const cardB = await expectCard(
        page,
        viaProxy,
        b,
        /It connected from 192\.168\.1\.50: the device is on another machine/,
      );
      expect(await cardB.textContent()).not.toMatch(/does not record why/);

      // (c) Its device token only, on another platform: the one device-token connect that files
      // a request (docs/real-gateway-admin-and-nodes.md §1).
      const viaDeviceToken = "Cron with its device token";
      const deviceToken = await pairSilently(scripted, viaDeviceToken);
      const c = await refusedReason(scripted, viaDeviceToken, {
        auth: { deviceToken },
        client: { ...NODE_HOST, platform: "darwin", displayName: viaDeviceToken },
      });
      expect(c).toBe("metadata-upgrade");
      const cardC = await expectCard(
        page,
        viaDeviceToken,
        c,
        /does not record why\. Most likely its platform or device family changed/,
      );
      expect(await cardC.textContent()).toMatch(/linux.* → macos/);

      // Approving (a) needs operator.write: the offer says the gateway keeps it, and it does.
      await cardA.getByRole("button", { name: "Approve", exact: true }).click();
      const elevation = dialog(page, `Reconnect to approve “${viaOrigin}”?`);
      expect(await elevation.textContent()).toContain(
        `The gateway keeps ${S.write} on this browser's device record`,
      );
      await elevation.getByRole("button", { name: `Reconnect with ${S.write}` }).click();
      await waitForScopes(page, url, [S.read, S.pairing, S.write]);
      await cardA.getByRole("button", { name: "Approve", exact: true }).click();
      await cardA.waitFor({ state: "detached" });

      // A reload connects again asking the least; the record keeps write, as the header says.
      await page.reload();
      await waitForScopes(page, url, [S.read, S.pairing]);
      const standing = page.getByText(/^This browser stays approved for /);
      expect(await standing.textContent()).toContain(S.write);
      expect(browserRecords(await listDevicesWithCli(gateway())).map((d) => d.scopes)).toEqual([
        [S.read, S.pairing, S.write],
      ]);

      // The measured way back: remove this browser's pairing and pair again with the least.
      await page.getByRole("button", { name: "Return to least privilege" }).click();
      const back = dialog(page, "Return this browser to least privilege?");
      await back
        .getByRole("button", { name: "Remove this browser's pairing and reconnect" })
        .click();
      await standing.waitFor({ state: "detached" });
      await waitForScopes(page, url, [S.read, S.pairing]);
      await expect
        .poll(async () => browserRecords(await listDevicesWithCli(gateway())).map((d) => d.scopes))
        .toEqual([[S.read, S.pairing]]);
    } finally {
      await scripted.finish();
    }
  });
});
