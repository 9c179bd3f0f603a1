import { basename } from "node:path";
import type { Browser } from "playwright-core";
import { startBenchGateway } from "./bench-gateway";
import type { ServedBuild } from "./build-and-serve";
import { controlUiSize, loadedAssetSizes } from "./bundle-size";
import { budget, info, kb, type Figure } from "./report";
import { connectTab, openBenchTab } from "./session";
import { breakdown } from "./source-map-breakdown";

// What a session that connects and shows the approvals list loaded, gzipped, with a
// per-source breakdown, and the real Control UI's first page for comparison.

export async function bundleFigures(browser: Browser, served: ServedBuild): Promise<Figure[]> {
  const gateway = await startBenchGateway();
  const tab = await openBenchTab(browser);
  try {
    await connectTab(tab.page, served.url, gateway);
    const { sizes, forbidden } = await loadedAssetSizes(served.outDir, served.url, tab.requests);
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    const figures: Figure[] = [
      budget(
        "JS + CSS loaded until the approvals list is interactive (gzip)",
        kb(total),
        "≤ 85 KB",
        total <= 85 * 1024,
      ),
      budget(
        "mock / msw / schema validators / dev panel in what loaded",
        forbidden.length === 0 ? "none" : forbidden.join("; "),
        "none",
        forbidden.length === 0,
      ),
    ];
    for (const size of sizes)
      figures.push(info(`  ${size.file}`, `${kb(size.gzip)} gzip (${kb(size.raw)} raw)`));
    for (const size of sizes.filter((file) => file.file.endsWith(".js"))) {
      const groups = await breakdown(`${served.outDir}${size.file}`);
      const top = groups
        .filter((group) => group.gzip >= 300)
        .map((group) => `${group.group} ${kb(group.gzip)}`);
      figures.push(info(`  ${basename(size.file)} by source (gzip share)`, top.join(", ")));
    }
    const real = await controlUiSize();
    if (real) {
      const indexGzip = real.indexFiles.reduce((sum, file) => sum + file.gzip, 0);
      const devicesGzip = real.devicesFiles.reduce((sum, file) => sum + file.gzip, 0);
      figures.push(
        info(
          "OpenClaw Control UI 2026.9.6: index page + devices chunk (gzip)",
          kb(real.total),
          `index scripts+styles ${kb(indexGzip)} in ${real.indexFiles.length} files, inline <script>/<style> ${kb(real.inlineHtmlGzip)}, devices-page js+css ${kb(devicesGzip)}; the devices chunk also imports ${kb(real.devicesImportsGzip)} more boot code statically`,
        ),
        info("Control UI / Pairdesk", `${(real.total / total).toFixed(1)}× larger`),
      );
    } else
      figures.push(
        info("OpenClaw Control UI", "not installed (node scripts/real-gateway.mjs ensure)"),
      );
    return figures;
  } finally {
    await tab.context.close();
    await gateway.close();
  }
}
