import { Component, type ReactNode } from "react";
import type { WireText } from "../protocol";
import { DeviceText } from "./DeviceText";
import "./ui.css";

// A part that fails to render says so in its place; a new `resetKey` (address) tries again.

type Props = {
  what: string;
  id?: WireText;
  resetKey?: string;
  columns?: number;
  children: ReactNode;
};

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError = () => ({ failed: true });

  override componentDidUpdate({ resetKey }: Props) {
    if (this.state.failed && resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    const { what, id, columns, children } = this.props;
    if (!this.state.failed) return children;
    const notice = (
      <div role="alert" className="protocol-notice">
        Pairdesk could not show {what}
        {id ? " " : null}
        {id ? <DeviceText className="as-code" value={id} /> : null}.{" "}
        <button type="button" onClick={() => this.setState({ failed: false })}>
          Reload this view
        </button>
      </div>
    );
    if (!columns) return notice;
    return (
      <tr>
        <td colSpan={columns}>{notice}</td>
      </tr>
    );
  }
}
