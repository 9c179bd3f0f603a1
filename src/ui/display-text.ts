// Device-supplied text is shown with every invisible or layout-changing character made visible,
// so "evil\u202Eenohpi" cannot pose as "iphone…".

/** A run of plain text, or of hidden characters as markers (one node however long the run). */
export type TextPart = { kind: "text" | "hidden"; text: string };

export type DisplayText = {
  parts: TextPart[];
  full: string;
  short: string;
  hidden: number;
  truncated: boolean;
  mixedScripts: string[];
};

/** Default cut for a name in a list row. */
export const SHORT_TEXT_LIMIT = 64;
/** Cut for a sentence composed from device-supplied values (an origin, an address). */
export const SENTENCE_LIMIT = 500;
/** Beyond this many combining marks on one letter the rest are counted, not stacked. */
const MAX_COMBINING_MARKS = 3;
const ELLIPSIS = "…";

// Control, format (bidi overrides, zero-width…), line and paragraph separators, and characters
// that render as nothing (combining grapheme joiner, Hangul fillers, Khmer vowels, braille blank).
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const BLANK_CHARACTERS: ReadonlySet<number> = new Set([
  0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x2800, 0x3164, 0xffa0,
]);
// Spaces other than the plain one are visible as spaces but hide look-alikes; mark them too.
const ODD_SPACE = /[\p{Zs}]/u;
const COMBINING = /\p{M}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const ZWJ = "\u200D";

/** The visible marker for one hidden character, e.g. "⟨U+202E⟩". */
function hiddenMarker(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `⟨U+${code}⟩`;
}

function isHidden(chars: readonly string[], index: number): boolean {
  const char = chars[index] ?? "";
  if (char === " ") return false;
  if (char.length === 1 && char >= "\uD800" && char <= "\uDFFF") return true; // lone surrogate
  if (char === ZWJ) {
    // Emoji sequences (👩‍💻) join pictographs with ZWJ; elsewhere it only hides things.
    return !(PICTOGRAPH.test(chars[index - 1] ?? "") && PICTOGRAPH.test(chars[index + 1] ?? ""));
  }
  return (
    HIDDEN.test(char) || ODD_SPACE.test(char) || BLANK_CHARACTERS.has(char.codePointAt(0) ?? 0)
  );
}

function push(parts: TextPart[], { kind, text }: TextPart): void {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function visible(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join("");
}

/** Splits a value into text and visible markers; `limit` cuts it (in characters shown). */
export function toDisplayText(value: string, limit = Number.POSITIVE_INFINITY): DisplayText {
  const chars = Array.from(value);
  const parts: TextPart[] = [];
  const shownParts: TextPart[] = [];
  let hidden = 0;
  let marks = 0;
  let length = 0;
  let truncated = false;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? "";
    // A stack of hundreds of marks paints over the rows around it ("zalgo" text).
    const invisible = isHidden(chars, index);
    marks = !invisible && COMBINING.test(char) ? marks + 1 : 0;
    const hide = invisible || marks > MAX_COMBINING_MARKS;
    if (hide) hidden += 1;
    const part: TextPart = hide
      ? { kind: "hidden", text: hiddenMarker(char) }
      : { kind: "text", text: char };
    push(parts, part);
    const size = part.kind === "text" ? 1 : part.text.length;
    if (!truncated && length + size <= limit) {
      push(shownParts, part);
      length += size;
    } else truncated = true;
  }
  if (truncated) push(shownParts, { kind: "text", text: ELLIPSIS });
  return {
    parts: shownParts,
    full: visible(parts),
    short: visible(shownParts),
    hidden,
    truncated,
    mixedScripts: mixedScripts(value),
  };
}

// Scripts whose letters double for Latin ones (а/a, ο/o, Ꭺ/A): mixing them fakes a known name.
const CONFUSABLE_SCRIPTS: [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
];

export function mixedScripts(value: string): string[] {
  const found = CONFUSABLE_SCRIPTS.filter(([, pattern]) => pattern.test(value)).map(
    ([name]) => name,
  );
  return found.length > 1 ? found : [];
}

