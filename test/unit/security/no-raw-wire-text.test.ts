import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import noRawWireText from "../../../eslint-rules/no-raw-wire-text.js";

// The lint rule that keeps wire text out of JSX except through DeviceText (#15, SECURITY.md):
// it refuses every raw use in a fixture screen that typechecks, and the project's config runs it
// on every component in src.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURE = fileURLToPath(new URL("wire-text-fixture/NewScreen.tsx", import.meta.url));

async function lintFixture() {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.tsx"],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { projectService: true, tsconfigRootDir: ROOT },
        },
        plugins: { local: { rules: { "no-raw-wire-text": noRawWireText } } },
        rules: { "local/no-raw-wire-text": "error" },
      },
    ],
  });
  const [result] = await eslint.lintFiles([FIXTURE]);
  return result?.messages ?? [];
}

/** The fixture's lines by their marker comment. */
async function markedLines(marker: "raw" | "ok"): Promise<number[]> {
  const lines = (await readFile(FIXTURE, "utf8")).split("\n");
  return lines.flatMap((line, index) => (line.includes(`/* ${marker} */`) ? [index + 1] : []));
}

describe("local/no-raw-wire-text", () => {
  it("refuses every raw use of wire text in a new screen, and accepts DeviceText and shownText", async () => {
    const messages = await lintFixture();
    expect(messages.map((message) => message.ruleId)).toEqual(
      messages.map(() => "local/no-raw-wire-text"),
    );
    const refused = [...new Set(messages.map((message) => message.line))];
    expect(refused).toEqual(await markedLines("raw"));
    expect(refused).toHaveLength(8);
    const okLines = await markedLines("ok");
    expect(okLines.filter((line) => refused.includes(line))).toEqual([]);
    expect(messages.find((message) => message.line === refused[1])?.message).toMatch(
      /`request\.displayName` is wire text shown raw/,
    );
  }, 120_000);

  it("runs on every component in src with the project's config", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of ["src/features/approvals/RequestCard.tsx", "src/app/AppLayout.tsx"]) {
      const config = await eslint.calculateConfigForFile(file);
      expect(config.rules["local/no-raw-wire-text"]).toEqual([2]);
    }
  });
});
