import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Device-supplied strings must only ever reach the page as text. No source file may use an
// API that parses a string as HTML or code.

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
const SINKS = [
  /dangerouslySetInnerHTML/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\beval\(/,
  /new Function\(/,
  /createContextualFragment/,
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat().filter((file) => /\.(ts|tsx)$/.test(file));
}

describe("no HTML or code sinks in src/", () => {
  it("uses none of innerHTML, dangerouslySetInnerHTML, document.write, eval or new Function", async () => {
    const files = await sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const sink of SINKS) if (sink.test(text)) found.push(`${file}: ${sink.source}`);
    }
    expect(found).toEqual([]);
  });
});
