import type { Decision } from "../protocol";

// Shared by the list (to hide requests being decided) and the mutations, without a cycle.

export const decisionMutationKey = ["gateway", "device.pair.decide"] as const;

export type DecisionVariables = { decision: Decision; requestIds: string[] };
