import { appBasePath } from "./base-path";
import { hrefFor, type Route } from "./routes";

// pushState does not fire popstate, so navigate() announces itself with its own event.

const NAVIGATED = "pairdesk:navigated";

export function subscribeToLocation(onChange: () => void): () => void {
  globalThis.addEventListener("popstate", onChange);
  globalThis.addEventListener(NAVIGATED, onChange);
  return () => {
    globalThis.removeEventListener("popstate", onChange);
    globalThis.removeEventListener(NAVIGATED, onChange);
  };
}

export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const href = typeof to === "string" ? to : hrefFor(to, appBasePath());
  const here = `${globalThis.location.pathname}${globalThis.location.search}`;
  if (href === here) return;
  if (options.replace) globalThis.history.replaceState(null, "", href);
  else globalThis.history.pushState(null, "", href);
  globalThis.dispatchEvent(new Event(NAVIGATED));
}
