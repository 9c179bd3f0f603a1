/// <reference types="vitest/config" />
import { readFile } from "node:fs/promises";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The strict policy is written into the built index.html only: Vite's dev server
// injects an inline preamble for React Fast Refresh, which a strict policy would block.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The gateway is whatever URL the admin types, so no host can be named here; WebSocket
  // schemes only: no fetch, XHR, beacon or EventSource anywhere, not even this origin.
  "connect-src ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "worker-src 'self'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "pairdesk-csp",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: () => [
        {
          tag: "meta",
          attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
          injectTo: "head-prepend",
        },
      ],
    },
  };
}

// A remembered gateway's socket opens before the modules arrive (BENCHMARKS.md, the slow
// profile): a classic script of its own, so the policy still allows only this origin's files.
function earlySocketOpener(): Plugin {
  const source = new URL("./src/gateway/early-socket-opener.js", import.meta.url);
  return {
    name: "pairdesk-early-socket-opener",
    apply: "build",
    async buildStart() {
      const code = await readFile(source, "utf8");
      this.emitFile({ type: "asset", name: "early-socket-opener.js", source: code });
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle = {} }) {
        const opener = Object.values(bundle).find(
          (file) => file.type === "asset" && file.fileName.includes("early-socket-opener"),
        );
        if (!opener) throw new Error("the early socket opener was not emitted");
        return [
          { tag: "script", attrs: { async: true, src: `./${opener.fileName}` }, injectTo: "head" },
        ];
      },
    },
  };
}

// main.tsx imports the screens itself, after it has started the socket. index.html asks for
// them at once too, so they download beside main's own chunk instead of after it.
function preloadScreens(): Plugin {
  return {
    name: "pairdesk-preload-screens",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle = {} }) {
        const chunks = Object.values(bundle).filter((file) => file.type === "chunk");
        const screens = chunks.find((chunk) => chunk.facadeModuleId?.endsWith("/src/app/App.tsx"));
        if (!screens) throw new Error("no chunk for src/app/App.tsx");
        const shared = chunks.filter(
          (chunk) => screens.imports.includes(chunk.fileName) && !chunk.isEntry,
        );
        const link = (rel: string, file: string) => ({
          tag: "link",
          attrs: { rel, href: `./${file}`, ...(rel === "modulepreload" && { crossorigin: "" }) },
          injectTo: "head" as const,
        });
        return [screens, ...shared].flatMap((chunk) => [
          link("modulepreload", chunk.fileName),
          ...[...(chunk.viteMetadata?.importedCss ?? [])].map((css) => link("stylesheet", css)),
        ]);
      },
    },
  };
}

// msw's setupWorker registers /mockServiceWorker.js even for WebSocket-only mocking. Serve it
// from mocks/public in `vite dev` only, so the worker never lands in a production build.
function mockServiceWorker(): Plugin {
  const file = new URL("./mocks/public/mockServiceWorker.js", import.meta.url);
  return {
    name: "pairdesk-mock-service-worker",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use("/mockServiceWorker.js", (_request, response, next) => {
        readFile(file).then(
          (body) => {
            response.setHeader("Content-Type", "text/javascript; charset=utf-8");
            response.end(body);
          },
          () => next(),
        );
      });
    },
  };
}

// The relative build asks for ./assets/… next to whatever address the page was opened at
// (/requests/<id> after a reload). Like the gateway, `vite preview` answers any …/assets/… path
// from dist/assets, so deep links keep working.
function nestedAssets(): Plugin {
  return {
    name: "pairdesk-nested-assets",
    configurePreviewServer(server) {
      server.middlewares.use((request, _response, next) => {
        const at = request.url?.indexOf("/assets/") ?? -1;
        if (request.url && at > 0) request.url = request.url.slice(at);
        next();
      });
    },
  };
}

// Headers a meta tag cannot carry (frame-ancestors) for `vite preview`.
const previewHeaders = {
  "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export default defineConfig({
  // Relative asset URLs: the same build works at / and under any path a gateway mounts it on.
  base: "./",
  plugins: [
    react(),
    contentSecurityPolicy(),
    earlySocketOpener(),
    preloadScreens(),
    mockServiceWorker(),
    nestedAssets(),
  ],
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 4173, headers: previewHeaders },
  build: {
    target: "es2022",
    sourcemap: false,
    // Chromium, Firefox and Safari all support modulepreload: no polyfill up front.
    modulePreload: { polyfill: false },
    // What the entry imports stays one file: modules shared with a lazy screen would otherwise
    // become extra chunks the first load fetches anyway, and one file gzips smaller.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "index", tags: ["$initial"] }] } },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          pool: "threads",
          include: ["test/unit/**/*.test.ts", "test/mock/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "jsdom",
          pool: "threads",
          include: ["test/integration/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup/dom.ts"],
          // jsdom renders whole screens against the mock on 2 shared cores: allow for load.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The real openclaw gateway (installed on first use) against the mock and against the
          // production build in Chromium: slow, and serial since every file shares one gateway.
          name: "compat",
          environment: "node",
          include: ["test/compat/**/*.test.ts"],
          // The matrix of older gateway releases runs on its own: npm run compat:releases.
          exclude: process.env.PAIRDESK_RELEASES ? [] : ["test/compat/release-matrix.test.ts"],
          // The build first: the shared gateway serves it (gateway.controlUi.root).
          globalSetup: ["test/e2e/support/global-setup.ts", "test/compat/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // A real Chromium against the production build and the mock gateway's real socket.
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one browser at a time keeps timings honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
