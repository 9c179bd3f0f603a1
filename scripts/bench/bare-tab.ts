import type { Browser, CDPSession } from "playwright-core";
import { DESKTOP_VIEWPORT } from "../../test/e2e/support/chromium";

// A tab that playwright-core launched but does not instrument. Playwright enables the DevTools
// Network domain on every page it drives, and Chromium then copies each WebSocket frame to the
// driver on the page's main thread: a 9.6 MB list answer costs the page 75–100 ms after the
// app's handler returns, and every small event frame a little. No user pays that. A page in a
// browser context Playwright did not create is detached by Playwright at once; this module
// attaches to it alone, over the browser's CDP session, and enables only Page, Runtime and
// Emulation (plus HeapProfiler when the heap is read). Input goes in as real input events.

type Reply = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };
type ConsoleArg = { value?: unknown; description?: string };
type Evaluated = {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
};

export type BareTab = {
  /** Runs `fn(arg)` in the page; `fn`'s source is sent as compiled, so no outside names. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` until it returns something truthy. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<void>;
  goto(url: string): Promise<void>;
  /** Focuses the field labelled `label`, selects what it holds and types `text` over it. */
  fill(label: string, text: string): Promise<void>;
  /** A real mouse click in the middle of the first button whose text is exactly `name`. */
  clickButton(name: string): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  send<T>(method: string, params?: object): Promise<T>;
  /** Listens to a DevTools event of the page (e.g. HeapProfiler.addHeapSnapshotChunk). */
  on(method: string, listener: (params: never) => void): void;
  off(method: string, listener: (params: never) => void): void;
  /** console.error calls and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** The browser context (storage, cookies, cache) the tab lives in. */
  contextId: string;
  /** Closes the tab, and its context unless the tab was opened in another tab's context. */
  close(): Promise<void>;
};

const POLL_MS = 20;

/** `contextId`: open the tab beside another tab (same storage), not in a fresh context. */
export async function openBareTab(
  browser: Browser,
  initScript?: string,
  contextId?: string,
): Promise<BareTab> {
  const browserSession: CDPSession = await browser.newBrowserCDPSession();
  const browserContextId =
    contextId ?? (await browserSession.send("Target.createBrowserContext", {})).browserContextId;
  const { targetId } = await browserSession.send("Target.createTarget", {
    url: "about:blank",
    browserContextId,
  });
  const { sessionId } = await browserSession.send("Target.attachToTarget", {
    targetId,
    flatten: false,
  });

  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, Set<(params: never) => void>>();
  const on = (method: string, listener: (params: never) => void) =>
    listeners.set(method, (listeners.get(method) ?? new Set()).add(listener));
  const off = (method: string, listener: (params: never) => void) =>
    listeners.get(method)?.delete(listener);
  browserSession.on("Target.receivedMessageFromTarget", (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.error) pending?.reject(new Error(JSON.stringify(reply.error)));
      else pending?.resolve(reply.result);
    } else if (reply.method)
      for (const listener of listeners.get(reply.method) ?? []) listener(reply.params as never);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
      const message = JSON.stringify({ id: nextId, method, params });
      browserSession.send("Target.sendMessageToTarget", { sessionId, message }).catch(reject);
    });

  const consoleErrors: string[] = [];
  on("Runtime.consoleAPICalled", (call: { type: string; args: ConsoleArg[] }) => {
    if (call.type === "error")
      consoleErrors.push(call.args.map((arg) => String(arg.value ?? arg.description)).join(" "));
  });
  on(
    "Runtime.exceptionThrown",
    ({ exceptionDetails }: { exceptionDetails: Evaluated["exceptionDetails"] }) => {
      consoleErrors.push(`uncaught: ${exceptionDetails?.exception?.description ?? ""}`);
    },
  );

  await send("Page.enable");
  await send("Runtime.enable");
  await send("Emulation.setDeviceMetricsOverride", {
    ...DESKTOP_VIEWPORT,
    deviceScaleFactor: 1,
    mobile: false,
  });
  await send("Emulation.setEmulatedMedia", {
    features: [
      { name: "prefers-reduced-motion", value: "reduce" },
      { name: "prefers-color-scheme", value: "light" },
    ],
  });
  await send("Emulation.setLocaleOverride", { locale: "en-GB" });
  if (initScript) await send("Page.addScriptToEvaluateOnNewDocument", { source: initScript });

  const evaluate = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    const expression = `(${fn.toString()})(${arg === undefined ? "" : JSON.stringify(arg)})`;
    const evaluated = await send<Evaluated>("Runtime.evaluate", {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (evaluated.exceptionDetails)
      throw new Error(
        evaluated.exceptionDetails.exception?.description ?? evaluated.exceptionDetails.text,
      );
    return evaluated.result.value as R;
  };

  const waitFor: BareTab["waitFor"] = async (fn, arg, options = {}) => {
    const until = performance.now() + (options.timeout ?? 60_000);
    for (;;) {
      // A navigation can destroy the context mid-call; the next poll runs in the new one.
      const done = await evaluate(fn, arg).catch(() => false);
      if (done) return;
      if (performance.now() > until) throw new Error(`timed out waiting for ${fn.toString()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const mouseClick = async (x: number, y: number) => {
    await send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    for (const type of ["mousePressed", "mouseReleased"])
      await send("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 });
  };

  return {
    evaluate,
    waitFor,
    send,
    on,
    off,
    consoleErrors,
    contextId: browserContextId,
    mouseClick,
    async goto(url) {
      const loaded = new Promise<void>((resolve) => {
        const onLoad = () => {
          off("Page.loadEventFired", onLoad);
          resolve();
        };
        on("Page.loadEventFired", onLoad);
      });
      await send("Page.navigate", { url });
      await loaded;
    },
    async fill(label, text) {
      // The screens load after the page's load event (main.tsx imports them): wait for them.
      const labelled = (wanted: string) =>
        [...document.querySelectorAll("label")].some(
          (each) => each.textContent?.trim() === wanted && each.control instanceof HTMLInputElement,
        );
      await waitFor(labelled, label, { timeout: 30_000 }).catch(() => undefined);
      const found = await evaluate((wanted: string) => {
        const field = [...document.querySelectorAll("label")].find(
          (each) => each.textContent?.trim() === wanted,
        )?.control;
        if (!(field instanceof HTMLInputElement)) return false;
        field.focus();
        field.select();
        return true;
      }, label);
      if (!found) throw new Error(`no field labelled "${label}"`);
      if (text) await send("Input.insertText", { text });
      else
        await send("Input.dispatchKeyEvent", {
          type: "rawKeyDown",
          key: "Delete",
          code: "Delete",
          windowsVirtualKeyCode: 46,
        });
    },
    async clickButton(name) {
      const center = await evaluate((wanted: string) => {
        const button = [...document.querySelectorAll("button")].find(
          (each) => each.textContent?.trim() === wanted,
        );
        if (!button) return undefined;
        button.scrollIntoView({ block: "center" });
        const box = button.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }, name);
      if (!center) throw new Error(`no button "${name}"`);
      await mouseClick(center.x, center.y);
    },
    async close() {
      await browserSession.send("Target.closeTarget", { targetId }).catch(() => undefined);
      if (!contextId)
        await browserSession.send("Target.disposeBrowserContext", { browserContextId });
      await browserSession.detach();
    },
  };
}
