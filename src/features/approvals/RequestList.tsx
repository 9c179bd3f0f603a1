import { Suspense, useEffect, useRef } from "react";
import { lazyNamed } from "../../ui/lazy-named";
import {
  keyOf,
  LIST_LABEL,
  requestCard,
  useFocusActive,
  type FocusHandover,
  type RequestListProps,
} from "./request-rows";

// Up to VIRTUALIZE_ABOVE requests render as a plain list (every row reachable by role, even in
// jsdom where nothing has a size); a longer list renders only the rows near the viewport.

export const VIRTUALIZE_ABOVE = 30;
const SCREENFUL = 10;

const loadVirtual = () => import("./VirtualRequestList");
const VirtualRequestList = lazyNamed(loadVirtual, "VirtualRequestList");

export function RequestList(props: RequestListProps) {
  const handover = useRef<FocusHandover["current"]>(undefined);
  // Fetched once the page is idle, so a list that grows long seldom waits for it.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback?.(() => void loadVirtual());
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, []);
  if (props.views.length <= VIRTUALIZE_ABOVE)
    return <PlainRequestList {...props} handover={handover} />;
  // Until the virtual list's chunk arrives: about a screenful of the first requests.
  const firstRows = { ...props, views: props.views.slice(0, SCREENFUL), handover };
  return (
    <Suspense fallback={<PlainRequestList {...firstRows} />}>
      <VirtualRequestList {...props} handover={handover} />
    </Suspense>
  );
}

function PlainRequestList(props: RequestListProps & { handover: FocusHandover }) {
  const listRef = useRef<HTMLUListElement>(null);
  useFocusActive(listRef, props);
  return (
    <div>
      <ul ref={listRef} className="request-list" aria-label={LIST_LABEL}>
        {props.views.map((view) => (
          <li key={keyOf(view)}>{requestCard(props, view)}</li>
        ))}
      </ul>
    </div>
  );
}
