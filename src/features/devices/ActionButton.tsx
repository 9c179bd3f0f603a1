import { useId, type ReactNode } from "react";
import type { WireText } from "../../protocol";
import { DeviceText } from "../../ui/DeviceText";

type Props = {
  missing: readonly WireText[];
  onClick: () => void;
  children: ReactNode;
  danger?: boolean;
};

export function ActionButton({ missing, onClick, children, danger }: Props) {
  const needsId = useId();
  const blocked = missing.length > 0;
  return (
    <span className="devices-action">
      <button
        type="button"
        className={danger ? "devices-danger" : undefined}
        aria-describedby={blocked ? needsId : undefined}
        onClick={onClick}
      >
        {children}
      </button>
      {blocked ? (
        <span id={needsId} className="devices-needs">
          Needs <DeviceText value={missing.join(", ")} sentence />
        </span>
      ) : null}
    </span>
  );
}
