// The production bundle must carry no mock gateway, no msw, no dev panel and no protocol schema
// validators, in any file (first load or lazy chunk). It also prints what the first load is:
// what index.html links, plus everything those scripts import statically (lazy chunks, fetched
// later through import(), are listed apart). The size budget itself is judged by the bench
// (scripts/bench/bundle-figures.ts), in a browser.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist";

// Keep in step with FORBIDDEN in scripts/bench/bundle-size.ts.
const forbidden = [
  { what: "msw", pattern: /mockServiceWorker|msw\/|@mswjs/ },
  { what: "the mock gateway", pattern: /pairdesk-mock-gateway|createMockGateway/ },
  { what: "the dev panel", pattern: /Mock gateway<|dev-panel|DevPanel/ },
  { what: "typebox schema validators", pattern: /TypeBox|\[Kind\]|typebox/ },
];

// Minified static imports: `import"./a.js"`, `from"./a.js"`, `export*from"./a.js"`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** dist-relative paths of the first load: index.html's scripts and styles, and their static imports. */
function firstLoad() {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const linked = [...html.matchAll(/(?:src|href)="\.?\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...linked];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith(".js")) continue;
    const dir = file.slice(0, file.lastIndexOf("/") + 1);
    const text = readFileSync(join(DIST, file), "utf8");
    for (const match of text.matchAll(STATIC_IMPORT)) queue.push(dir + match[1].slice(2));
  }
  return seen;
}

if (!existsSync(join(DIST, "index.html"))) {
  console.log(`${DIST}/index.html is missing: run the build first`);
  process.exit(1);
}

const initial = firstLoad();
let problems = 0;
const totals = { first: 0, later: 0 };
for (const file of files(DIST)) {
  if (!/\.(js|css|html)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  const gz = gzipSync(text).length;
  const relative = file.slice(DIST.length + 1);
  const when = file.endsWith(".html") ? "page" : initial.has(relative) ? "first load" : "lazy";
  if (when === "first load") totals.first += gz;
  if (when === "lazy") totals.later += gz;
  console.log(`${file}: ${(gz / 1024).toFixed(1)} KB gzipped (${when})`);
  for (const { what, pattern } of forbidden) {
    if (pattern.test(text)) {
      console.log(`  contains ${what} (${pattern})`);
      problems += 1;
    }
  }
}
console.log(`first load JS + CSS: ${(totals.first / 1024).toFixed(1)} KB gzipped`);
console.log(`lazy chunks JS + CSS: ${(totals.later / 1024).toFixed(1)} KB gzipped`);
process.exit(problems === 0 ? 0 : 1);
