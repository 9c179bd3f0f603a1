import { isLoopbackHostName, silentScopeUpgrades } from "../policy";

// How this session can come to hold more scopes on the gateway it is connected to, measured per
// release (README "Tested releases"). Only a socket from this machine can be approved at once.

export type ElevationRoute = "at-once" | "pair-again" | "parked" | "untested";

export function elevationRoute(gatewayUrl: string, serverVersion?: string): ElevationRoute {
  if (!isLoopbackHostName(URL.canParse(gatewayUrl) ? new URL(gatewayUrl).host : "")) {
    return "parked";
  }
  const silent = silentScopeUpgrades(serverVersion);
  if (silent === undefined) return "untested";
  // A paired browser never gets more at once there, but a new local browser is paired at once.
  return silent ? "at-once" : "pair-again";
}

/** Whether returning to least privilege pairs at once here: only a local gateway does. */
export const wayBackWorks = (route: ElevationRoute) => route !== "parked";
