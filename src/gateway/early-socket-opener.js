// Loaded by index.html beside the modules: opens a remembered gateway's socket and keeps what
// it hears until the app takes it over (socket.ts). Sends nothing; uses no secret.
(() => {
  // null: the app has already started, and will open its own socket.
  if (globalThis.pairdeskEarlySocket !== undefined) return;
  const key = "pairdesk.connection.v1";
  try {
    const text = sessionStorage.getItem(key) ?? localStorage.getItem(key);
    const saved = text ? JSON.parse(text) : undefined;
    if (!saved?.autoConnect || !/^wss?:\/\//.test(saved.url)) return;
    const socket = new WebSocket(saved.url);
    const heard = [];
    const hear = (event) => heard.push(event.data);
    socket.addEventListener("message", hear);
    const early = { url: saved.url, socket, heard, hear };
    globalThis.pairdeskEarlySocket = early;
    setTimeout(() => {
      if (globalThis.pairdeskEarlySocket !== early) return;
      globalThis.pairdeskEarlySocket = null;
      socket.close();
    }, 10_000);
  } catch {
    // No storage or no WebSocket here: the app connects the usual way.
  }
})();
