import { isLoopbackHostName, silentScopeUpgrades } from "../policy";

// How this session can come to hold more scopes, measured per release (README "Tested releases").

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
