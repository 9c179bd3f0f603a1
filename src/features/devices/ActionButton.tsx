import { useId, type ReactNode } from "react";

// A device action. One the admin's scopes do not allow stays visible, disabled, and says
// which scope it needs (the gateway would refuse it anyway).

type Props = {
  missing: readonly string[];
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
        disabled={blocked}
        aria-describedby={blocked ? needsId : undefined}
        onClick={onClick}
      >
        {children}
      </button>
      {blocked ? (
        <span id={needsId} className="devices-needs">
          Needs {missing.join(", ")}
        </span>
      ) : null}
    </span>
  );
}
