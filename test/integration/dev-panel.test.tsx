import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStore } from "../../mocks/core/memory-store";
import { DevPanel } from "../../mocks/dev-panel/DevPanel";
import { SCENARIOS } from "../../mocks/simulator/scenarios";
import { createSimulator } from "../../mocks/simulator/simulator";

async function renderPanel() {
  const gateway = await createMockGateway({
    config: { auth: { mode: "token", token: "dev-token" } },
    store: createMemoryStore(),
  });
  const simulator = createSimulator(gateway, { token: "dev-token" });
  render(
    <DevPanel
      gateway={gateway}
      simulator={simulator}
      token="dev-token"
      url="ws://127.0.0.1:18789"
    />,
  );
  return { gateway, user: userEvent.setup() };
}

describe("mock gateway dev panel", () => {
  it("starts collapsed, out of the app's way", async () => {
    await renderPanel();
    expect(screen.getByRole("button", { name: "Mock gateway" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    expect(screen.queryByRole("button", { name: "Reset state" })).not.toBeInTheDocument();
  });

  it("fires a scenario and shows what the rules decided", async () => {
    const { gateway, user } = await renderPanel();
    await user.click(screen.getByRole("button", { name: "Mock gateway" }));
    expect(screen.getByText("dev-token")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: `Run ${SCENARIOS["phone-lan"].title}` }));
    const table = await screen.findByRole("table", { name: /connect decisions/i });
    const requestId = gateway.list().pending[0]?.requestId ?? "missing";
    const row = within(table).getByRole("row", { name: new RegExp(requestId) });
    expect(within(row).getByRole("cell", { name: "openclaw-ios (ui)" })).toBeInTheDocument();
    expect(within(row).getByRole("cell", { name: "direct-remote" })).toBeInTheDocument();
    expect(within(row).getByRole("cell", { name: "not-paired" })).toBeInTheDocument();
    expect(within(row).getByRole("cell", { name: /^pending/ })).toBeInTheDocument();
    expect(
      await screen.findByText(new RegExp(`pending, request ${requestId}`)),
    ).toBeInTheDocument();
  });

  it("fires a burst of fresh devices", async () => {
    const { gateway, user } = await renderPanel();
    await user.click(screen.getByRole("button", { name: "Mock gateway" }));
    const size = screen.getByRole("spinbutton", { name: "Burst size" });
    await user.clear(size);
    await user.type(size, "3");
    await user.click(
      screen.getByRole("button", { name: `Burst 3 × ${SCENARIOS["admin-request"].title}` }),
    );
    expect(await screen.findByText(/3 connects: 3 pending/)).toBeInTheDocument();
    expect(gateway.list().pending).toHaveLength(3);
  });

  it("resets the gateway's state and the table", async () => {
    const { gateway, user } = await renderPanel();
    await user.click(screen.getByRole("button", { name: "Mock gateway" }));
    await user.click(screen.getByRole("button", { name: `Run ${SCENARIOS["phone-lan"].title}` }));
    await screen.findByRole("table", { name: /connect decisions/i });

    await user.click(screen.getByRole("button", { name: "Reset state" }));
    expect(await screen.findByText(/state reset/i)).toBeInTheDocument();
    expect(screen.getByText("No connects yet.")).toBeInTheDocument();
    expect(gateway.list()).toEqual({ pending: [], paired: [] });
  });

  it("names each scenario's id beside its title, says what its calls answered, and Esc closes", async () => {
    const { user } = await renderPanel();
    const toggle = screen.getByRole("button", { name: "Mock gateway" });
    await user.click(toggle);
    const scenarios = screen.getByRole("region", { name: "Scenarios" });
    const seed = SCENARIOS["seed-reproduction"];
    const item = within(scenarios)
      .getAllByRole("listitem")
      .find((li) => within(li).queryByText(seed.title));
    expect(item && within(item).getByText("seed-reproduction")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: `Run ${seed.title}` }));
    expect(await screen.findByText(/cron\.add MISSING_SCOPE/)).toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveFocus();
  });

  it("a reset closes every socket, so the app reconnects and reads the empty lists", async () => {
    const { gateway, user } = await renderPanel();
    const restart = vi.spyOn(gateway, "restart");
    await user.click(screen.getByRole("button", { name: "Mock gateway" }));
    await user.click(screen.getByRole("button", { name: "Reset state" }));
    expect(await screen.findByText(/the app reconnected/i)).toBeInTheDocument();
    expect(restart).toHaveBeenCalledOnce();
  });

  it("restarts the gateway and keeps pending requests, as a real restart does", async () => {
    const { gateway, user } = await renderPanel();
    await user.click(screen.getByRole("button", { name: "Mock gateway" }));
    await user.click(screen.getByRole("button", { name: `Run ${SCENARIOS["phone-lan"].title}` }));
    await screen.findByText(/pending, request/);
    const before = gateway.list().pending.map((request) => request.requestId);

    await user.click(screen.getByRole("button", { name: "Restart gateway" }));
    expect(await screen.findByText(/gateway restarted/i)).toBeInTheDocument();
    expect(gateway.list().pending.map((request) => request.requestId)).toEqual(before);
  });
});
