import axe from "axe-core";
import type { Page } from "playwright-core";

// axe-core in the real page. The app's CSP allows only same-origin scripts, so a <script>
// tag with axe's source would be blocked (and loosening the CSP would test a different app);
// page.evaluate goes through the DevTools protocol, which the page's CSP does not govern.

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

const BLOCKING = new Set(["serious", "critical"]);

async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => "axe" in window);
  if (!present) await page.evaluate(axe.source);
}

/** Serious and critical violations on the page as it is now (dialogs included). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return violations.filter((violation) => BLOCKING.has(violation.impact));
}
