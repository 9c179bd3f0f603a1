import { describe, expect, it } from "vitest";
import {
  describeHidden,
  findNameClashes,
  lookalikeKey,
  mixedScripts,
  shownText,
  toDisplayText,
} from "../../../src/ui/display-text";

describe("toDisplayText: hidden characters become visible markers", () => {
  it.each([
    ["right-to-left override", "evil\u202Eenohpi", "evil⟨U+202E⟩enohpi"],
    ["left-to-right / pop isolates", "a\u2066b\u2069c", "a⟨U+2066⟩b⟨U+2069⟩c"],
    ["zero-width space and joiner", "Ada\u200B\u200D's", "Ada⟨U+200B⟩⟨U+200D⟩'s"],
    ["byte order mark", "\uFEFFphone", "⟨U+FEFF⟩phone"],
    ["newline and tab", "line1\nline2\tend", "line1⟨U+000A⟩line2⟨U+0009⟩end"],
    ["NUL and DEL", "a\u0000b\u007F", "a⟨U+0000⟩b⟨U+007F⟩"],
    ["C1 control", "a\u0085b", "a⟨U+0085⟩b"],
    ["soft hyphen", "ad\u00ADmin", "ad⟨U+00AD⟩min"],
    ["no-break and ideographic space", "Ada\u00A0iPhone\u3000", "Ada⟨U+00A0⟩iPhone⟨U+3000⟩"],
    ["Hangul filler that renders as nothing", "\u3164", "⟨U+3164⟩"],
    ["line separator", "a\u2028b", "a⟨U+2028⟩b"],
    ["tag characters", "x\u{E0041}", "x⟨U+E0041⟩"],
    ["a lone surrogate", "a\uD800b", "a⟨U+D800⟩b"],
  ])("%s", (_name, value, shown) => {
    const text = toDisplayText(value);
    expect(text.full).toBe(shown);
    expect(text.hidden).toBeGreaterThan(0);
    expect(describeHidden(text)).toMatch(/hidden character/);
  });

  it("leaves ordinary names, emoji sequences and other alphabets alone", () => {
    for (const name of ["Ada's iPhone", "Büro-PC", "👩‍💻 laptop", "東京のMac", "מחשב של דנה"]) {
      const text = toDisplayText(name);
      expect(text.full).toBe(name);
      expect(text.hidden).toBe(0);
      expect(text.truncated).toBe(false);
    }
  });

  it("keeps HTML as literal text parts (React renders them as text)", () => {
    const text = toDisplayText('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(text.parts).toEqual([
      { kind: "text", text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' },
    ]);
  });

  it("cuts a 10,000-character value with an ellipsis, keeping the whole value in full", () => {
    const value = "A".repeat(10_000);
    const text = toDisplayText(value, 64);
    expect(text.truncated).toBe(true);
    expect(text.short).toBe(`${"A".repeat(64)}…`);
    expect(text.full).toBe(value);
  });

  it("never cuts a marker or a surrogate pair in half", () => {
    const text = toDisplayText(`${"😀".repeat(3)}\u202E${"b".repeat(10)}`, 5);
    expect(text.short).toBe("😀😀😀…");
    expect(toDisplayText(`abc\u202Edef`, 11).short).toBe("abc⟨U+202E⟩…");
    const cut = toDisplayText(`abc\u202Edef`, 10);
    expect(cut.short).toBe("abc…");
    // The marker itself was cut away, but the note still tells there was one.
    expect(cut.hidden).toBe(1);
  });

  it("caps stacks of combining marks (zalgo text) and counts the rest as hidden", () => {
    const text = toDisplayText(`a${"\u0301".repeat(50)}b`);
    expect(text.full.startsWith("a\u0301\u0301\u0301⟨U+0301⟩")).toBe(true);
    expect(text.hidden).toBe(47);
    expect(toDisplayText("é").hidden).toBe(0);
  });
});

