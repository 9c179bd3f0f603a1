import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

// findBy*/waitFor wait for what arrives live from the mock gateway; on 2 shared cores a
// whole-screen render can take longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 5000 });

// An unexpected console.error (React warnings, failed prop types, act() warnings) fails the test.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
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
