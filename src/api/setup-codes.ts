import { useQuery } from "@tanstack/react-query";
import { useGatewayConnection } from "../gateway/context";
import type { GatewayConnection } from "../gateway/types";
import { isRecord, METHODS, readSetupCode, readSetupUse, type SetupUse } from "../protocol";
import { setupStatusQueryKey } from "./node-pairs";
import { unreadableAnswer } from "./pair-list";

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
  if (!code) throw unreadableAnswer(METHODS.setupCode);
  return code;
}

export type SetupStatus = { use?: SetupUse; uncertain: boolean };

/** What the gateway says of a code's use: polled, and re-read on the setup events. */
export function useSetupStatus(setupId: string) {
  const connection = useGatewayConnection();
  return useQuery({
    queryKey: [...setupStatusQueryKey, setupId],
    queryFn: async (): Promise<SetupStatus> => {
      const answer = await connection.request<unknown>(METHODS.setupStatus, { setupId });
      if (!isRecord(answer)) throw unreadableAnswer(METHODS.setupStatus);
      const uncertain = readSetupUse(answer.deliveryUncertain);
      return { use: readSetupUse(answer.completion) ?? uncertain, uncertain: Boolean(uncertain) };
    },
    refetchInterval: 5000,
  });
}
