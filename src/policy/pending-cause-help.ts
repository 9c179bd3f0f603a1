import type { CauseId } from "./pending-causes";

// How to check and fix each cause; apart, so only the details view (loaded on demand) carries it.

export const CAUSE_HELP: Record<CauseId, { check: string; fix: string }> = {
  remote: {
    check:
      "The address above is not this gateway's loopback. A browser at a private address counts as local only when its page is at localhost and it signs in with the gateway's token or password; new nodes from networks in gateway.nodes.pairing.autoApproveCidrs pass too.",
    fix: "Approve it here if you know the device.",
  },
  origin: {
    check:
      "Does the device run in a browser page, or set an Origin header when it connects? The request does not record it.",
    fix: "Connect it without an Origin header (a script or service on this machine sends none), or approve it here.",
  },
  otherRole: {
    check: "The role above is the one the device asks for.",
    fix: "Approve it here if the device should have that role.",
  },
  waiting: {
    check: "History shows whether this device asked before in a way that needed you.",
    fix: "Decide this request; afterwards the device's next ask can be approved by itself again.",
  },
  autoApproveOff: {
    check:
      "On the gateway host: openclaw config get gateway.nodes.pairing.autoApproveLocal (false turns it off).",
    fix: "Approve it here, or unset that setting.",
  },
  identity: {
    check:
      "Compare the platform above with the one the device was approved with (Devices). Native apps are the macOS, Linux, iOS and Android apps.",
    fix: "Approve it if the device was really updated or moved; otherwise another machine may be using its key.",
  },
  uiIdentity: {
    check: "Compare the platform above with the one the browser was approved with (Devices).",
    fix: "Approve it if you know the browser.",
  },
  authMethod: {
    check:
      "How the device signs in: a setup code or a proxy's identity is not the gateway's token.",
    fix: "Give it the gateway's token, or approve it here.",
  },
};
