import { createContext, useContext } from "react";
import type { GatewayConnection } from "./types";

export const GatewayConnectionContext = createContext<GatewayConnection | null>(null);

export function useGatewayConnection(): GatewayConnection {
  const connection = useContext(GatewayConnectionContext);
  if (!connection)
    throw new Error("useGatewayConnection needs a <GatewayConnectionContext.Provider>");
  return connection;
}
