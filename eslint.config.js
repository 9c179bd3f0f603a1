import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import testingLibrary from "eslint-plugin-testing-library";
import globals from "globals";
import tseslint from "typescript-eslint";

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
    // One direction of imports (see README "Architecture").
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/mocks/**", "../mocks/*", "../../mocks/*"],
              message:
                "src/ must not import mocks/ (only src/main.tsx starts the mock, dynamically).",
            },
            {
              group: ["@openclaw/gateway-protocol/schema"],
              message: "The schema module is ~87 KB gzipped: keep it out of the production bundle.",
            },
          ],
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
            {
              group: ["../gateway/*", "../api/*", "../stores/*", "../features/*", "../app/*"],
              message: "policy/protocol import nothing above them.",
            },
            {
              group: ["@openclaw/gateway-protocol/schema"],
              message: "Keep the schema module out of the bundle.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["mocks/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/src/gateway/*",
                "**/src/api/*",
                "**/src/stores/*",
                "**/src/features/*",
                "**/src/app/*",
              ],
              message: "mocks/ imports only src/protocol and src/policy.",
            },
          ],
        },
      ],
    },
  },
);
