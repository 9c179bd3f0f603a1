import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DevPanel, type DevPanelProps } from "./DevPanel";

// The panel gets its own React root outside the app's, so the app under development never
// renders, styles or tests it. Returns an unmount.

export function mountDevPanel(props: DevPanelProps): () => void {
  const host = document.createElement("div");
  host.dataset.mockPanel = "";
  document.body.append(host);
  const root = createRoot(host);
  root.render(
    <StrictMode>
      <DevPanel {...props} />
    </StrictMode>,
  );
  return () => {
    root.unmount();
    host.remove();
  };
}
