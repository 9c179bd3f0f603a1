import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

// A modal dialog: role dialog labelled by its title, focus moved in on open and kept inside
// (Tab wraps), Escape cancels, and focus returns to the opener unless `focusAfter` names
// another place (the opener's row is gone, or about to go).

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type Props = {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  /** Where focus goes on close; undefined means back to the opener. */
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
};

function trapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  const tabbable = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)];
  const first = tabbable[0];
  const last = tabbable.at(-1);
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

export function ModalDialog({ title, onCancel, children, focusAfter }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ onCancel, focusAfter });
  useEffect(() => {
    latest.current = { onCancel, focusAfter };
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (!dialog) return;
    const first =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(TABBABLE);
    (first ?? dialog).focus();
    // A native listener: the dialog element itself is not interactive, its keys are.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        latest.current.onCancel();
      } else if (event.key === "Tab") {
        trapTab(dialog, event);
      }
    };
    dialog.addEventListener("keydown", onKeyDown);
    return () => {
      dialog.removeEventListener("keydown", onKeyDown);
      const connected = opener?.isConnected ?? false;
      const target = latest.current.focusAfter?.(connected) ?? (connected ? opener : null);
      target?.focus();
    };
  }, []);

  return createPortal(
    <div className="devices-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className="devices-dialog"
      >
        <h2 id={titleId} className="devices-dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
