import { useEffect } from "react";
import {
  useApprovalsActions,
  useApprovalsStore,
  type ResolutionNote,
} from "../../stores/approvals-store";

// Failures stay (as an alert) until dismissed: they need the admin's attention.

const NOTE_VISIBLE_MS = 8000;

function FadingNote({ note }: { note: ResolutionNote }) {
  const { noteDismissed } = useApprovalsActions();
  useEffect(() => {
    const timer = setTimeout(() => noteDismissed(note.id), NOTE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [note.id, noteDismissed]);
  return <li className={`note note-${note.tone}`}>{note.text}</li>;
}

export function ActivityNotes() {
  const notes = useApprovalsStore((state) => state.notes);
  const { noteDismissed } = useApprovalsActions();
  const errors = notes.filter((note) => note.tone === "error");
  const others = notes.filter((note) => note.tone !== "error");
  return (
    <div className="activity">
      <div role="alert" className="activity-errors">
        {errors.map((note) => (
          <p key={note.id} className="note note-error">
            {note.text}{" "}
            <button type="button" className="link" onClick={() => noteDismissed(note.id)}>
              Dismiss
            </button>
          </p>
        ))}
      </div>
      <ul aria-live="polite" aria-label="Recent activity" className="activity-notes">
        {others.map((note) => (
          <FadingNote key={note.id} note={note} />
        ))}
      </ul>
    </div>
  );
}
