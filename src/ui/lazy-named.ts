import { lazy, type FunctionComponent } from "react";

/** `lazy` for a module's named export (every component here is a named function). */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, FunctionComponent<P>>>,
  name: K,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
