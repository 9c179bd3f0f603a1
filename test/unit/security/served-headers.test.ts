import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import config from "../../../vite.config";

// The headers a meta tag cannot carry must come from whatever serves the built files. The
// documents people copy them from must say exactly what `vite preview` sends.

const headers = Object.entries(config.preview?.headers ?? {});
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8");

describe("the response headers for a static host", () => {
  it("are the four `vite preview` sends, frame-ancestors among them", () => {
    expect(headers.map(([name]) => name)).toEqual([
      "Content-Security-Policy",
      "X-Frame-Options",
      "X-Content-Type-Options",
      "Referrer-Policy",
    ]);
    expect(String(config.preview?.headers?.["Content-Security-Policy"])).toMatch(
      /; frame-ancestors 'none'$/,
    );
  });

  it.each(["SECURITY.md", "README.md"])("are written out exactly in %s", (file) => {
    const text = read(file);
    for (const [name, value] of headers) expect(text).toContain(`${name}: ${String(value)}\n`);
  });
});
