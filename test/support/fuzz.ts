// Seeded fuzzing for frames: random JSON, mutations of real frames, and text that is not
// JSON at all. Seeded, so a failure names the seed that reproduces it.

export type Random = {
  next(): number;
  int(below: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
};

/** mulberry32: small, fast and good enough to shake out parsers. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
  };
}

const NASTY_STRINGS = [
  "",
  " ",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\u202Eevil",
  "\u200B\u200D\uFEFF",
  "\u0000\u0001\u001F\u007F",
  "\uD800",
  "operator.admin",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "{}",
  "null",
  "😀".repeat(50),
  "../../etc/passwd",
];

/** An own property even for "__proto__" (plain assignment would swap the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const NASTY_NUMBERS = [-1, 0, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 42];

export function randomText(random: Random, maxLength = 40): string {
  const length = random.int(maxLength + 1);
  let text = "";
  for (let i = 0; i < length; i += 1) {
    const roll = random.next();
    if (roll < 0.6) text += String.fromCharCode(32 + random.int(95));
    else if (roll < 0.8) text += String.fromCharCode(random.int(0x10000));
    else if (roll < 0.9) text += String.fromCharCode(random.int(32));
    else text += random.pick(["{", "}", "[", "]", '"', "\\", ":", ","]);
  }
  return text;
}

function hugeString(random: Random): string {
  return random.pick(["A", "<", "\u202E", "é"]).repeat(50_000 + random.int(50_000));
}

/** Any JSON value, nested up to `depth`. */
export function garbageValue(random: Random, depth = 3): unknown {
  const roll = random.int(depth > 0 ? 9 : 6);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NASTY_NUMBERS);
    case 3:
      return random.pick(NASTY_STRINGS);
    case 4:
      return randomText(random);
    case 5:
      return random.chance(0.02) ? hugeString(random) : random.int(1000);
    case 6:
      return Array.from({ length: random.int(4) }, () => garbageValue(random, depth - 1));
    case 7: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(4); i > 0; i -= 1) {
        setOwn(
          object,
          random.pick([...NASTY_STRINGS, randomText(random, 8)]),
          garbageValue(random, depth - 1),
        );
      }
      return object;
    }
    default: {
      // Deep nesting: a stack-hungry parser or renderer falls over here.
      let nested: unknown = garbageValue(random, 0);
      for (let i = 50 + random.int(200); i > 0; i -= 1)
        nested = random.chance(0.5) ? [nested] : { x: nested };
      return nested;
    }
  }
}

/** Mutates one randomly chosen place in a JSON value (a copy; the input is left alone). */
export function mutateValue(random: Random, value: unknown): unknown {
  if (typeof value !== "object" || value === null || random.chance(0.15)) {
    return garbageValue(random);
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return garbageValue(random);
  const key = random.pick(keys);
  const target = copy as Record<string, unknown>;
  const roll = random.int(6);
  if (roll === 0) delete target[key];
  else if (roll === 1) setOwn(target, key, garbageValue(random));
  else if (roll === 2)
    setOwn(
      target,
      random.pick(["__proto__", "extra", randomText(random, 6)]),
      garbageValue(random),
    );
  else setOwn(target, key, mutateValue(random, target[key]));
  return copy;
}

/** One frame's text: mostly mutated real frames, some random JSON, some not JSON at all. */
export function fuzzFrame(random: Random, bases: readonly unknown[]): string {
  const roll = random.next();
  if (roll < 0.6) {
    let frame = random.pick(bases);
    for (let i = 1 + random.int(3); i > 0; i -= 1) frame = mutateValue(random, frame);
    return JSON.stringify(frame) ?? "undefined";
  }
  if (roll < 0.75) return JSON.stringify(garbageValue(random)) ?? "null";
  if (roll < 0.85) {
    const text = JSON.stringify(random.pick(bases)) ?? "";
    return text.slice(0, random.int(text.length)); // cut short
  }
  if (roll < 0.9) return randomText(random, 200);
  if (roll < 0.95) {
    // Keys that JSON.parse makes own properties and a careless merge turns into prototypes.
    return `{"type":"event","event":"device.pair.requested","payload":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`;
  }
  // Binary-ish: every code unit, lone surrogates included.
  return Array.from({ length: random.int(64) }, () =>
    String.fromCharCode(random.int(0x10000)),
  ).join("");
}

export function fuzzFrames(random: Random, bases: readonly unknown[], count: number): string[] {
  return Array.from({ length: count }, () => fuzzFrame(random, bases));
}
