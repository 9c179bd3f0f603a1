// Installed before any page script by slow-profile.ts, in Pairdesk and in the Control UI alike;
// plain JavaScript so no compiler helper leaks into the page. It records, on the page's clock
// (milliseconds since the navigation started):
// - every WebSocket: when it was constructed and opened, each frame sent (its method) and
//   received (its event name, or the method of the request it answers);
// - the first animation frame in which a usable connect form (a secret field and a "Connect"
//   button, both enabled) and a pending request's "Approve" button were on screen.
(() => {
  const probe = { sockets: [], form: undefined, approve: undefined };
  window.__slow = probe;

  const Native = window.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const record = { createdAt: performance.now(), openedAt: undefined, frames: [] };
      this.__record = record;
      this.__methods = new Map();
      probe.sockets.push(record);
      this.addEventListener("open", () => (record.openedAt = performance.now()));
      this.addEventListener("message", (event) => {
        const at = performance.now();
        const text = typeof event.data === "string" ? event.data : "";
        const head = text.slice(0, 400);
        const name = /"event":"([^"]+)"/.exec(head)?.[1];
        const id = /"id":"([^"]+)"/.exec(head)?.[1];
        const what = name ?? this.__methods.get(id) ?? "?";
        record.frames.push({ at, dir: "in", what, bytes: text.length });
      });
    }
    send(data) {
      if (typeof data === "string") {
        const method = /"method":"([^"]+)"/.exec(data)?.[1] ?? "?";
        const id = /"id":"([^"]+)"/.exec(data)?.[1];
        if (id) this.__methods.set(id, method);
        this.__record.frames.push({ at: performance.now(), dir: "out", what: method });
      }
      return super.send(data);
    }
  }
  window.WebSocket = ProbedWebSocket;

  const usable = (element) => element.getClientRects().length > 0 && !element.disabled;
  const buttonNamed = (name) =>
    [...document.querySelectorAll("button")].some(
      (button) => button.textContent.trim() === name && usable(button),
    );
  const check = (now) => {
    if (probe.form === undefined) {
      const secret = [...document.querySelectorAll('input[type="password"]')].some(usable);
      if (secret && buttonNamed("Connect")) probe.form = now;
    }
    if (probe.approve === undefined && buttonNamed("Approve")) probe.approve = now;
    if (probe.form === undefined || probe.approve === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
