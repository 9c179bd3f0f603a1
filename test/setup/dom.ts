import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

// jsdom has <dialog> but not its methods: open and close it, and let Escape cancel the modal one
// on top as a browser does (a "cancel" event the page may prevent, else a close).
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  if (!this.open) return;
  this.open = false;
  this.dispatchEvent(new Event("close"));
};
document.addEventListener("keydown", (event) => {
  const dialog = [...document.querySelectorAll("dialog[open]")].at(-1);
  if (event.key !== "Escape" || !(dialog instanceof HTMLDialogElement)) return;
  if (dialog.dispatchEvent(new Event("cancel", { cancelable: true }))) dialog.close();
});

// findBy*/waitFor wait for what arrives live from the mock gateway; on 2 shared cores a
// whole-screen render can take longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 5000 });

// An unexpected console.error (React warnings, failed prop types, act() warnings) fails the test.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  // A clean page: no saved credentials, at "/".
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, "", "/");
  consoleErrors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  if (consoleErrors.length > 0) {
    const first = consoleErrors[0]?.map(String).join(" ") ?? "";
    throw new Error(`console.error was called ${consoleErrors.length} time(s): ${first}`);
  }
});
