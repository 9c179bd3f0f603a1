import { CONTROL_UI_BASE_PATH_ATTRIBUTE } from "../protocol";

// A serving gateway names its mount on <html>; else `vite build --base=/x/`, else the root.

export function gatewayMountPath(): string | undefined {
  const value = globalThis.document?.documentElement.getAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE);
  return value?.replace(/\/+$/, "");
}

export function appBasePath(): string {
  const built = import.meta.env.BASE_URL;
  return gatewayMountPath() ?? (built.startsWith("/") ? built.replace(/\/+$/, "") : "");
}

/** The socket of the gateway that served this page (it answers on its mount path), if any. */
export function servingGatewayUrl(): string | undefined {
  const mount = gatewayMountPath();
  const page = globalThis.location;
  if (mount === undefined || !page) return undefined;
  return `${page.protocol === "https:" ? "wss" : "ws"}://${page.host}${mount}`;
}
