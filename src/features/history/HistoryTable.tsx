import { Fragment } from "react";
import type { HistoryEntry } from "../../api/history-types";
import { DeviceText } from "../../ui/DeviceText";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { deciderWords, kindWords } from "./history-words";

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

function Scopes({ scopes }: { scopes: HistoryEntry["scopesAsked"] }) {
  if (scopes === undefined) return <span className="history-muted">—</span>;
  if (scopes.length === 0) return <span className="history-muted">none</span>;
  return scopes.map((scope, index) => (
    <Fragment key={index}>
      {index > 0 ? ", " : null}
      <DeviceText value={scope} />
    </Fragment>
  ));
}

/** The log as a table; at phone widths each row becomes a labelled block (see history.css). */
export function HistoryTable({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <table className="history-table">
      <caption className="visually-hidden">Pairing history, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">Device</th>
          <th scope="col">Scopes asked</th>
          <th scope="col">Scopes granted</th>
          <th scope="col">Decided by</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <ErrorBoundary
            key={entry.id}
            what="history entry"
            id={entry.requestId ?? entry.deviceId}
            columns={6}
          >
            <HistoryRow entry={entry} />
          </ErrorBoundary>
        ))}
      </tbody>
    </table>
  );
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  return (
    <tr className={entry.outcome === "refused" ? "history-refused" : undefined}>
      <td data-label="Time">
        <time dateTime={new Date(entry.at).toISOString()}>{TIME.format(entry.at)}</time>
      </td>
      <td data-label="Event">
        {/* The role and the note carry wire values (a role name, a request id). */}
        <DeviceText value={kindWords(entry)} sentence />
        {entry.outcome === "refused" ? <strong> — refused</strong> : null}
        {entry.note ? (
          <span className="history-note">
            <DeviceText value={entry.note} sentence />
          </span>
        ) : null}
      </td>
      <td data-label="Device">
        {entry.deviceName?.trim() ? (
          <DeviceText value={entry.deviceName} />
        ) : (
          <span className="history-muted">unknown name</span>
        )}
        <code className="history-id">
          <DeviceText value={entry.deviceId.slice(0, 16)} />
        </code>
      </td>
      <td data-label="Scopes asked">
        <Scopes scopes={entry.scopesAsked} />
      </td>
      <td data-label="Scopes granted">
        <Scopes scopes={entry.scopesDecided} />
      </td>
      <td data-label="Decided by">{deciderWords(entry)}</td>
    </tr>
  );
}
