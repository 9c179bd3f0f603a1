import { useContext, useState } from "react";
import { HISTORY_LIMIT, useHistoryView } from "../../api/history-store";
import { ClockContext } from "../../ui/clock";
import { downloadText } from "./download";
import { exportFileName, historyToCsv, historyToJson } from "./history-export";
import "./history.css";
import { HistoryTable } from "./HistoryTable";

// A person reads the newest; the export carries all entries.
export const HISTORY_PAGE_SIZE = 200;

export function HistoryPage() {
  const { entries, total, complete, unreadable } = useHistoryView();
  const now = useContext(ClockContext);
  const [shown, setShown] = useState(HISTORY_PAGE_SIZE);
  const exportAs = (extension: "json" | "csv") => {
    const at = now();
    const name = exportFileName(at, extension);
    if (extension === "json") downloadText(name, "application/json", historyToJson(entries, at));
    else downloadText(name, "text/csv;charset=utf-8", historyToCsv(entries));
  };
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p className="history-muted">
        Every pairing request and decision this browser has seen, and every action taken from it.
        Kept in this browser; the newest {HISTORY_LIMIT.toLocaleString()} entries are kept.
      </p>
      {unreadable > 0 ? (
        <p className="protocol-notice">{`Stored entries not shown because they could not be read: ${unreadable}.`}</p>
      ) : null}
      <div className="history-actions">
        {/* Until the older entries are read in, an export would miss them. */}
        <button type="button" onClick={() => exportAs("json")} disabled={!complete || total === 0}>
          Export JSON
        </button>
        <button type="button" onClick={() => exportAs("csv")} disabled={!complete || total === 0}>
          Export CSV
        </button>
        <span className="history-muted" aria-live="polite">
          {total === 1 ? "1 entry" : `${total} entries`}
        </span>
      </div>
      {total === 0 ? (
        <p>
          Nothing recorded yet. Requests, decisions and device actions appear here as they happen.
        </p>
      ) : (
        <HistoryTable entries={entries.slice(0, shown)} />
      )}
      {total > shown ? (
        <button type="button" onClick={() => setShown((count) => count + HISTORY_PAGE_SIZE)}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
