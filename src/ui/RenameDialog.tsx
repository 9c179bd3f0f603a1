import { useId, useState, type FormEvent } from "react";
import type { WireText } from "../protocol";
import { shownText, toDisplayText } from "./display-text";
import { ModalDialog } from "./ModalDialog";

type Props = {
  name: WireText;
  hint: string;
  onSave: (name: string) => void;
  onCancel: () => void;
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function RenameDialog({ name, hint, onSave, onCancel, focusAfter }: Props) {
  const inputId = useId();
  const hintId = useId();
  // Prefilled in visible form: hidden characters are not carried, unseen, into the label.
  const [label, setLabel] = useState(() => toDisplayText(name).full);
  const trimmed = label.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) onSave(trimmed);
  };
  return (
    <ModalDialog title={`Rename “${shownText(name)}”`} onClose={onCancel} focusAfter={focusAfter}>
      <form onSubmit={submit} className="rename-form">
        <label htmlFor={inputId}>New name</label>
        <input
          id={inputId}
          type="text"
          value={label}
          maxLength={120}
          aria-describedby={hintId}
          onChange={(event) => setLabel(event.target.value)}
          data-autofocus
        />
        <p id={hintId}>{hint}</p>
        <div className="rename-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed}>
            Save name
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
