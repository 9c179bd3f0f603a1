import { LOCALITIES, type Locality } from "../protocol";
import { describeAuthMethod, isSharedSecretAuth, type AuthMethod } from "./auth-methods";
import { isCliClient, isControlUiBrowser } from "./clients";
import { isLoopbackHostName, isPrivateOrLoopbackHostName, originHostName } from "./host-names";
import { isLoopbackAddress, isPrivateOrLoopbackAddress } from "./ip-address";

// Pairing locality (spec §4): who counts as local for silent pairing. First match wins.

export type LocalityInput = {
  isLocalClient: boolean;
  remoteAddress: string | undefined;
  requestHost: string | undefined;
  requestOrigin?: string;
  hasProxyHeaders: boolean;
  hasBrowserOriginHeader: boolean;
  client: { id: string; mode: string };
  authMethod: AuthMethod;
  sharedAuthOk: boolean;
};

export type LocalityDecision = { locality: Locality; why: string };

function shown(value: string | undefined): string {
  return value?.trim() ? value.trim() : "(none)";
}

const PROXY_HEADERS_PRESENT =
  "forwarding headers are present (the connection came through a proxy)";

function credentialsUnmet(input: LocalityInput): string | undefined {
  if (!isSharedSecretAuth(input.authMethod)) {
    return `it authenticated with ${describeAuthMethod(input.authMethod)}, not the shared token or password`;
  }
  if (!input.sharedAuthOk) return `${describeAuthMethod(input.authMethod)} did not verify`;
  return undefined;
}

// Network facts come first: a better credential cannot fix a remote address.
function sharedSecretUnmet(input: LocalityInput): string | undefined {
  if (!isLoopbackAddress(input.remoteAddress)) {
    return `remote address ${shown(input.remoteAddress)} is not loopback`;
  }
  if (input.hasProxyHeaders) return PROXY_HEADERS_PRESENT;
  if (input.hasBrowserOriginHeader) {
    return `a browser Origin (${shown(input.requestOrigin)}) was sent`;
  }
  if (!isPrivateOrLoopbackHostName(input.requestHost)) {
    return `Host ${shown(input.requestHost)} is not a private or loopback address`;
  }
  return credentialsUnmet(input);
}

function browserContainerUnmet(input: LocalityInput): string | undefined {
  if (!isPrivateOrLoopbackAddress(input.remoteAddress)) {
    return `remote address ${shown(input.remoteAddress)} is not private or loopback`;
  }
  if (input.hasProxyHeaders) return PROXY_HEADERS_PRESENT;
  if (!input.hasBrowserOriginHeader) return "no browser Origin was sent";
  if (!isLoopbackHostName(input.requestHost)) {
    return `Host ${shown(input.requestHost)} is not a loopback name`;
  }
  if (!isLoopbackHostName(originHostName(input.requestOrigin))) {
    return `Origin ${shown(input.requestOrigin)} is not on a loopback host`;
  }
  return credentialsUnmet(input);
}

export function resolvePairingLocality(input: LocalityInput): LocalityDecision {
  const address = shown(input.remoteAddress);
  if (input.isLocalClient) {
    return {
      locality: LOCALITIES.directLocal,
      why: `connected directly from loopback address ${address} with no forwarding headers`,
    };
  }

  const browserUnmet = isControlUiBrowser(input.client)
    ? browserContainerUnmet(input)
    : "the client is not the Control UI in a browser";
  if (browserUnmet === undefined) {
    return {
      locality: LOCALITIES.browserContainerLocal,
      why:
        `Control UI on loopback origin ${originHostName(input.requestOrigin)} ` +
        `from private address ${address}, authenticated with ${describeAuthMethod(input.authMethod)}`,
    };
  }

  const sharedUnmet = sharedSecretUnmet(input);
  if (sharedUnmet === undefined) {
    const cli = isCliClient(input.client);
    return {
      locality: cli ? LOCALITIES.cliContainerLocal : LOCALITIES.sharedSecretLoopbackLocal,
      why:
        `${cli ? "command-line client" : "client"} on loopback address ${address}, ` +
        `authenticated with ${describeAuthMethod(input.authMethod)}, no browser Origin or proxy headers`,
    };
  }

  // Name the rule the client came closest to.
  const why =
    isControlUiBrowser(input.client) && input.hasBrowserOriginHeader ? browserUnmet : sharedUnmet;
  return { locality: LOCALITIES.remote, why };
}
