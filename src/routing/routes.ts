export type Route =
  | { name: "approvals" }
  | { name: "request"; requestId: string }
  | { name: "devices" }
  | { name: "device"; deviceId: string }
  | { name: "nodes" }
  | { name: "history" };

/** The address of a route in an app mounted at `base` ("" at the root, else "/x"). */
export function hrefFor(route: Route, base = ""): string {
  return `${base}${pathOf(route)}`;
}

function pathOf(route: Route): string {
  switch (route.name) {
    case "approvals":
      return "/";
    case "request":
      return `/requests/${encodeURIComponent(route.requestId)}`;
    case "devices":
      return "/devices";
    case "device":
      return `/devices/${encodeURIComponent(route.deviceId)}`;
    case "nodes":
      return "/nodes";
    case "history":
      return "/history";
  }
}

export function matchRoute(pathname: string, base = ""): Route | null {
  if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  const parts = pathname.slice(base.length).split("/").filter(Boolean);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return null;
  if (first === undefined) return { name: "approvals" };
  const param = second === undefined ? undefined : decodeSegment(second);
  if (second !== undefined && !param) return null;
  switch (first) {
    case "requests":
      return param ? { name: "request", requestId: param } : { name: "approvals" };
    case "devices":
      return param ? { name: "device", deviceId: param } : { name: "devices" };
    case "nodes":
    case "history":
      return param ? null : { name: first };
    default:
      return null;
  }
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment) || undefined;
  } catch {
    return undefined;
  }
}
