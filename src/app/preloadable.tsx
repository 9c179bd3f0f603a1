import { lazy, Suspense, useState, type ComponentType } from "react";

// A component whose code is a separate chunk, fetched on its first render or earlier through
// `preload()`. Once fetched it renders at once, like any other component: no frame without
// it. Before that it renders nothing until the chunk arrives (its own Suspense boundary, so
// nothing around it is hidden meanwhile). A mount that began while the chunk was loading keeps
// the lazy wrapper for its whole life: it is never remounted (a dialog would move focus twice).

export type Preloadable<P> = ComponentType<P> & {
  /** Fetches the chunk (once); a failed fetch is tried again by the next call. */
  preload(): Promise<ComponentType<P>>;
};

export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));

  function Preloaded(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    if (Component !== Lazy) return <Component {...props} />;
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
  }
  return Object.assign(Preloaded, { preload });
}
