import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// Gzipped sizes (zlib level 6, what most servers send) of what the page loaded, and of the
// real OpenClaw Control UI's index page plus its devices chunk, computed the same way.

export type AssetSize = { file: string; raw: number; gzip: number };

/** Things that must never reach a production page (what scripts/check-bundle.mjs checks, and more). */
const FORBIDDEN = [
  { what: "msw", pattern: /mockServiceWorker|msw\/|@mswjs/ },
  { what: "the mock gateway", pattern: /pairdesk-mock-gateway|createMockGateway/ },
  { what: "the dev panel", pattern: /Mock gateway<|dev-panel|DevPanel/ },
  { what: "typebox schema validators", pattern: /TypeBox|typebox/ },
];

export async function gzipSizeOf(path: string): Promise<AssetSize> {
  const bytes = await readFile(path);
  return { file: path, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The built files behind the JS and CSS URLs a page loaded from the preview server. */
export async function loadedAssetSizes(outDir: string, appUrl: string, urls: readonly string[]) {
  const files = [...new Set(urls)]
    .filter((url) => url.startsWith(appUrl) && /\.(js|css)(\?|$)/.test(url))
    .map((url) => new URL(url).pathname);
  const sizes: AssetSize[] = [];
  const forbidden: string[] = [];
  for (const path of files) {
    const size = await gzipSizeOf(join(outDir, path));
    sizes.push({ ...size, file: path });
    const text = await readFile(join(outDir, path), "utf8");
    for (const { what, pattern } of FORBIDDEN) {
      if (pattern.test(text)) forbidden.push(`${path} contains ${what} (${pattern})`);
    }
  }
  return { sizes, forbidden };
}

export const CONTROL_UI_DIR = join(
  homedir(),
  ".cache/pairdesk/openclaw-2026.9.6/node_modules/openclaw/dist/control-ui",
);

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g;

async function staticClosure(assets: string, entries: readonly string[], seen: Set<string>) {
  const queue = [...entries];
  const found: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    found.push(name);
    if (!name.endsWith(".js")) continue;
    const text = await readFile(join(assets, name), "utf8");
    for (const match of text.matchAll(STATIC_IMPORT)) queue.push((match[1] ?? "").slice(2));
  }
  return found;
}

export type ControlUiSize = {
  indexFiles: AssetSize[];
  /** devices-page-*.js and .css themselves. */
  devicesFiles: AssetSize[];
  /** What the devices chunk imports statically beyond the index page (boot chunks). */
  devicesImportsGzip: number;
  inlineHtmlGzip: number;
  /** Index page (scripts, styles, inline) plus the devices chunk itself. */
  total: number;
};

/** The Control UI's first page (entry + static imports + styles) and its devices page chunk. */
export async function controlUiSize(dir = CONTROL_UI_DIR): Promise<ControlUiSize | undefined> {
  if (!existsSync(join(dir, "index.html"))) return undefined;
  const assets = join(dir, "assets");
  const html = await readFile(join(dir, "index.html"), "utf8");
  const linked = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] ?? "",
  );
  const seen = new Set<string>();
  const index = await staticClosure(assets, linked, seen);
  const devicesEntries = (await readdir(assets)).filter((name) =>
    /^devices-page-[^.]+\.(js|css)$/.test(name),
  );
  const devices = await staticClosure(assets, devicesEntries, seen);
  const size = (names: string[]) =>
    Promise.all(
      names.map(async (name) => ({ ...(await gzipSizeOf(join(assets, name))), file: name })),
    );
  const indexFiles = await size(index);
  const devicesFiles = await size(devicesEntries);
  const devicesImports = await size(devices.filter((name) => !devicesEntries.includes(name)));
  const inline = [...html.matchAll(/<(script|style)[^>]*>([\s\S]*?)<\/\1>/g)]
    .map((match) => match[2] ?? "")
    .join("\n");
  const inlineHtmlGzip = gzipSync(inline).length;
  const sum = (files: AssetSize[]) => files.reduce((total, file) => total + file.gzip, 0);
  return {
    indexFiles,
    devicesFiles,
    devicesImportsGzip: sum(devicesImports),
    inlineHtmlGzip,
    total: sum(indexFiles) + sum(devicesFiles) + inlineHtmlGzip,
  };
}
