import { render, screen } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { preloadable } from "../../src/app/preloadable";

// Dialogs whose code loads after the first screen: on screen at once when their code is
// already here, and never remounted (focus moved twice) when it arrived while they opened.

let mounts = 0;

function Panel({ label }: { label: string }) {
  useEffect(() => {
    mounts += 1;
  }, []);
  return <button type="button">{label}</button>;
}

function controlledChunk() {
  let arrive: () => void = () => undefined;
  const chunk = new Promise<typeof Panel>((resolve) => (arrive = () => resolve(Panel)));
  return { load: () => chunk, arrive };
}

describe("components whose code loads later", () => {
  it("shows nothing in their place until the code arrives, and keeps the rest on screen", async () => {
    const chunk = controlledChunk();
    const LazyPanel = preloadable(chunk.load);
    mounts = 0;
    const { rerender } = render(
      <main>
        <h1>Requests</h1>
        <LazyPanel label="Approve" />
      </main>,
    );
    expect(screen.getByRole("heading", { name: "Requests" })).toBeVisible();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();

    chunk.arrive();
    expect(await screen.findByRole("button", { name: "Approve" })).toBeVisible();
    rerender(
      <main>
        <h1>Requests</h1>
        <LazyPanel label="Approve all" />
      </main>,
    );
    expect(screen.getByRole("button", { name: "Approve all" })).toBeVisible();
    expect(mounts).toBe(1);
  });

  it("renders in the same commit once preloaded", async () => {
    const chunk = controlledChunk();
    const LazyPanel = preloadable(chunk.load);
    const preloaded = LazyPanel.preload();
    chunk.arrive();
    await preloaded;
    render(<LazyPanel label="Reject" />);
    expect(screen.getByRole("button", { name: "Reject" })).toBeVisible();
  });

  it("tries a failed fetch again", async () => {
    let attempts = 0;
    const LazyPanel = preloadable(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("offline");
      return Panel;
    });
    await expect(LazyPanel.preload()).rejects.toThrow("offline");
    await LazyPanel.preload();
    render(<LazyPanel label="Close" />);
    expect(screen.getByRole("button", { name: "Close" })).toBeVisible();
    expect(attempts).toBe(2);
  });
});
