import { useEffect, useState } from "react";

// Only a key move bumps `focusNonce` (the list then focuses the row). `idOf`: a module constant.

export function useActiveRow<T>(rows: readonly T[], idOf: (row: T) => string) {
  const [activeId, setActiveId] = useState<string>();
  const [focusNonce, setFocusNonce] = useState(0);
  const current = activeId ? rows.find((row) => idOf(row) === activeId) : rows[0];
  useEffect(() => {
    // The active row left (decided, expired, filtered out): fall back to the first shown.
    if (activeId && !rows.some((row) => idOf(row) === activeId)) setActiveId(undefined);
  }, [activeId, rows, idOf]);
  const focusOn = (id: string) => {
    setActiveId(id);
    setFocusNonce((n) => n + 1);
  };
  const move = (step: 1 | -1) => {
    // Before any move the first j lands on the first row, not the second.
    const index = activeId && current ? rows.indexOf(current) : step > 0 ? -1 : 1;
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
    if (next) focusOn(idOf(next));
  };
  return { current, focusNonce, setActiveId, focusOn, move };
}
