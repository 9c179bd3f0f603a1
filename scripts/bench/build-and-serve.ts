import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The production build, served by `vite preview` (the same headers people get). Source maps
// are "hidden": written beside the files for the size breakdown, with no reference in the
// code, so every served byte is what a release ships.

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type ServedBuild = { url: string; outDir: string; close(): Promise<void> };

/** `minify: false` only for profiling (readable function names); budgets use the real build. */
export async function buildAndServe(options: { minify?: boolean } = {}): Promise<ServedBuild> {
  // Vite reads NODE_ENV when it loads; a development value would ship the in-page mock.
  process.env.NODE_ENV = "production";
  const { build, preview } = await import("vite");
  const outDir = await mkdtemp(join(tmpdir(), "pairdesk-bench-build-"));
  try {
    await build({
      root: REPO_ROOT,
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, sourcemap: "hidden", minify: options.minify ?? true },
    });
    const server = await preview({
      root: REPO_ROOT,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port: 0, open: false },
    });
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, "");
    if (!url) throw new Error("vite preview reported no local URL");
    return {
      url,
      outDir,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
