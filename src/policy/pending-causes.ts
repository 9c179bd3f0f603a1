// Why the gateway may have parked a request: one source for the UI's explanations and the mock's
// decision log, so both say the same thing (how to check and fix each: pending-cause-help.ts).

export const PENDING_CAUSES = {
  remote:
    "the device is on another machine, and the gateway approves by itself only its own machine's devices",
  origin:
    "it sent a browser Origin header, and only the Control UI and web chat may do that and still be approved by themselves",
  otherRole:
    "a paired device asking for a role other than operator always needs an owner's approval",
  waiting:
    "an earlier request of this device was waiting, and while one waits even asks that would pass by themselves wait",
  autoApproveOff: "automatic approval of local devices is turned off",
  identity:
    "its platform or device family changed, which the gateway approves by itself only for native apps on its loopback or local containers with its token or password",
  uiIdentity:
    "the Control UI and web chat never get a changed platform or device family approved by themselves",
  authMethod:
    "scope upgrades pass by themselves only for connections signed in with the gateway's token or password (or no auth); this device may have used another credential",
} as const;

export type CauseId = keyof typeof PENDING_CAUSES;
