// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { CONTROL_UI_BASE_PATH_ATTRIBUTE } from "../../../src/protocol";
import { appBasePath, servingGatewayUrl } from "../../../src/routing/base-path";
import { hrefFor, matchRoute, type Route } from "../../../src/routing/routes";

// A gateway serves Pairdesk at "/" or under gateway.controlUi.basePath (issue #16): every
// address the app makes carries the mount path, and every address it reads drops it.

const ROUTES: Route[] = [
  { name: "approvals" },
  { name: "request", requestId: "b041 91dd/é" },
  { name: "devices" },
  { name: "device", deviceId: "43430f" },
  { name: "history" },
];

describe.each(["", "/pairdesk", "/ops/pairdesk"])("mounted at %j", (base) => {
  it.each(ROUTES)("round-trips $name", (route) => {
    const href = hrefFor(route, base);
    expect(href.startsWith(`${base}/`)).toBe(true);
    expect(matchRoute(href, base)).toEqual(route);
  });

  it("reads the bare mount path as the approvals screen", () => {
    expect(matchRoute(base || "/", base)).toEqual({ name: "approvals" });
  });
});

describe("outside the mount path", () => {
  it.each(["/history", "/pairdesk-old/history", "/"])("%s is no screen of /pairdesk", (path) => {
    expect(matchRoute(path, "/pairdesk")).toBeNull();
  });
});

describe("the page a gateway served", () => {
  const html = document.documentElement;
  afterEach(() => html.removeAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE));

  it("is nobody's without the gateway's mark: no mount path, no default gateway", () => {
    expect(appBasePath()).toBe("");
    expect(servingGatewayUrl()).toBeUndefined();
  });

  it.each([
    ["", "ws://localhost:3000"],
    ["/pairdesk", "ws://localhost:3000/pairdesk"],
    ["/pairdesk/", "ws://localhost:3000/pairdesk"],
  ])("mounted at %j, its gateway answers on %s", (mount, url) => {
    html.setAttribute(CONTROL_UI_BASE_PATH_ATTRIBUTE, mount);
    expect(appBasePath()).toBe(mount.replace(/\/$/, ""));
    expect(servingGatewayUrl()).toBe(url);
  });
});
