import { useState } from "react";
import { AppLayout } from "./AppLayout";
import { AppProviders } from "./AppProviders";
import { createApp, type AppDeps } from "./create-app";

/** The whole app. Tests pass `deps` (fresh query client, stores, connection) per test. */
export function App({ deps }: { deps?: AppDeps }) {
  const [own] = useState(() => deps ?? createApp());
  return (
    <AppProviders deps={own}>
      <AppLayout />
    </AppProviders>
  );
}
