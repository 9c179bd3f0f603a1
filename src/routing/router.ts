import { useMemo, useSyncExternalStore } from "react";
import { currentPathname, subscribeToLocation } from "./history";
import { matchRoute, type Route } from "./routes";

// The router's public face: import routing from here.
export { hrefFor, matchRoute, type Route } from "./routes";
export { navigate } from "./history";
export { Link } from "./Link";

/** The current route, or null when the address matches no screen. */
export function useRouteMatch(): Route | null {
  const pathname = useSyncExternalStore(subscribeToLocation, currentPathname, () => "/");
  return useMemo(() => matchRoute(pathname), [pathname]);
}

/** The current route; an unknown address reads as the approvals screen. */
export function useRoute(): Route {
  return useRouteMatch() ?? APPROVALS;
}

const APPROVALS: Route = { name: "approvals" };
