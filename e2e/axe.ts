// The one accessibility check of the end-to-end suites: axe-core with the WCAG 2.2 A and AA
// rules (and the 2.0/2.1 ones they include), reported as "rule: elements" so a failure names them.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** The axe violations on the page as it is now, one line each; [] when there are none. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Only violations are read: axe then skips collecting the details of every passing check.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}
