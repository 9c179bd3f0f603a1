import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { RequestList, VIRTUALIZE_ABOVE } from "../../src/features/approvals/RequestList";
import { toRequestView } from "../../src/features/approvals/request-view";
import type { PendingRequest } from "../../src/protocol";

// A storm of requests: thousands of rows must not all be in the DOM, yet the first ones stay
// reachable by role even in jsdom, which has no layout.

const NOW = 1_700_000_000_000;

function views(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const request: PendingRequest = {
      requestId: `request-${i}`,
      deviceId: i.toString(16).padStart(64, "0"),
      publicKey: `key-${i}`,
      displayName: `Device ${i}`,
      clientId: "cli",
      clientMode: "cli",
      role: "operator",
      roles: ["operator"],
      scopes: ["operator.read"],
      remoteIp: "192.168.1.20",
      silent: false,
      isRepair: false,
      ts: NOW - i,
    };
    return toRequestView(request, undefined);
  });
}

function renderList(count: number) {
  const callbacks = {
    onToggle: vi.fn(),
    onApprove: vi.fn(),
    onReject: vi.fn(),
    onOpenDetails: vi.fn(),
    onActivate: vi.fn(),
  };
  render(
    <RequestList
      views={views(count)}
      selected={new Set()}
      activeId={undefined}
      now={NOW}
      hrefFor={(id) => `/requests/${id}`}
      focusNonce={0}
      {...callbacks}
    />,
  );
}

describe("approvals: long lists", () => {
  it("renders every row of a list up to the threshold", () => {
    renderList(VIRTUALIZE_ABOVE);
    const list = screen.getByRole("list", { name: "Pending requests" });
    const last = `Device ${VIRTUALIZE_ABOVE - 1}`;
    expect(within(list).getByText(last)).toBeInTheDocument();
    expect(within(list).getAllByRole("article")).toHaveLength(VIRTUALIZE_ABOVE);
    // jsdom builds a hundred full cards slowly on a busy machine.
  });

  it("renders only a window of a list of thousands, starting at the top", () => {
    renderList(5000);
    const list = screen.getByRole("list", { name: "Pending requests" });
    const cards = within(list).getAllByRole("article");
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.length).toBeLessThan(50);
    expect(within(list).getByRole("article", { name: "Device 0" })).toBeInTheDocument();
    expect(within(list).getAllByRole("listitem")[0]).toHaveAttribute("aria-setsize", "5000");
  });
});
