import { AppLayout } from "./AppLayout";
import { AppProviders } from "./AppProviders";
import type { AppDeps } from "./create-app";

/** The whole app, on `deps` that `startApp` has started (main.tsx; the test harness per test). */
export function App({ deps }: { deps: AppDeps }) {
  return (
    <AppProviders deps={deps}>
      <AppLayout />
    </AppProviders>
  );
}
