import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app/App";

describe("app shell", () => {
  it("shows the product name and a connection status region", () => {
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "Pairdesk" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/disconnected/i);
  });
});
