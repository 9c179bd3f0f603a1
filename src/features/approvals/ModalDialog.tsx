import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";

// A real modal: role dialog, labelled by its title, focus moved in and kept in, Escape
// cancels, and focus goes back where it was (or to `fallbackFocus` if that is gone).

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type Props = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Gets focus on open; defaults to the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  fallbackFocus?: () => HTMLElement | null | undefined;
  describedBy?: string;
  className?: string;
};

export function ModalDialog(props: Props) {
  const { title, onClose, children, initialFocus, describedBy, className } = props;
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  const fallbackRef = useRef(props.fallbackFocus);
  useEffect(() => {
    onCloseRef.current = onClose;
    fallbackRef.current = props.fallbackFocus;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    const first = initialFocus?.current ?? dialog?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog)?.focus();
    return () => {
      const target = opener?.isConnected ? opener : fallbackRef.current?.();
      target?.focus();
    };
  }, [initialFocus]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onKeyDown = (event: KeyboardEvent) => trapKeys(event, dialog, () => onCloseRef.current());
    dialog.addEventListener("keydown", onKeyDown);
    return () => dialog.removeEventListener("keydown", onKeyDown);
  }, []);

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={["modal", className].filter(Boolean).join(" ")}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** Escape cancels; Tab and Shift+Tab wrap around inside the dialog. */
function trapKeys(event: KeyboardEvent, dialog: HTMLElement, cancel: () => void) {
  if (event.key === "Escape") {
    event.stopPropagation();
    cancel();
    return;
  }
  if (event.key !== "Tab") return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