// The part of Unicode's confusables list that fits a device name, folded to one Latin letter.
// prettier-ignore
const FOLD: Record<string, string> = {
  а: "a", б: "6", в: "b", г: "r", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", п: "n",
  р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "l", ї: "l", ј: "j", ԁ: "d", ԛ: "q",
  ԝ: "w", һ: "h", ӏ: "l", α: "a", β: "b", γ: "y", ε: "e", η: "n", ι: "l", κ: "k", ν: "v",
  ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w", ɡ: "g", ı: "l", i: "l", "1": "l", "|": "l",
  "0": "o", "’": "'", "‘": "'", "`": "'", "´": "'",
};

/** A key under which names that a person would read as the same collide. */
export function lookalikeKey(value: string): string {
  const ascii = asciiLookalikeKey(value);
  if (ascii !== undefined) return ascii;
  const folded = Array.from(value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase())
    .filter((char, index, chars) => !isHidden(chars, index) && !/\s/u.test(char))
    .map((char) => FOLD[char] ?? char)
    .join("");
  return folded.replace(/rn/g, "m").replace(/vv/g, "w");
}

// Plain ASCII names (nearly all) get the same key in one pass over their codes (BENCHMARKS.md).
const ASCII_PATH_MAX = 256;
const SPACE = 0x20;
const codeOf = (char: string) => char.charCodeAt(0);
const [R, N, M, V, W] = [codeOf("r"), codeOf("n"), codeOf("m"), codeOf("v"), codeOf("w")];
// Printable ASCII code → its folded lower-case code; 0 drops the character (the space).
const ASCII_FOLDED = Uint16Array.from({ length: 0x7f }, (_, code) => {
  if (code <= SPACE) return 0;
  const lower = String.fromCharCode(code).toLowerCase();
  return codeOf(FOLD[lower] ?? lower);
});

/** The key of a short printable-ASCII value, or undefined for any other value. */
function asciiLookalikeKey(value: string): string | undefined {
  if (value.length > ASCII_PATH_MAX) return undefined;
  const codes: number[] = [];
  let changed = false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < SPACE || code >= ASCII_FOLDED.length) return undefined;
    const folded = ASCII_FOLDED[code] ?? 0;
    if (folded !== code) changed = true;
    if (folded === 0) continue;
    const last = codes.length - 1;
    // "rn" reads as "m", "vv" as "w" (applied to the folded text, as the full path does).
    if (folded === N && codes[last] === R) {
      codes[last] = M;
      changed = true;
    } else if (folded === V && codes[last] === V) {
      codes[last] = W;
      changed = true;
    } else codes.push(folded);
  }
  // A name that is its own key (lower case, no spaces, nothing folded) is not copied.
  return changed ? String.fromCharCode(...codes) : value;
}

/** Ids whose names collide (identically or by look-alike) with a name of another id. */
export function findNameClashes(
  entries: readonly { id: string; name: string }[],
): ReadonlySet<string> {
  const firstId = new Map<string, string>();
  const clashing = new Set<string>();
  for (const { id, name } of entries) {
    const key = lookalikeKey(name);
    if (!key) continue;
    const other = firstId.get(key);
    if (other === undefined) firstId.set(key, id);
    else if (other !== id) clashing.add(other).add(id);
  }
  return clashing;
}

/** A sentence about what was made visible, or "" for ordinary text. */
export function describeHidden(text: Pick<DisplayText, "hidden" | "mixedScripts">): string {
  const notes: string[] = [];
  if (text.hidden > 0) {
    notes.push(
      text.hidden === 1
        ? "contains 1 hidden character, shown as ⟨U+…⟩"
        : `contains ${text.hidden} hidden characters, shown as ⟨U+…⟩`,
    );
  }
  if (text.mixedScripts.length > 0) {
    notes.push(`mixes ${text.mixedScripts.join(" and ")} letters`);
  }
  return notes.join("; ");
}

/** A device-supplied string for places that take plain text (notes, titles, aria-labels). */
export function shownText(value: string | undefined, limit = SHORT_TEXT_LIMIT): string {
  return toDisplayText(value ?? "", limit).short;
}
