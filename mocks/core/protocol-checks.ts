import {
  formatValidationErrors,
  validateConnectParams,
  validateCronAddParams,
  validateCronListParams,
  validateCronRemoveParams,
  validateCronStatusParams,
  validateCronUpdateParams,
  validateDevicePairApproveParams,
  validateDevicePairListParams,
  validateDevicePairRejectParams,
  validateDevicePairRemoveParams,
  validateDevicePairRenameParams,
  validateDevicePairSetupCodeParams,
  validateDevicePairSetupStatusParams,
  validateDeviceTokenRevokeParams,
  validateNodePairApproveParams,
  validateNodePairListParams,
  validateNodePairRejectParams,
  validateNodePairRemoveParams,
  validateNodeRenameParams,
  validateDeviceTokenRotateParams,
  validateRequestFrame,
} from "@openclaw/gateway-protocol";
import { METHODS } from "../../src/protocol";

// Frames and params are checked with @openclaw/gateway-protocol's own validators and worded by
// its own error formatter, as the real gateway does, so no message is copied by hand. These
// pull the protocol's schemas in: the mock is never part of the production bundle.

type Validator = ((value: unknown) => boolean) & { errors?: unknown };

function problem(validate: Validator, value: unknown): string | undefined {
  if (validate(value)) return undefined;
  return formatValidationErrors(validate.errors as Parameters<typeof formatValidationErrors>[0]);
}

/** Why `value` is not a request frame, or undefined when it is one. */
export function requestFrameProblem(value: unknown): string | undefined {
  return problem(validateRequestFrame, value);
}

/** Why `value` is not valid connect params, or undefined. */
export function connectParamsProblem(value: unknown): string | undefined {
  return problem(validateConnectParams, value);
}

const PARAMS: Readonly<Record<string, Validator>> = {
  [METHODS.pairList]: validateDevicePairListParams,
  [METHODS.pairApprove]: validateDevicePairApproveParams,
  [METHODS.pairReject]: validateDevicePairRejectParams,
  [METHODS.pairRemove]: validateDevicePairRemoveParams,
  [METHODS.pairRename]: validateDevicePairRenameParams,
  [METHODS.tokenRotate]: validateDeviceTokenRotateParams,
  [METHODS.tokenRevoke]: validateDeviceTokenRevokeParams,
  [METHODS.setupCode]: validateDevicePairSetupCodeParams,
  [METHODS.setupStatus]: validateDevicePairSetupStatusParams,
  [METHODS.nodePairList]: validateNodePairListParams,
  [METHODS.nodePairApprove]: validateNodePairApproveParams,
  [METHODS.nodePairReject]: validateNodePairRejectParams,
  [METHODS.nodePairRemove]: validateNodePairRemoveParams,
  [METHODS.nodeRename]: validateNodeRenameParams,
  [METHODS.cronList]: validateCronListParams,
  [METHODS.cronStatus]: validateCronStatusParams,
  [METHODS.cronAdd]: validateCronAddParams,
  [METHODS.cronUpdate]: validateCronUpdateParams,
  [METHODS.cronRemove]: validateCronRemoveParams,
};

/** The gateway's "invalid <method> params: …" text, or undefined when the params are valid. */
export function methodParamsProblem(method: string, params: unknown): string | undefined {
  const validate = Object.hasOwn(PARAMS, method) ? PARAMS[method] : undefined;
  const found = validate ? problem(validate, params) : undefined;
  return found === undefined ? undefined : `invalid ${method} params: ${found}`;
}
