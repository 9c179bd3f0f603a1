import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { pairListQueryKey } from "../../../src/api/pair-list-query";
import { afterFirstScreen } from "../../../src/app/first-screen";

// Deferred work (the history log's code) waits for the pair list's first answer, which every
// connected screen shows, and then for an idle moment.

const LIST = { pending: [], paired: [] };
const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("after the first screen", () => {
  it("waits for the pair list's answer, then runs once", async () => {
    const queryClient = new QueryClient();
    const task = vi.fn();
    afterFirstScreen(queryClient, task);
    // Another query, or the list still loading, is not the first screen.
    queryClient.setQueryData(["something", "else"], 1);
    void queryClient.prefetchQuery({
      queryKey: pairListQueryKey,
      queryFn: () => new Promise(() => {}),
    });
    await idle();
    expect(task).not.toHaveBeenCalled();

    queryClient.setQueryData(pairListQueryKey, LIST);
    expect(task).not.toHaveBeenCalled();
    await idle();
    queryClient.setQueryData(pairListQueryKey, { ...LIST });
    await idle();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("counts a failed list as shown (the screen says so)", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const task = vi.fn();
    afterFirstScreen(queryClient, task);
    await queryClient
      .fetchQuery({ queryKey: pairListQueryKey, queryFn: () => Promise.reject(new Error("no")) })
      .catch(() => undefined);
    await idle();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("runs at once when the list was already answered, and never once cancelled", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(pairListQueryKey, LIST);
    const task = vi.fn();
    afterFirstScreen(queryClient, task);
    const cancelled = vi.fn();
    afterFirstScreen(queryClient, cancelled)();
    await idle();
    expect(task).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
