import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { RequestList, VIRTUALIZE_ABOVE } from "../../src/features/approvals/RequestList";
import { toRequestView } from "../../src/features/approvals/request-view";
import type { PendingRequest } from "../../src/protocol";

// A storm of requests: thousands of rows must not all be in the DOM, yet the first ones stay
// reachable by role even in jsdom, which has no layout.

const NOW = 1_700_000_000_000;
// The first import of the virtual list's chunk compiles it: slow on a busy machine.
const LAZY_CHUNK = { timeout: 15_000 };

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

function listProps(count: number) {
  return {
    views: views(count),
    selected: new Set<string>(),
    activeId: undefined,
    now: NOW,
    hrefFor: (id: string) => `/requests/${id}`,
    focusNonce: 0,
    onToggle: vi.fn(),
    onApprove: vi.fn(),
    onReject: vi.fn(),
    onOpenDetails: vi.fn(),
    onActivate: vi.fn(),
  };
}

const firstItem = () =>
  within(screen.getByRole("list", { name: "Pending requests" })).getAllByRole("listitem")[0];

function renderList(count: number) {
  return render(<RequestList {...listProps(count)} />);
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

  it("renders only a window of a list of thousands, starting at the top", async () => {
    renderList(5000);
    // The virtual list is a chunk of its own: until it arrives, the first rows show.
    await waitFor(() => expect(firstItem()).toHaveAttribute("aria-setsize", "5000"), LAZY_CHUNK);
    const list = screen.getByRole("list", { name: "Pending requests" });
    const cards = within(list).getAllByRole("article");
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.length).toBeLessThan(50);
    expect(within(list).getByRole("article", { name: "Device 0" })).toBeInTheDocument();
  });

  it("keeps focus on the request it was on when the list grows past the threshold and back", async () => {
    const user = userEvent.setup();
    const props = listProps(VIRTUALIZE_ABOVE);
    const { rerender } = render(<RequestList {...props} activeId={"request-2"} />);
    await user.click(screen.getByRole("article", { name: "Device 2" }));
    expect(screen.getByRole("article", { name: "Device 2" })).toHaveFocus();

    const longer = listProps(VIRTUALIZE_ABOVE + 1);
    rerender(<RequestList {...longer} activeId={"request-2"} />);
    await waitFor(() => expect(firstItem()).toHaveAttribute("aria-setsize", "31"), LAZY_CHUNK);
    expect(screen.getByRole("article", { name: "Device 2" })).toHaveFocus();

    rerender(<RequestList {...props} activeId={"request-2"} />);
    expect(firstItem()).not.toHaveAttribute("aria-setsize");
    expect(screen.getByRole("article", { name: "Device 2" })).toHaveFocus();
  });

  it("leaves focus where it is when the list grows while the person is elsewhere", async () => {
    const user = userEvent.setup();
    const props = listProps(VIRTUALIZE_ABOVE);
    const { rerender } = render(
      <>
        <input aria-label="Search" />
        <RequestList {...props} activeId={"request-2"} focusNonce={3} />
      </>,
    );
    await user.click(screen.getByRole("textbox", { name: "Search" }));
    rerender(
      <>
        <input aria-label="Search" />
        <RequestList {...listProps(VIRTUALIZE_ABOVE + 1)} activeId={"request-2"} focusNonce={3} />
      </>,
    );
    await waitFor(() => expect(firstItem()).toHaveAttribute("aria-setsize", "31"), LAZY_CHUNK);
    expect(screen.getByRole("textbox", { name: "Search" })).toHaveFocus();
  });
});
