// Why the gateway may have parked a request instead of approving it by itself, each with how to
// check and how to fix it. One source for the UI's explanations (explain.ts) and the mock
// gateway's decision log (silent-pairing.ts), so both say the same thing.

export type PendingCause = { title: string; check: string; fix: string };

export const PENDING_CAUSES = {
  remote: {
    title:
      "the device is on another machine, and the gateway approves by itself only devices on its own machine (and new nodes from networks in gateway.nodes.pairing.autoApproveCidrs)",
    check:
      "The address above is not this gateway's loopback. A browser at a private address counts as local only when its page is at localhost and it signs in with the gateway's token or password.",
    fix: "Approve it here if you know the device.",
  },
  origin: {
    title:
      "it sent a browser Origin header, and only the Control UI and web chat may do that and still be approved by themselves",
    check:
      "Does the device run in a browser page, or set an Origin header when it connects? The request does not record it.",
    fix: "Connect it without an Origin header (a script or service on this machine sends none), or approve it here.",
  },
  otherRole: {
    title: "a paired device asking for a role other than operator always needs an owner's approval",
    check: "The role above is the one the device asks for.",
    fix: "Approve it here if the device should have that role.",
  },
  waiting: {
    title:
      "an earlier request of this device was still waiting, and while one waits even asks that would pass by themselves wait too",
    check: "History shows whether this device asked before in a way that needed you.",
    fix: "Decide this request; afterwards the device's next ask can be approved by itself again.",
  },
  autoApproveOff: {
    title: "automatic approval of local devices is turned off",
    check:
      "On the gateway host: openclaw config get gateway.nodes.pairing.autoApproveLocal (false turns it off).",
    fix: "Approve it here, or unset that setting.",
  },
  identity: {
    title:
      "its platform or device family changed, which the gateway approves by itself only for the macOS, Linux, iOS and Android apps on this machine's loopback, or for local containers with the gateway's token or password",
    check: "Compare the platform above with the one the device was approved with (Devices).",
    fix: "Approve it if the device was really updated or moved; otherwise another machine may be using its key.",
  },
  uiIdentity: {
    title:
      "the Control UI and web chat never get a changed platform or device family approved by themselves",
    check: "Compare the platform above with the one the browser was approved with (Devices).",
    fix: "Approve it if you know the browser.",
  },
  authMethod: {
    title:
      "scope upgrades are approved by themselves only for connections signed in with the gateway's token or password (or no auth), and this device may have used another credential",
    check:
      "How the device signs in: a setup code or a proxy's identity is not the gateway's token.",
    fix: "Give it the gateway's token, or approve it here.",
  },
} as const satisfies Record<string, PendingCause>;

export type CauseId = keyof typeof PENDING_CAUSES;
