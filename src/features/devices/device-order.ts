import { deviceName } from "../../policy";
import type { PairedDevice } from "../../protocol";
import type { DeviceSort } from "../../stores/devices-store";

// The order of the devices list. Sorting 10,000 devices with a locale collator on every
// comparison took most of the devices screen's first render, and every change re-sorted the
// whole list. Here a cheap pre-sort on plain strings puts the list almost in order and the
// exact collator pass only confirms it; a changed list is re-ordered from the previous order
// by inserting its new records (the list keeps the objects of devices that did not change).

// One collator each, shared: `localeCompare` with options builds a new one on every call.
const byBaseLetters = new Intl.Collator(undefined, { sensitivity: "base" });
const byEveryDifference = new Intl.Collator();

// Anything beyond printable ASCII may carry accents to drop.
const NON_ASCII = /[^ -~]/;

/** A plain-string stand-in for the collator: lower case, accents dropped. */
function roughKey(name: string): string {
  const lower = name.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
}

type Keyed = { device: PairedDevice; name: string; rough: string; time: number };

const TIME_OF: Record<DeviceSort, (device: PairedDevice) => number | undefined> = {
  name: () => 0,
  "last-seen": (device) => device.lastSeenAtMs,
  approved: (device) => device.approvedAtMs,
  created: (device) => device.createdAtMs,
};

// Newest first; never (undefined) last.
const newestFirst = (a: Keyed, b: Keyed) => b.time - a.time;

const plainOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cheap and nearly right: plain string comparison of the rough keys. */
const roughly = (a: Keyed, b: Keyed) =>
  newestFirst(a, b) ||
  plainOrder(a.rough, b.rough) ||
  plainOrder(a.device.deviceId, b.device.deviceId);

/** The order people see: names by the locale's rules ignoring case and accents, then IDs. */
const exactly = (a: Keyed, b: Keyed) =>
  newestFirst(a, b) ||
  byBaseLetters.compare(a.name, b.name) ||
  byEveryDifference.compare(a.device.deviceId, b.device.deviceId);

// Keys are cheap to derive and a full sort derives each once; caching them per record cost
// more (a WeakMap entry each) than it saved.
function keyed(device: PairedDevice, sort: DeviceSort): Keyed {
  const name = deviceName(device);
  return { device, name, rough: roughKey(name), time: TIME_OF[sort](device) ?? -1 };
}

/** A new array of the devices in `sort` order. */
export function sortDevices(
  devices: readonly PairedDevice[],
  sort: DeviceSort,
): readonly PairedDevice[] {
  const rows = devices.map((device) => keyed(device, sort));
  // Array sort is a merge sort that finds runs: after the rough pass the exact one costs
  // about one collator comparison per device, and is right whatever the locale's rules.
  rows.sort(roughly).sort(exactly);
  return rows.map((row) => row.device);
}

// Beyond this share of new records, sorting afresh is cheaper than inserting each.
const INSERT_AT_MOST = 1 / 8;

/** First index in `sorted` whose device comes after `row` (a binary search). */
function insertionPoint(sorted: readonly PairedDevice[], row: Keyed, sort: DeviceSort): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const there = sorted[middle];
    if (there && exactly(keyed(there, sort), row) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `next` in `sort` order, from the order of `previous`: records still in the list keep their
 * places, new or changed records (a rename or a new last-seen time is a new object) are
 * inserted. Falls back to a full sort when much changed.
 */
export function resortDevices(
  previous: { devices: readonly PairedDevice[]; sorted: readonly PairedDevice[] },
  next: readonly PairedDevice[],
  sort: DeviceSort,
): readonly PairedDevice[] {
  if (next === previous.devices) return previous.sorted;
  const before = new Set(previous.devices);
  const added = next.filter((device) => !before.has(device));
  if (added.length > Math.max(16, next.length * INSERT_AT_MOST)) return sortDevices(next, sort);
  const now = new Set(next);
  const kept = previous.sorted.filter((device) => now.has(device));
  if (kept.length + added.length !== next.length) return sortDevices(next, sort);
  if (added.length === 0 && kept.length === previous.sorted.length) return previous.sorted;
  const addedRows = added.map((device) => keyed(device, sort)).sort(exactly);
  const merged: PairedDevice[] = [];
  let from = 0;
  for (const row of addedRows) {
    const at = insertionPoint(kept, row, sort);
    for (; from < at; from += 1) merged.push(kept[from] as PairedDevice);
    merged.push(row.device);
  }
  for (; from < kept.length; from += 1) merged.push(kept[from] as PairedDevice);
  return merged;
}

type Remembered = { devices: readonly PairedDevice[]; sorted: readonly PairedDevice[] };

export type DeviceSorter = (
  devices: readonly PairedDevice[],
  sort: DeviceSort,
) => readonly PairedDevice[];

/**
 * Sorts with a memory, one per screen: the same list and sort give the same array back
 * (filter it, never change it); a changed list is re-ordered from the last order of that
 * sort, so switching the sort back and forth sorts each order once.
 */
export function createDeviceSorter(): DeviceSorter {
  const last = new Map<DeviceSort, Remembered>();
  return (devices, sort) => {
    const previous = last.get(sort);
    const sorted = previous ? resortDevices(previous, devices, sort) : sortDevices(devices, sort);
    last.set(sort, { devices, sorted });
    return sorted;
  };
}
