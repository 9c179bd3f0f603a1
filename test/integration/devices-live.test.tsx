import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  askFromLan,
  findDevice,
  loopbackDevice,
  otherAdmin,
  pairSilently,
  connectDevicesScreen,
} from "../support/app-harness";

const activity = () => screen.getByRole("status", { name: "Device activity" });

describe("devices: changes made elsewhere while a dialog is open", () => {
  it("keeps the list current, and closes the dialog of a device removed elsewhere", async () => {
    let cronId = "";
    let requests: { requestId: string }[] = [];
    const app = await connectDevicesScreen({
      before: async (harness) => {
        cronId = (await pairSilently(harness, loopbackDevice("cron"))).deviceId;
        requests = [
          await askFromLan(harness, "phone-1", "First phone"),
          await askFromLan(harness, "phone-2", "Second phone"),
        ];
      },
    });
    const admin = await otherAdmin(app.harness);
    await app.user.click(within(await findDevice("cron")).getByRole("button", { name: "Rename" }));
    const dialog = screen.getByRole("dialog", { name: "Rename “cron”" });

    await admin.approve(requests[0]?.requestId ?? "");
    expect(await findDevice("First phone")).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();

    // Removal sends no event; the next approval makes the list re-read, without cron.
    await admin.remove(cronId);
    await admin.approve(requests[1]?.requestId ?? "");
    expect(await findDevice("Second phone")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(
      within(activity()).getByText("This device was removed elsewhere: “cron”."),
    ).toBeVisible();
    expect(screen.queryByRole("article", { name: "cron" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Devices" })).toHaveFocus();
    admin.close();
  });

  it("explains an action on a device the gateway no longer knows, and drops it", async () => {
    let cronId = "";
    let admin: Awaited<ReturnType<typeof otherAdmin>> | undefined;
    const app = await connectDevicesScreen({
      before: async (harness) => {
        cronId = (await pairSilently(harness, loopbackDevice("cron"))).deviceId;
        // Connected first: its own (silent) pairing must not make the list re-read later.
        admin = await otherAdmin(harness);
      },
    });
    const card = await findDevice("cron");
    if (!admin) throw new Error("no other admin");
    await admin.remove(cronId);
    admin.close();

    await app.user.click(within(card).getByRole("button", { name: "Rename" }));
    await app.user.type(screen.getByRole("textbox", { name: "New name" }), " 2");
    await app.user.click(screen.getByRole("button", { name: "Save name" }));

    expect(
      await within(activity()).findByText("This device was removed elsewhere: “cron”."),
    ).toBeVisible();
    expect(screen.queryByRole("article", { name: /cron/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
