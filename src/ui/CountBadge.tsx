/** A nav item's count of what waits for a person; nothing when none wait. */
export function CountBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge">
      {count}
      <span className="visually-hidden"> pending</span>
    </span>
  );
}
