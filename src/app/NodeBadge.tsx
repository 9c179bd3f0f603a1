import { useNodePairList } from "../api/node-pairs";
import { CountBadge } from "../ui/CountBadge";

export function NodeBadge() {
  return <CountBadge count={useNodePairList().data?.pending.length ?? 0} />;
}
