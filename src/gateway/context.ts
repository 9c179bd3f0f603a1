import { createContext, useContext } from "react";
import type { GatewayConnection } from "./types";

/** A context and its hook, which throws outside the provider (so no consumer checks for null). */
export function requiredContext<T>(hookName: string) {
  const Context = createContext<T | null>(null);
  function useRequired(): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`${hookName} needs its provider`);
    return value;
  }
  return [Context, useRequired] as const;
}

export const [GatewayConnectionContext, useGatewayConnection] =
  requiredContext<GatewayConnection>("useGatewayConnection");
