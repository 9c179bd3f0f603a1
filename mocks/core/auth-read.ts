// The credentials of a connect as sent (the protocol validator checked their types).

export type ConnectAuth = { token?: string; password?: string; deviceToken?: string };

export function readConnectAuth(value: unknown): ConnectAuth {
  if (typeof value !== "object" || value === null) return {};
  const { token, password, deviceToken } = value as ConnectAuth;
  return {
    ...(token !== undefined ? { token } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(deviceToken !== undefined ? { deviceToken } : {}),
  };
}
