import { use, type ReactNode } from "react";
import { HistoryStoreContext } from "../api/history-store";
import { useHistoryLoader } from "./history-loader";

// The screens that read or write the history log get it here, loaded with their own code (this
// module is only ever imported lazily, so the log's code stays out of the first load).

export function HistoryScope({ children }: { children: ReactNode }) {
  // load() hands every caller the same promise, so `use` sees one stable thenable.
  const store = use(useHistoryLoader().load());
  return <HistoryStoreContext.Provider value={store}>{children}</HistoryStoreContext.Provider>;
}
