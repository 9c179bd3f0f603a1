import { useMemo, useSyncExternalStore } from "react";
import { subscribeToLocation } from "./history";
import { appBasePath } from "./base-path";
import { hrefFor as routeHref, matchRoute, type Route } from "./routes";

// The router's public face: import routing from here. Addresses include the app's mount path.
export { type Route } from "./routes";
export const hrefFor = (route: Route) => routeHref(route, appBasePath());
export { navigate } from "./history";
export { Link } from "./Link";

export function useRouteMatch(): Route | null {
  const pathname = useSyncExternalStore(
    subscribeToLocation,
    () => globalThis.location?.pathname ?? "/",
    () => "/",
  );
  return useMemo(() => matchRoute(pathname, appBasePath()), [pathname]);
}
