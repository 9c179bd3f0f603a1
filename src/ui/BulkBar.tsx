import { useEffect, useRef } from "react";

// Acts on what is selected AND shown: a request hidden by a filter is never swept in.

type Props = {
  shownCount: number;
  selectedShown: number;
  selectedHidden: number;
  onSelectAllShown: (all: boolean) => void;
  onApprove: () => void;
  onReject: () => void;
  onClear: () => void;
};

export function BulkBar(props: Props) {
  const { shownCount, selectedShown, selectedHidden } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const all = shownCount > 0 && selectedShown === shownCount;
  const some = selectedShown > 0 && !all;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);
  return (
    <div className="bulk-bar" role="group" aria-label="Selected requests">
      <label className="bulk-all">
        <input
          ref={allRef}
          type="checkbox"
          checked={all}
          disabled={shownCount === 0}
          onChange={() => props.onSelectAllShown(!all)}
        />
        Select all shown
      </label>
      <span className="bulk-count">
        {selectedShown} selected
        {selectedHidden > 0 && ` (${selectedHidden} more hidden by filters, not included)`}
      </span>
      <div className="bulk-actions">
        <button type="button" disabled={selectedShown === 0} onClick={props.onClear}>
          Clear selection
        </button>
        <button type="button" disabled={selectedShown === 0} onClick={props.onReject}>
          Reject selected
        </button>
        <button
          type="button"
          className="primary"
          disabled={selectedShown === 0}
          onClick={props.onApprove}
        >
          Approve selected
        </button>
      </div>
    </div>
  );
}
