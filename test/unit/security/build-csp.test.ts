import { build, type Rollup } from "vite";
import { describe, expect, it } from "vitest";
import config from "../../../vite.config";

// The production build ships a Content-Security-Policy that allows only the app's own
// scripts and WebSocket connections; `vite preview` adds what a meta tag cannot carry.

async function builtFiles(): Promise<Map<string, string>> {
  // NODE_ENV=test would make Vite build a development bundle; this must be the shipped one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const result = await build({ logLevel: "silent", build: { write: false } });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const files = new Map<string, string>();
    for (const file of outputs.flatMap((output) => output.output)) {
      files.set(file.fileName, file.type === "chunk" ? file.code : String(file.source));
    }
    return files;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe("the production build's Content-Security-Policy", () => {
  it("is in index.html and allows only own scripts and WebSocket connections", async () => {
    const files = await builtFiles();
    const html = files.get("index.html") ?? "";
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta, "CSP meta tag").not.toBeNull();
    const policy = directives((meta?.[1] ?? "").replaceAll("&#39;", "'"));

    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["ws:", "wss:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    const everything = [...policy.values()].flat();
    for (const loose of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
      "*",
      "http:",
      "https:",
    ]) {
      expect(everything).not.toContain(loose);
    }

    // Nothing inline for the policy to have to allow, and no string evaluated as code.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // Relative, so the same build works at / and under any path a gateway mounts it on.
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/\sstyle="|<style\b|\son[a-z]+="/);
    for (const [name, code] of files) {
      if (!name.endsWith(".js")) continue;
      expect(code, name).not.toMatch(/\beval\(|\bnew Function\(/);
      expect(code, name).not.toContain("mockServiceWorker");
    }
  }, 60_000);

  it("is served by `vite preview` with frame-ancestors 'none' and no framing", () => {
    const headers = config.preview?.headers ?? {};
    const policy = directives(String(headers["Content-Security-Policy"]));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
