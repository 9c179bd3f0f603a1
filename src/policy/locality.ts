import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-protocol/client-info";
import { LOCALITIES, type Locality } from "../protocol";
import { describeAuthMethod, isSharedSecretAuth, type AuthMethod } from "./auth-methods";
import { isLoopbackHostName, isPrivateOrLoopbackHostName, originHostName } from "./host-names";
import { isLoopbackAddress, isPrivateOrLoopbackAddress } from "./ip-address";

// Pairing locality (spec §4): who counts as local for silent pairing. First match wins.

export type LocalityInput = {
  /** Ingress was direct-local (loopback peer, no forwarding headers). */
  isLocalClient: boolean;
  remoteAddress: string | undefined;
  /** The upgrade request's Host header. */
  requestHost: string | undefined;
  /** The upgrade request's Origin header. */
  requestOrigin?: string;
  hasProxyHeaders: boolean;
  hasBrowserOriginHeader: boolean;
  client: { id: string; mode: string };
  authMethod: AuthMethod;
  /** The shared token or password was checked and matched. */
  sharedAuthOk: boolean;
};

export type LocalityDecision = { locality: Locality; why: string };

type Condition = { holds: boolean; unmet: string };

function firstUnmet(conditions: readonly Condition[]): string | undefined {
  return conditions.find((condition) => !condition.holds)?.unmet;
}

function shown(value: string | undefined): string {
  return value?.trim() ? value.trim() : "(none)";
}

// Network facts come before credentials: a remote address cannot be fixed by a better
// credential, so it is the more useful thing to tell an admin.
function sharedSecretConditions(input: LocalityInput): Condition[] {
  const auth = describeAuthMethod(input.authMethod);
  return [
    {
      holds: isLoopbackAddress(input.remoteAddress),
      unmet: `remote address ${shown(input.remoteAddress)} is not loopback`,
    },
    {
      holds: !input.hasProxyHeaders,
      unmet: "forwarding headers are present (the connection came through a proxy)",
    },
    {
      holds: !input.hasBrowserOriginHeader,
      unmet: `a browser Origin (${shown(input.requestOrigin)}) was sent`,
    },
    {
      holds: isPrivateOrLoopbackHostName(input.requestHost),
      unmet: `Host ${shown(input.requestHost)} is not a private or loopback address`,
    },
    {
      holds: isSharedSecretAuth(input.authMethod),
      unmet: `it authenticated with ${auth}, not the shared token or password`,
    },
    { holds: input.sharedAuthOk, unmet: `${auth} did not verify` },
  ];
}

function browserContainerConditions(input: LocalityInput): Condition[] {
  const auth = describeAuthMethod(input.authMethod);
  return [
    {
      holds: isPrivateOrLoopbackAddress(input.remoteAddress),
      unmet: `remote address ${shown(input.remoteAddress)} is not private or loopback`,
    },
    {
      holds: !input.hasProxyHeaders,
      unmet: "forwarding headers are present (the connection came through a proxy)",
    },
    { holds: input.hasBrowserOriginHeader, unmet: "no browser Origin was sent" },
    {
      holds: isLoopbackHostName(input.requestHost),
      unmet: `Host ${shown(input.requestHost)} is not a loopback name`,
    },
    {
      holds: isLoopbackHostName(originHostName(input.requestOrigin)),
      unmet: `Origin ${shown(input.requestOrigin)} is not on a loopback host`,
    },
    {
      holds: isSharedSecretAuth(input.authMethod),
      unmet: `it authenticated with ${auth}, not the shared token or password`,
    },
    { holds: input.sharedAuthOk, unmet: `${auth} did not verify` },
  ];
}

function isControlUiBrowser(client: LocalityInput["client"]): boolean {
  return (
    client.id === GATEWAY_CLIENT_IDS.CONTROL_UI && client.mode === GATEWAY_CLIENT_MODES.WEBCHAT
  );
}

function isCliClient(client: LocalityInput["client"]): boolean {
  return client.id === GATEWAY_CLIENT_IDS.CLI && client.mode === GATEWAY_CLIENT_MODES.CLI;
}

export function resolvePairingLocality(input: LocalityInput): LocalityDecision {
  const address = shown(input.remoteAddress);
  const auth = describeAuthMethod(input.authMethod);
  if (input.isLocalClient) {
    return {
      locality: LOCALITIES.directLocal,
      why: `connected directly from loopback address ${address} with no forwarding headers`,
    };
  }

  const browserUnmet = isControlUiBrowser(input.client)
    ? firstUnmet(browserContainerConditions(input))
    : "the client is not the Control UI in a browser";
  if (browserUnmet === undefined) {
    return {
      locality: LOCALITIES.browserContainerLocal,
      why:
        `Control UI on loopback origin ${originHostName(input.requestOrigin)} ` +
        `from private address ${address}, authenticated with ${auth}`,
    };
  }

  const sharedUnmet = firstUnmet(sharedSecretConditions(input));
  if (sharedUnmet === undefined) {
    const cli = isCliClient(input.client);
    return {
      locality: cli ? LOCALITIES.cliContainerLocal : LOCALITIES.sharedSecretLoopbackLocal,
      why:
        `${cli ? "command-line client" : "client"} on loopback address ${address}, ` +
        `authenticated with ${auth}, no browser Origin or proxy headers`,
    };
  }

  // Name the rule the client came closest to: a Control UI browser is judged by the browser
  // rule, everyone else by the shared-secret loopback rule.
  const why =
    isControlUiBrowser(input.client) && input.hasBrowserOriginHeader ? browserUnmet : sharedUnmet;
  return { locality: LOCALITIES.remote, why };
}
