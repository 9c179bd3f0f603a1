import { useEffect, useRef } from "react";

// Never while typing, with a modifier (browser and screen-reader keys win) or in a dialog.

export type ShortcutHandlers = {
  move: (step: 1 | -1) => void;
  approve: () => void;
  reject: () => void;
  toggle: () => void;
  /** Absent where a request has no details view: Enter keeps its own meaning. */
  openDetails?: () => void;
  help: () => void;
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

export function useShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const { target } = event;
      const inList = target instanceof Element && target.closest(".request-list");
      const onRow = target instanceof HTMLElement && target.dataset.requestId !== undefined;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      const h = ref.current;
      switch (event.key) {
        case "j":
          return run(() => h.move(1));
        case "k":
          return run(() => h.move(-1));
        case "ArrowDown":
          // Arrows scroll the page unless focus is already in the list.
          return inList ? run(() => h.move(1)) : undefined;
        case "ArrowUp":
          return inList ? run(() => h.move(-1)) : undefined;
        case "a":
          return run(h.approve);
        case "r":
          return run(h.reject);
        case "x":
          return run(h.toggle);
        case "Enter":
          // Enter on a button or link keeps its own meaning.
          return h.openDetails && onRow ? run(h.openDetails) : undefined;
        case "?":
          return run(h.help);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
