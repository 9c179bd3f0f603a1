// The pairing rules (spec §2–§5, §7): pure, shared by the mock gateway, the UI and tests.
export * from "./ip-address";
export * from "./host-names";
export * from "./ingress";
export * from "./auth-methods";
export * from "./clients";
export * from "./locality";
export * from "./silent-pairing";
export * from "./scopes";
export * from "./approved-access";
export * from "./pairing-reason";
export * from "./method-scopes";
export * from "./request-kind";
export * from "./explain";
export * from "./fingerprint";
export * from "./device-name";
export * from "./releases";
