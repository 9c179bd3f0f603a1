import { useMemo, useSyncExternalStore } from "react";
import { currentPathname, subscribeToLocation } from "./history";
import { appBasePath } from "./base-path";
import { hrefFor as routeHref, matchRoute, type Route } from "./routes";

// The router's public face: import routing from here. Addresses include the app's mount path.
export { type Route } from "./routes";
export const hrefFor = (route: Route) => routeHref(route, appBasePath());
export { navigate } from "./history";
export { Link } from "./Link";

/** The current route, or null when the address matches no screen. */
export function useRouteMatch(): Route | null {
  const pathname = useSyncExternalStore(subscribeToLocation, currentPathname, () => "/");
  return useMemo(() => matchRoute(pathname, appBasePath()), [pathname]);
}

/** The current route; an unknown address reads as the approvals screen. */
export function useRoute(): Route {
  return useRouteMatch() ?? APPROVALS;
}

const APPROVALS: Route = { name: "approvals" };
