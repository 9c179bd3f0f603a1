import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

// Which package or app folder the bytes of a built file come from, read from its (hidden)
// source map: every generated column range belongs to the source of the mapping that starts
// it. Each group's code is gzipped alone, then scaled so the groups add up to the file.

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** "node_modules/react-dom", "src/features", … from a source path in the map. */
export function groupOf(source: string): string {
  const inModules = source.split("node_modules/").pop() ?? source;
  if (inModules !== source) {
    const parts = inModules.split("/");
    return `node_modules/${parts[0]?.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]}`;
  }
  const local =
    /(?:^|\/)((?:src|mocks)\/.*)$/.exec(source)?.[1] ?? source.replace(/^(\.\.\/)+/, "");
  const parts = local.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : local;
}

export type GroupSize = { group: string; raw: number; gzip: number };

/** The source path itself, package-relative for node_modules: for a per-module listing. */
export function moduleOf(source: string): string {
  const inModules = source.split("node_modules/").pop() ?? source;
  if (inModules !== source) return `node_modules/${inModules}`;
  return /(?:^|\/)((?:src|mocks)\/.*)$/.exec(source)?.[1] ?? source.replace(/^(\.\.\/)+/, "");
}

export async function breakdown(
  jsFile: string,
  groupBy: (source: string) => string = groupOf,
): Promise<GroupSize[]> {
  const code = await readFile(jsFile, "utf8");
  const map = JSON.parse(await readFile(`${jsFile}.map`, "utf8")) as {
    sources: string[];
    mappings: string;
  };
  const pieces = new Map<string, string[]>();
  const add = (group: string, text: string) => {
    const list = pieces.get(group) ?? [];
    list.push(text);
    pieces.set(group, list);
  };
  const lines = code.split("\n");
  const mappingLines = map.mappings.split(";");
  let sourceIndex = 0;
  lines.forEach((line, lineIndex) => {
    let column = 0;
    const starts: { column: number; group: string }[] = [];
    for (const segment of (mappingLines[lineIndex] ?? "").split(",")) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      column += values[0] ?? 0;
      if (values.length >= 4) sourceIndex += values[1] ?? 0;
      const source = values.length >= 4 ? map.sources[sourceIndex] : undefined;
      starts.push({ column, group: source ? groupBy(source) : "(unmapped)" });
    }
    if (starts.length === 0 || (starts[0]?.column ?? 0) > 0)
      add("(unmapped)", line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, index) => {
      add(start.group, line.slice(start.column, starts[index + 1]?.column ?? line.length));
    });
  });
  const fileGzip = gzipSync(code).length;
  const groups = [...pieces].map(([group, texts]) => {
    const text = texts.join("");
    return { group, raw: Buffer.byteLength(text), gzipAlone: gzipSync(text).length };
  });
  const aloneTotal = groups.reduce((sum, group) => sum + group.gzipAlone, 0);
  return groups
    .map(({ group, raw, gzipAlone }) => ({
      group,
      raw,
      gzip: Math.round((gzipAlone / aloneTotal) * fileGzip),
    }))
    .sort((a, b) => b.gzip - a.gzip);
}
