export function ApprovalsPage() {
  return (
    <section aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">Pending requests</h2>
      <p>Nothing is waiting for approval.</p>
    </section>
  );
}
