import { useDevicesActions, useDevicesStore } from "../../stores/devices-store";

export function DeviceNotes() {
  const notes = useDevicesStore((state) => state.notes);
  const { noteDismissed } = useDevicesActions();
  return (
    <div className="devices-notes" role="status" aria-label="Device activity">
      {notes.length > 0 ? (
        <ul>
          {notes.map((note) => (
            <li key={note.id} className={`devices-note devices-note-${note.tone}`}>
              <span role={note.tone === "error" ? "alert" : undefined}>{note.text}</span>
              <button
                type="button"
                className="devices-dismiss"
                onClick={() => noteDismissed(note.id)}
              >
                Dismiss<span className="visually-hidden"> note</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
