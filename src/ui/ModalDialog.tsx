import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import "./ui.css";

// The one modal of every screen: role dialog labelled by its title, focus moved in on open and
// kept inside (Tab wraps), Escape cancels, and on close focus goes back to the opener, or to
// where `focusAfter` says (the opener's row is gone, or about to go).

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type Props = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Gets focus on open; else the first `[data-autofocus]` element, else the first focusable. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on close; nothing means back to the opener if it is still on the page. */
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
  describedBy?: string;
  /** Added to the dialog box's class (its width, say). */
  className?: string;
};

export function ModalDialog(props: Props) {
  const { title, children, initialFocus, describedBy, className } = props;
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  // The latest callbacks, read when a key or the close happens, so the effect runs only once.
  const latest = useRef({ onClose: props.onClose, focusAfter: props.focusAfter });
  useEffect(() => {
    latest.current = { onClose: props.onClose, focusAfter: props.focusAfter };
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    if (!dialog) return;
    const first =
      initialFocus?.current ??
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();
    // A native listener: the dialog element itself is not interactive, its keys are.
    const onKeyDown = (event: KeyboardEvent) => trapKeys(event, dialog, latest.current.onClose);
    dialog.addEventListener("keydown", onKeyDown);
    return () => {
      dialog.removeEventListener("keydown", onKeyDown);
      const connected = opener?.isConnected ?? false;
      const target = latest.current.focusAfter?.(connected) ?? (connected ? opener : null);
      target?.focus();
    };
  }, [initialFocus]);

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
  const last = focusable.at(-1);
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
  } else if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A `focusAfter` that keeps the opener when it is still there and else asks `fallback`. */
export function focusIfOpenerGone(fallback: () => HTMLElement | null | undefined) {
  return (openerConnected: boolean) => (openerConnected ? undefined : fallback());
}
