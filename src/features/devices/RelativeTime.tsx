import { useEffect, useId, useState } from "react";
import { formatAgo } from "../../ui/relative-time";

const EXACT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function RelativeTime({ at, now }: { at: number | undefined; now: number }) {
  const tipId = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    // A tooltip must be dismissable without moving the pointer or focus (WCAG 1.4.13).
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  if (at === undefined) return <span className="devices-muted">never</span>;
  const exact = EXACT.format(at);
  return (
    <span className="devices-time">
      <time
        dateTime={new Date(at).toISOString()}
        // Focusable so a keyboard reaches the exact time the pointer gets on hover.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-describedby={tipId}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      >
        {formatAgo(at, now)}
      </time>
      <span id={tipId} role="tooltip" className="devices-tooltip" hidden={!open}>
        {exact}
      </span>
    </span>
  );
}
