import { render } from "@testing-library/react";
import fc from "fast-check";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, type Mock } from "vitest";
import { readHistoryEntry, type HistoryEntry } from "../../src/api/history-types";
import { toRequestViews } from "../../src/features/approvals/listed-views";
import { RequestCard } from "../../src/features/approvals/RequestCard";
import { ConfirmDecisionDialog } from "../../src/features/approvals/ConfirmDecisionDialog";
import { ElevationNeeds } from "../../src/features/approvals/ElevationNeeds";
import { RequestDetailsDialog } from "../../src/features/approvals/RequestDetailsDialog";
import { DeviceActionDialog } from "../../src/features/devices/DeviceActionDialog";
import { DeviceDetails } from "../../src/features/devices/DeviceDetails";
import { DeviceList } from "../../src/features/devices/DeviceList";
import { HistoryTable } from "../../src/features/history/HistoryTable";
import { NodeRequestCard } from "../../src/features/nodes/NodeRequestCard";
import { deviceName, shortDeviceId } from "../../src/policy";
import { OPERATOR_SCOPES, readEach, readNodePairList, readPairList } from "../../src/protocol";
import { ConnectionStoreProvider } from "../../src/stores/connection-store";
import {
  nodeRequestRecord,
  pairedNodeRecord,
  pairedRecord,
  pendingRecord,
  storedHistoryEntry,
} from "../support/hostile-records";

// Property-based: every renderer that shows wire data gets generated records, hostile in every
// field, read through the boundary as the app reads them, many per render: request cards and
// their details and the dialogs before an approval, device cards, pages and action dialogs,
// history rows and node requests. Nothing may throw, no part may fall back to its error notice,
// nothing may reach the console, and every readable record shows.

const SEED = 20_261_209;
// Generated records per renderer (whole batches), over 10,000 a run (#15), weighted to what
// jsdom and React's development build render cheaply: a device card costs 10-30 ms, a history
// row or a node request a few (half the stored entries are unreadable and skipped). The details
// views and dialogs open for one record in 15. FUZZ_SCALE=10 runs ten times as many by hand.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RECORDS = {
  requests: 1_500 * SCALE,
  devices: 400 * SCALE,
  history: 6_000 * SCALE,
  nodes: 2_250 * SCALE,
};
const BATCH = 250;
const DEVICE_BATCH = 200; // DeviceList renders up to 200 without virtualizing
const DETAILS_EVERY = 15;
const CALLER = [OPERATOR_SCOPES.read, OPERATOR_SCOPES.pairing];
const TIMEOUT_MS = 300_000;

/** A small pool of device ids, so requests meet paired records of the same device. */
const deviceIds = fc.constantFrom(
  ...Array.from({ length: 60 }, (_, i) => i.toString(16).padStart(64, "a")),
);
const noop = () => undefined;

let uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error);
beforeEach(() => {
  uncaught = [];
  window.addEventListener("error", onError);
});
afterEach(() => window.removeEventListener("error", onError));

// Elements are found by selector, not by role: computing roles over thousands of elements per
// render costs jsdom more than the rendering itself.
// eslint-disable-next-line testing-library/no-node-access
const all = (selector: string, root: ParentNode = document) => [...root.querySelectorAll(selector)];

/** Renders into one root, again and again: nothing thrown, no fallback, nothing logged. */
function oneRoot() {
  let rerender: ((ui: ReactNode) => void) | undefined;
  return (ui: ReactNode) => {
    if (rerender) rerender(ui);
    else rerender = render(ui).rerender;
    const fallbacks = all('[role="alert"]').filter((alert) =>
      alert.textContent?.startsWith("Pairdesk could not show"),
    );
    expect(fallbacks).toEqual([]);
    expect(uncaught).toEqual([]);
    expect((console.error as Mock).mock.calls).toEqual([]);
  };
}

function figures(what: string, generated: number, shown: number, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `${what}: ${generated} generated, ${shown} readable rendered, ${seconds} s (seed ${SEED})`;
}

const now = Date.now();

const TOTAL = Object.values(RECORDS).reduce((sum, count) => sum + count, 0);

