import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useGatewayConnection } from "../gateway/context";
import type { GatewayConnection } from "../gateway/types";
import { EVENTS, isRecord, METHODS, readSetupCode, readSetupUse, type SetupUse } from "../protocol";
import { UnreadableAnswerError } from "./pair-list";

// Setup codes (operator.admin). A code carries a bootstrap credential: it is handed to the
// screen that asked and kept nowhere else (not in the query cache, a URL or a log).

export type SetupProfile = "full" | "limited" | "node";

export async function createSetupCode(
  connection: GatewayConnection,
  profile: SetupProfile,
  publicUrl: string,
) {
  const params = {
    ...(profile === "full" ? {} : { bootstrapProfile: profile }),
    ...(publicUrl ? { publicUrl } : {}),
  };
  const code = readSetupCode(await connection.request<unknown>(METHODS.setupCode, params));
  if (!code) throw new UnreadableAnswerError(METHODS.setupCode);
  return code;
}

export type SetupStatus = { use?: SetupUse; uncertain: boolean };

/** What the gateway says of a code's use: polled, and re-read on its completion events. */
export function useSetupStatus(setupId: string) {
  const connection = useGatewayConnection();
  const queryClient = useQueryClient();
  const queryKey = ["gateway", METHODS.setupStatus, setupId];
  useEffect(
    () =>
      connection.onEvent((frame) => {
        const events: string[] = [EVENTS.setupCompleted, EVENTS.setupUncertain];
        if (events.includes(frame.event) && readSetupUse(frame.payload)?.setupId === setupId) {
          void queryClient.invalidateQueries({
            queryKey: ["gateway", METHODS.setupStatus, setupId],
          });
        }
      }),
    [connection, queryClient, setupId],
  );
  return useQuery({
    queryKey,
    queryFn: async (): Promise<SetupStatus> => {
      const answer = await connection.request<unknown>(METHODS.setupStatus, { setupId });
      if (!isRecord(answer)) throw new UnreadableAnswerError(METHODS.setupStatus);
      const uncertain = readSetupUse(answer.deliveryUncertain);
      return { use: readSetupUse(answer.completion) ?? uncertain, uncertain: Boolean(uncertain) };
    },
    refetchInterval: 5000,
  });
}
