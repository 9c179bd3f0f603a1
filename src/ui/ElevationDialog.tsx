import type { ReactNode } from "react";
import { elevationRoute } from "../gateway/elevation";
import { elevationWords } from "../gateway/elevation-words";
import { useConnectionStatus } from "../stores/connection-store";
import { ConfirmDialog } from "./ConfirmDialog";
import { DeviceText } from "./DeviceText";
import { SENTENCE_LIMIT, shownText } from "./display-text";

type Props = {
  title: string;
  scopes: string[];
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  focusAfter?: (openerConnected: boolean) => HTMLElement | null | undefined;
};

export function ElevationDialog({ title, scopes, children, ...props }: Props) {
  const list = scopes.join(", ");
  const status = useConnectionStatus();
  const held = status.kind === "connected" ? status.scopes : [];
  const version = status.kind === "connected" ? status.serverVersion : undefined;
  const url = "url" in status ? (status.url ?? "") : "";
  // The button and the notes quote the scopes as plain text: markers for hidden characters, cut.
  const how = elevationWords(
    elevationRoute(url, version),
    shownText(list, SENTENCE_LIMIT),
    version,
  );
  return (
    <ConfirmDialog title={title} confirmLabel={how.confirm} tone="primary" {...props}>
      <p>
        The gateway only lets a session do this with scopes it holds. This session holds{" "}
        {held.length > 0 ? held.join(", ") : "no scopes"}; it needs{" "}
        <DeviceText value={list} sentence />.
      </p>
      {children}
      <p>Nothing is done yet: do it again once connected. {how.note}</p>
      <p>{how.keeps}</p>
    </ConfirmDialog>
  );
}
