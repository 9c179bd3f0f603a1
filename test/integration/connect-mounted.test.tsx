import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CONTROL_UI_BASE_PATH_ATTRIBUTE, DEFAULT_GATEWAY_URL } from "../../src/protocol";
import { openApp } from "../support/app-harness";

// Which gateway the connect form offers (issue #16): the one that served the page, else the
// last one used, else the default.

const CONNECTION_KEY = "pairdesk.connection.v1";
const html = document.documentElement;

function saveConnection(url: string, secret: string) {
  const record = { url, secret, secretKind: "token", remember: false, autoConnect: false };
  sessionStorage.setItem(CONNECTION_KEY, JSON.stringify(record));
}

afterEach(() => html.removeAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE));

describe("the Gateway URL the form starts with", () => {
  it("is the default on a page no gateway served", () => {
    openApp();
    expect(screen.getByRole("textbox", { name: "Gateway URL" })).toHaveValue(DEFAULT_GATEWAY_URL);
  });

  it("is the last one used, with its token, on a page no gateway served", () => {
    saveConnection("wss://gw.example:8443", "saved-token-1234");
    openApp();
    expect(screen.getByRole("textbox", { name: "Gateway URL" })).toHaveValue(
      "wss://gw.example:8443",
    );
    expect(screen.getByLabelText("Token")).toHaveValue("saved-token-1234");
  });

  it("is the serving gateway on its mount path, without another gateway's token", () => {
    html.setAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE, "/pairdesk");
    window.history.replaceState(null, "", "/pairdesk/");
    saveConnection("wss://gw.example:8443", "saved-token-1234");
    openApp();
    expect(screen.getByRole("textbox", { name: "Gateway URL" })).toHaveValue(
      `ws://${location.host}/pairdesk`,
    );
    expect(screen.getByLabelText("Token")).toHaveValue("");
    expect(screen.queryByRole("button", { name: "Forget this gateway" })).not.toBeInTheDocument();
  });

  it("keeps the token saved for the serving gateway itself", () => {
    html.setAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE, "");
    saveConnection(`ws://${location.host}`, "saved-token-1234");
    openApp();
    expect(screen.getByLabelText("Token")).toHaveValue("saved-token-1234");
  });
});
