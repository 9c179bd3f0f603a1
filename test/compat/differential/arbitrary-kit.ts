import fc from "fast-check";

// Small helpers the generators share.

export const weighted = <T>(entries: readonly (readonly [T, number])[]) =>
  fc.oneof(...entries.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

export const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Present in about `percent` % of values, absent (undefined) otherwise; shrinks to absent. */
export const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 100 - percent },
    { arbitrary, weight: percent },
  );
