import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Failure screenshots (gitignored with the rest of test-results/). */
export const FAILURE_DIR = fileURLToPath(new URL("../../../test-results/e2e/", import.meta.url));
/** Screenshots kept as documentation. */
export const DOCS_SCREENSHOT_DIR = fileURLToPath(
  new URL("../../../docs/screenshots/", import.meta.url),
);

/** A port nobody holds right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A file-name-safe slug of a test name. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}
