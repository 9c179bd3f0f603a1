import { useContext, useEffect, useState } from "react";
import { ClockContext } from "../../app/clock";

// The app's clock (tests inject one), read every 15 s: "last seen 3 min ago" needs no more.
const TICK_MS = 15_000;

export function useNow(): number {
  const clock = useContext(ClockContext);
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return now;
}
