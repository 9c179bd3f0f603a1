export function ConnectionStatus() {
  return (
    <p role="status" className="connection-status">
      Disconnected
    </p>
  );
}