describe("look-alike names", () => {
  it("flags Latin mixed with Cyrillic or Greek, not one alphabet alone", () => {
    expect(mixedScripts("\u0410da's iPhone")).toEqual(["Latin", "Cyrillic"]);
    expect(mixedScripts("Ada's iPh\u03BFne")).toEqual(["Latin", "Greek"]);
    expect(mixedScripts("Ada's iPhone")).toEqual([]);
    expect(mixedScripts("Телефон")).toEqual([]);
    expect(describeHidden(toDisplayText("\u0410da"))).toBe("mixes Latin and Cyrillic letters");
  });

  it.each([
    ["Ada's iPhone", "\u0410da's iPhone"],
    ["Ada's iPhone", "ada's  iphone"],
    ["Ada's iPhone", "Ada\u200B's iPhone"],
    ["Ada's iPhone", "Ada’s iPhone"],
    ["build-01", "buiId-Ol"],
    ["modem", "rnodem"],
    ["Ｆｕｌｌ width", "Full width"],
  ])("%j and %j collide", (a, b) => {
    expect(lookalikeKey(a)).toBe(lookalikeKey(b));
  });

  it("keeps different names apart", () => {
    expect(lookalikeKey("Ada's iPhone")).not.toBe(lookalikeKey("Bob's iPhone"));
  });

  it("finds every device whose name another device could be mistaken for", () => {
    const clashes = findNameClashes([
      { id: "d1", name: "Ada's iPhone" },
      { id: "d2", name: "\u0410da's iPhone" },
      { id: "d3", name: "Bob's Mac" },
      { id: "d1", name: "Ada's iPhone" },
      { id: "d4", name: "" },
      { id: "d5", name: "" },
    ]);
    expect([...clashes].sort()).toEqual(["d1", "d2"]);
  });
});

describe("lookalikeKey: plain ASCII names", () => {
  // ASCII names take a shorter path; appending "é" sends the same name down the full one
  // (it folds to a plain "e"), so both paths must give the same key.
  const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  it.each([
    printable.join(""),
    "Ada's iPhone",
    "  build-01 | l0g `x` ",
    "rnodem vvifi RN VV",
    "r n",
    "rrnn rnrn vvv vvvv",
    "",
    "x".repeat(300),
    "modem",
    "abc.def_42-wv",
    "ar",
    "rv",
  ])("keys %j as the full path does", (name) => {
    expect(`${lookalikeKey(name)}e`).toBe(lookalikeKey(`${name}é`));
  });
});

describe("toDisplayText: plain values", () => {
  // Plain ASCII (and a few dashes, dots and quotes) takes a shorter path. A hidden character appended sends the same text down
  // the full one: everything before it must come out the same.
  const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  it.each([
    [printable.join(""), Number.POSITIVE_INFINITY],
    [printable.join(""), 64],
    ["Ada's iPhone", 12],
    ["Ada's iPhone", 11],
    ["Ada's iPhone", 0],
    ["  spaced  out  ", 5],
    ["remote — connected from 10.0.0.7 · ‘quoted’ “twice” • and so on…", 20],
    ["ios · iPhone", Number.POSITIVE_INFINITY],
  ])("shows %j cut at %d as the full path does", (value, limit) => {
    const plain = toDisplayText(value, limit);
    const full = toDisplayText(`${value}\u200B`, limit);
    expect(plain.parts).toEqual(
      value.length > limit ? full.parts : [{ kind: "text", text: value }],
    );
    expect(plain.short).toBe(value.length > limit ? full.short : value);
    expect(plain.full).toBe(value);
    expect(plain.truncated).toBe(value.length > limit);
    expect(plain.hidden).toBe(0);
    expect(plain.mixedScripts).toEqual([]);
  });

  it("shows nothing for an empty value", () => {
    expect(toDisplayText("")).toEqual({
      parts: [],
      full: "",
      short: "",
      hidden: 0,
      truncated: false,
      mixedScripts: [],
    });
  });
});

describe("shownText: device text for plain-text places (titles, labels)", () => {
  it("makes hidden characters visible and cuts long values", () => {
    expect(shownText("evil\u202Eenohpi\u200B")).toBe("evil⟨U+202E⟩enohpi⟨U+200B⟩");
    expect(shownText("Ada's iPhone")).toBe("Ada's iPhone");
    expect(shownText(undefined)).toBe("");
    const long = shownText("W".repeat(500));
    expect(long.length).toBeLessThan(100);
    expect(long.endsWith("…")).toBe(true);
    expect(shownText("W".repeat(500), Number.POSITIVE_INFINITY)).toBe("W".repeat(500));
  });
});
