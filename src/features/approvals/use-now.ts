import { useContext, useEffect, useState } from "react";
import { ClockContext } from "../../app/clock";

// The app's clock (injected by tests through AppDeps.now), read once a second for the page's
// ages and countdowns. One ticking hook per page, not one per row.

const TICK_MS = 1000;

export function useClock(): () => number {
  return useContext(ClockContext);
}

export function useNow(): number {
  const clock = useClock();
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return now;
}
