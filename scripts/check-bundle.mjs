// The production bundle must carry no mock gateway, no msw and no protocol schema validators.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const forbidden = [
  { what: "msw", pattern: /mockServiceWorker|msw\/|@mswjs/ },
  { what: "the mock gateway", pattern: /pairdesk-mock-gateway/ },
  { what: "typebox schema validators", pattern: /TypeBox|\[Kind\]|typebox/ },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let problems = 0;
let gzipTotal = 0;
for (const file of files("dist")) {
  if (!/\.(js|css|html)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  const gz = gzipSync(text).length;
  gzipTotal += file.endsWith(".html") ? 0 : gz;
  console.log(`${file}: ${(gz / 1024).toFixed(1)} KB gzipped`);
  for (const { what, pattern } of forbidden) {
    if (pattern.test(text)) {
      console.log(`  contains ${what} (${pattern})`);
      problems += 1;
    }
  }
}
console.log(`total JS + CSS: ${(gzipTotal / 1024).toFixed(1)} KB gzipped`);
process.exit(problems === 0 ? 0 : 1);
