export function EmptyState() {
  return (
    <div className="empty-state">
      <p>
        <strong>Nothing is waiting for approval.</strong>
      </p>
      <p className="muted">
        When a device asks to pair or asks for more scopes, it appears here live.
      </p>
    </div>
  );
}
