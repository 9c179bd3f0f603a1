import { ModalDialog } from "./ModalDialog";

export const SHORTCUTS: readonly [keys: string, action: string][] = [
  ["j or ↓", "Next request"],
  ["k or ↑", "Previous request"],
  ["a", "Approve the current request"],
  ["r", "Reject the current request"],
  ["Enter", "Open the current request's details"],
  ["x", "Select or unselect the current request"],
  ["?", "Show this help"],
  ["Escape", "Close a dialog"],
];

type Props = { onClose: () => void; shortcuts?: typeof SHORTCUTS };

export function ShortcutsHelpDialog({ onClose, shortcuts = SHORTCUTS }: Props) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose}>
      <p>Shortcuts work when you are not typing in a field.</p>
      <dl className="shortcuts">
        {shortcuts.map(([keys, action]) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
