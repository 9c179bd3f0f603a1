import { useEffect, useState } from "react";
import { useClock } from "../ui/clock";

/** Whole seconds left until `targetMs`, ticking once a second; never below zero. */
export function useSecondsUntil(targetMs: number): number {
  const now = useClock();
  const [seconds, setSeconds] = useState(() => secondsBetween(now(), targetMs));
  useEffect(() => {
    const tick = () => setSeconds(secondsBetween(now(), targetMs));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [now, targetMs]);
  return seconds;
}

function secondsBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.ceil((toMs - fromMs) / 1000));
}
