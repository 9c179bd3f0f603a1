// How a connect authenticated, as the gateway's auth result names it.

export const AUTH_METHODS = {
  token: "token",
  password: "password",
  deviceToken: "device-token",
  bootstrapToken: "bootstrap-token",
  none: "none",
} as const;
export type AuthMethod = (typeof AUTH_METHODS)[keyof typeof AUTH_METHODS] | (string & {});

/** The gateway's shared secret: its token or its password (not a per-device token). */
export function isSharedSecretAuth(method: AuthMethod | undefined): boolean {
  return method === AUTH_METHODS.token || method === AUTH_METHODS.password;
}

export function describeAuthMethod(method: AuthMethod | undefined): string {
  switch (method) {
    case AUTH_METHODS.token:
      return "the shared token";
    case AUTH_METHODS.password:
      return "the shared password";
    case AUTH_METHODS.deviceToken:
      return "a device token";
    case AUTH_METHODS.bootstrapToken:
      return "a bootstrap token";
    case AUTH_METHODS.none:
    case undefined:
    case "":
      return "no credentials";
    default:
      return `auth method "${method}"`;
  }
}
