import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import "./modal.css";

// A native <dialog> opened with showModal(): the page behind is inert and Escape cancels.

type Props = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
  describedBy?: string;
  className?: string;
};

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea";

export function ModalDialog(props: Props) {
  const { title, children, describedBy, className } = props;
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The latest callbacks, read when the dialog is cancelled or closes, so the effect runs once.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus({ preventScroll: true });
    // showModal() already focused, and scrolled to, a control of its choosing: open at the title.
    dialog.scrollTop = 0;
    const onCancel = (event: Event) => {
      event.preventDefault();
      latest.current.onClose();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      dialog.close();
      const connected = opener?.isConnected ?? false;
      const target = latest.current.focusAfter?.(connected) ?? (connected ? opener : null);
      target?.focus();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      className={["modal", className].filter(Boolean).join(" ")}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}
