import { ConnectionStatus } from "./ConnectionStatus";
import { ApprovalsPage } from "../features/approvals/ApprovalsPage";

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Pairdesk</h1>
        <ConnectionStatus />
      </header>
      <main className="app-main">
        <ApprovalsPage />
      </main>
    </div>
  );
}
