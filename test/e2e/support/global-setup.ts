import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH } from "./chromium";
import { FAILURE_DIR, freePort, REPO_ROOT } from "./paths";

// Once per run: build the production bundle into a throwaway folder and serve it with
// `vite preview` (same security headers as people get), so every test file meets the app
// exactly as it ships.

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the production build is served, e.g. http://127.0.0.1:41234 */
    e2eAppUrl: string;
    /** The production build itself, for a gateway to serve (gateway.controlUi.root). */
    e2eBuildDir: string;
  }
}

function runBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js");
    const args = [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"];
    // Vitest runs with NODE_ENV=test, which would make Vite build a development bundle
    // (import.meta.env.DEV true, so the in-browser mock gateway would start).
    const env = { ...process.env, NODE_ENV: "production" };
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${stderr}`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run scripts/ensure-chromium.sh first`);
  }
  const started = Date.now();
  // Failure screenshots describe this run only. The compat project serves the build through
  // this setup too, after the e2e stage: it must not wipe the e2e project's screenshots.
  if (project.name === "e2e") await rm(FAILURE_DIR, { recursive: true, force: true });
  const outDir = await mkdtemp(join(tmpdir(), "pairdesk-e2e-build-"));
  let server: PreviewServer | undefined;
  try {
    await runBuild(outDir);
    const built = Date.now();
    const port = await freePort();
    server = await preview({
      root: REPO_ROOT,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port, strictPort: true, open: false },
    });
    const url = `http://127.0.0.1:${port}`;
    project.provide("e2eAppUrl", url);
    project.provide("e2eBuildDir", outDir);
    console.log(
      `${project.name}: production build in ${((built - started) / 1000).toFixed(1)} s, served at ${url}`,
    );
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
    console.log(
      `${project.name}: app served for ${((Date.now() - started) / 1000).toFixed(1)} s (build included)`,
    );
  };
}
