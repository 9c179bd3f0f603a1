import { createContext, useContext, useEffect, useState } from "react";

// Injected by tests (AppDeps.now); one ticking hook per page rather than one per row.

export const ClockContext = createContext<() => number>(() => Date.now());

export function useNow(tickMs: number): number {
  const clock = useContext(ClockContext);
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(timer);
  }, [clock, tickMs]);
  return now;
}
