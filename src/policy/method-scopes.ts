import { METHODS, OPERATOR_SCOPES, type MethodName } from "../protocol";

// Scopes each method needs, as observed on 2026.9.6 (spec §3). `connect` is not a call that
// scopes gate, so it is not listed.

const { pairing, read, admin } = OPERATOR_SCOPES;

export const METHOD_SCOPES: Readonly<Record<Exclude<MethodName, "connect">, readonly string[]>> = {
  [METHODS.pairList]: [pairing],
  [METHODS.pairApprove]: [pairing],
  [METHODS.pairReject]: [pairing],
  [METHODS.pairRemove]: [pairing],
  [METHODS.pairRename]: [pairing],
  [METHODS.tokenRotate]: [pairing],
  [METHODS.tokenRevoke]: [pairing],
  // node.pair.approve asks more by the request's commands (node-commands.ts).
  [METHODS.nodePairList]: [pairing],
  [METHODS.nodePairApprove]: [pairing],
  [METHODS.nodePairReject]: [pairing],
  [METHODS.nodePairRemove]: [pairing],
  [METHODS.nodeRename]: [pairing],
  [METHODS.setupCode]: [admin],
  [METHODS.setupStatus]: [admin],
  [METHODS.cronList]: [read],
  [METHODS.cronStatus]: [read],
  // The seed's older gateway asked operator.write here; 2026.9.6 asks admin.
  [METHODS.cronAdd]: [admin],
  [METHODS.cronUpdate]: [admin],
  [METHODS.cronRemove]: [admin],
};

/** The scopes `method` needs, or undefined when the method is not in the table at all. */
export function requiredScopesFor(method: string): string[] | undefined {
  if (!Object.hasOwn(METHOD_SCOPES, method)) return undefined;
  return [...METHOD_SCOPES[method as keyof typeof METHOD_SCOPES]];
}
