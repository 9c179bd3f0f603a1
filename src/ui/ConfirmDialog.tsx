import { useId, type ReactNode } from "react";
import { ModalDialog } from "./ModalDialog";

// Cancel has focus on open, so Enter on a dialog that appeared unexpectedly changes nothing.

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** "danger" for what cannot be taken back or hands over control; "primary" otherwise. */
  tone: "primary" | "danger";
  onConfirm: () => void;
  onCancel: () => void;
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function ConfirmDialog(props: Props) {
  const bodyId = useId();
  return (
    <ModalDialog
      title={props.title}
      onClose={props.onCancel}
      focusAfter={props.focusAfter}
      describedBy={bodyId}
    >
      <div id={bodyId}>{props.children}</div>
      <div className="modal-actions">
        <button type="button" onClick={props.onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className={props.tone} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
