// Installed by page-probe.ts with addInitScript before any app code runs; plain JavaScript
// on purpose, so no compiler helper leaks into the page. See page-probe.ts for what it records.
(() => {
  const BIG_FRAME_BYTES = 100_000;
  const probe = {
    // Per-event records grow with every event; the memory run turns them off so the heap
    // it measures is the app's, not the probe's.
    perEvent: true,
    eventFrameAt: {},
    eventFrameRafAt: {},
    bigFrames: [],
    requestRowAt: {},
    firstDeviceRowAt: undefined,
    longTasks: [],
    clicks: [],
    inputs: [],
    mutationTimes: [],
  };
  window.__bench = probe;
  const awaitingFrame = [];

  const Native = window.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Added in the constructor, so it runs before every listener the app adds.
      this.addEventListener("message", (event) => {
        const at = performance.now();
        const data = event.data;
        if (typeof data !== "string" || !probe.perEvent) return;
        if (data.length >= BIG_FRAME_BYTES) probe.bigFrames.push({ at, bytes: data.length });
        else if (data.includes('"device.pair.requested"')) {
          const id = /"requestId":"([^"]+)"/.exec(data)?.[1];
          if (id && probe.eventFrameAt[id] === undefined) {
            probe.eventFrameAt[id] = at;
            // The first animation frame after receipt: the earliest the app's own flush runs.
            // One callback per frame for all ids, so a burst does not add a thousand.
            awaitingFrame.push(id);
            if (awaitingFrame.length === 1)
              requestAnimationFrame(() => {
                const now = performance.now();
                for (const waiting of awaitingFrame.splice(0)) probe.eventFrameRafAt[waiting] = now;
              });
          }
        }
      });
    }
  }
  window.WebSocket = ProbedWebSocket;

  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  longTaskObserver.observe({ type: "longtask", buffered: true });
  // Observing long tasks makes the browser keep an entry (with its attribution) per task; the
  // memory run turns this off with the per-event records, so those entries are not counted.
  window.__benchLongTasks = (on) => {
    if (on) longTaskObserver.observe({ type: "longtask" });
    else longTaskObserver.disconnect();
  };

  document.addEventListener(
    "click",
    (event) => {
      const now = performance.now();
      probe.clicks.push({ at: now, delay: now - event.timeStamp });
    },
    true,
  );
  document.addEventListener(
    "input",
    (event) => probe.inputs.push({ at: event.timeStamp, value: event.target?.value ?? "" }),
    true,
  );

  function seeRows(root, at) {
    const rows = root.matches("[data-request-id]")
      ? [root]
      : [...root.querySelectorAll("[data-request-id]")];
    for (const row of rows) {
      const id = row.getAttribute("data-request-id") ?? "";
      if (probe.requestRowAt[id] === undefined) probe.requestRowAt[id] = at;
    }
    if (probe.firstDeviceRowAt === undefined && root.querySelector("[data-device-id]"))
      probe.firstDeviceRowAt = at;
  }
  const observer = new MutationObserver((records) => {
    if (!probe.perEvent) return;
    const at = performance.now();
    probe.mutationTimes.push(at);
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) seeRows(node, at);
  });
  observer.observe(document, { childList: true, subtree: true });
})();