describe(`every renderer of wire data, ${TOTAL} generated records`, () => {
  it(
    "request cards, their details and the dialogs before an approval",
    async ({ annotate }) => {
      const started = performance.now();
      const show = oneRoot();
      let cards = 0;
      let details = 0;
      fc.assert(
        fc.property(
          fc.array(pendingRecord(deviceIds), { minLength: BATCH, maxLength: BATCH }),
          fc.array(pairedRecord(deviceIds), { maxLength: 40 }),
          (pending, paired) => {
            const list = readPairList({ pending, paired })?.list;
            const views = toRequestViews(list?.pending ?? [], list?.paired ?? [], CALLER);
            const opened = views.filter((_, index) => index % DETAILS_EVERY === 0);
            const lacking = [...new Set(opened.flatMap((view) => view.missingScopes))];
            show(
              <ConnectionStoreProvider>
                <ul aria-label="Cards">
                  {views.map((view) => (
                    <li key={view.request.requestId}>
                      <RequestCard
                        view={view}
                        now={now}
                        selected={false}
                        active={false}
                        detailsHref="/requests/x"
                        onToggle={noop}
                        onApprove={noop}
                        onReject={noop}
                        onOpenDetails={noop}
                        onActivate={noop}
                      />
                    </li>
                  ))}
                </ul>
                {opened.map((view) => (
                  <RequestDetailsDialog
                    key={view.request.requestId}
                    view={view}
                    now={now}
                    listHref="/"
                    onClose={noop}
                    onApprove={noop}
                    onReject={noop}
                    focusAfter={() => null}
                  />
                ))}
                {/* The two dialogs before an approval, naming every opened request. */}
                <ConfirmDecisionDialog
                  decision="approved"
                  views={opened}
                  live={opened}
                  onConfirm={noop}
                  onCancel={noop}
                  focusAfter={() => null}
                />
                <ElevationNeeds
                  views={opened}
                  scopes={lacking}
                  onConfirm={noop}
                  onCancel={noop}
                  focusAfter={() => null}
                />
              </ConnectionStoreProvider>,
            );
            expect(all('[aria-label="Cards"] article')).toHaveLength(views.length);
            expect(all("dialog[open]")).toHaveLength(opened.length + 2);
            cards += views.length;
            details += opened.length;
          },
        ),
        { numRuns: Math.ceil(RECORDS.requests / BATCH), seed: SEED, endOnFailure: true },
      );
      await annotate(
        figures(`requests (${details} details views)`, RECORDS.requests, cards, started),
      );
    },
    TIMEOUT_MS,
  );

  it(
    "device cards, device pages and device action dialogs",
    async ({ annotate }) => {
      const started = performance.now();
      const show = oneRoot();
      let cards = 0;
      fc.assert(
        fc.property(
          fc.array(pairedRecord(), { minLength: DEVICE_BATCH, maxLength: DEVICE_BATCH }),
          fc.array(pendingRecord(deviceIds), { maxLength: 20 }),
          (paired, pending) => {
            const list = readPairList({ pending, paired })?.list ?? { pending: [], paired: [] };
            const pages = list.paired.filter((_, index) => index % DETAILS_EVERY === 0);
            show(
              <>
                <DeviceList
                  devices={list.paired}
                  caller={{ scopes: CALLER }}
                  now={now}
                  onAction={noop}
                />
                {[...pages, ...list.pending].map((item, index) => (
                  <DeviceDetails
                    key={index}
                    deviceId={item.deviceId}
                    list={list}
                    caller={{ scopes: CALLER }}
                    now={now}
                    onAction={noop}
                  />
                ))}
                {pages.map((device) => (
                  <DeviceActionDialog
                    key={device.deviceId}
                    dialog={{
                      type: device.tokens?.[0] ? "rotate" : "rename",
                      deviceId: device.deviceId,
                      deviceName: deviceName(device),
                      currentLabel: device.operatorLabel ?? device.label,
                      role: device.tokens?.[0]?.role,
                    }}
                    onConfirm={noop}
                    onCancel={noop}
                    focusAfter={() => null}
                  />
                ))}
              </>,
            );
            expect(all('[aria-label="Paired devices"] article')).toHaveLength(list.paired.length);
            cards += list.paired.length;
          },
        ),
        { numRuns: Math.ceil(RECORDS.devices / DEVICE_BATCH), seed: SEED, endOnFailure: true },
      );
      await annotate(figures("devices", RECORDS.devices, cards, started));
    },
    TIMEOUT_MS,
  );

  it(
    "history rows, as stored",
    async ({ annotate }) => {
      const started = performance.now();
      const show = oneRoot();
      let rows = 0;
      fc.assert(
        fc.property(
          fc.array(storedHistoryEntry, { minLength: BATCH, maxLength: BATCH }),
          (stored) => {
            const raw = stored.map((entry, seq) => ({ ...entry, seq, id: `${seq}-${entry.id}` }));
            const entries: HistoryEntry[] = readEach(raw, readHistoryEntry).items;
            show(<HistoryTable entries={entries} />);
            // The header row, then one per entry.
            expect(all("tr")).toHaveLength(entries.length + 1);
            rows += entries.length;
          },
        ),
        { numRuns: Math.ceil(RECORDS.history / BATCH), seed: SEED, endOnFailure: true },
      );
      await annotate(figures("history rows", RECORDS.history, rows, started));
    },
    TIMEOUT_MS,
  );
  it(
    "node requests, against the commands approved before",
    async ({ annotate }) => {
      const started = performance.now();
      const show = oneRoot();
      let cards = 0;
      fc.assert(
        fc.property(
          fc.array(nodeRequestRecord(deviceIds), { minLength: BATCH, maxLength: BATCH }),
          fc.array(pairedNodeRecord(deviceIds), { maxLength: 40 }),
          (pending, paired) => {
            const list = readNodePairList({ pending, paired })?.list ?? { pending: [], paired: [] };
            show(
              <section aria-label="Node requests">
                {list.pending.map((request) => (
                  <NodeRequestCard
                    key={request.requestId}
                    request={request}
                    name={request.displayName || shortDeviceId(request.nodeId)}
                    approved={list.paired.find((node) => node.nodeId === request.nodeId)?.commands}
                    held={CALLER}
                    selected={false}
                    active={false}
                    onToggle={noop}
                    onActivate={noop}
                    onApprove={noop}
                    onReject={noop}
                  />
                ))}
              </section>,
            );
            expect(all('[aria-label="Node requests"] article')).toHaveLength(list.pending.length);
            cards += list.pending.length;
          },
        ),
        { numRuns: Math.ceil(RECORDS.nodes / BATCH), seed: SEED, endOnFailure: true },
      );
      await annotate(figures("node requests", RECORDS.nodes, cards, started));
    },
    TIMEOUT_MS,
  );
});
