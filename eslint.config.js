import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import testingLibrary from "eslint-plugin-testing-library";
import globals from "globals";
import tseslint from "typescript-eslint";
import noRawWireText from "./eslint-rules/no-raw-wire-text.js";

export default tseslint.config(
  { ignores: ["dist", "coverage", "node_modules", "test-results", "mocks/public"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  { files: ["src/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    // Wire text reaches the DOM only through DeviceText (SECURITY.md). The rule reads types: a
    // program of src alone halves what typed linting adds.
    files: ["src/**/*.tsx"],
    languageOptions: {
      parserOptions: { project: "./tsconfig.src.json", tsconfigRootDir: import.meta.dirname },
    },
    plugins: { local: { rules: { "no-raw-wire-text": noRawWireText } } },
    rules: { "local/no-raw-wire-text": "error" },
  },
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["test/integration/**/*.{ts,tsx}"],
    ...testingLibrary.configs["flat/react"],
  },
  {
    // Command-line scripts and the mock server report on stdout.
    files: ["scripts/**", "mocks/server/**", "test/e2e/**", "test/compat/**"],
    rules: { "no-console": "off" },
  },
  {
    // One direction of imports (see README "Architecture"), and no import cycles.
    files: ["src/**/*.{ts,tsx}", "mocks/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] }),
      ],
    },
    rules: {
      "import-x/no-cycle": "error",
      "import-x/no-restricted-paths": ["error", { zones: layerZones() }],
    },
  },
  {
    // The dev-only dynamic import that starts the mock is the one way from src/ to mocks/.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/main.tsx"],
    plugins: { "import-x": importX },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...layerZones(),
            { target: "./src", from: "./mocks", message: "src/ never imports mocks/." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: validatorModules("The root and schema modules carry ~87 KB of validators."),
        },
      ],
    },
  },
  {
    files: ["src/policy/**/*.ts", "src/protocol/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "zustand", "@tanstack/*"],
              message: "Pure modules: no React, no stores.",
            },
          ],
          paths: validatorModules("Keep the validators out of the bundle."),
        },
      ],
    },
  },
);

function validatorModules(message) {
  return ["@openclaw/gateway-protocol", "@openclaw/gateway-protocol/schema"].map((name) => ({
    name,
    message,
  }));
}

/** Layers import downwards only; features never import each other or the app. */
function layerZones() {
  const layers = ["protocol", "policy", "gateway", "api", "stores", "features", "app"];
  const above = (index) => layers.slice(index + 1).map((layer) => `./src/${layer}`);
  const features = ["approvals", "connect", "devices", "history"];
  return [
    ...layers.slice(0, -1).map((layer, index) => ({
      target: `./src/${layer}`,
      from: above(index),
      message: `src/${layer} imports nothing above it.`,
    })),
    { target: "./src/protocol", from: "./src/policy", message: "protocol is below policy." },
    { target: ["./src/ui", "./src/routing"], from: ["./src/features", "./src/app"] },
    ...features.map((feature) => ({
      target: `./src/features/${feature}`,
      from: "./src/features",
      except: [`./${feature}`],
      message: "Features never import each other.",
    })),
    {
      target: "./mocks",
      from: "./src",
      except: ["./protocol", "./policy"],
      message: "mocks/ imports only src/protocol and src/policy.",
    },
  ];
}
