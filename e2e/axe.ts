// The one accessibility check of the end-to-end suites: axe-core with the WCAG 2.2 A and AA
// rules (and the 2.0/2.1 ones they include), reported as "rule: elements" so a failure names them.
import fs from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

// Only violations are read: axe then skips collecting the details of every passing check.
const OPTIONS: RunOptions = { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] };

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The axe violations on the page as it is now, one line each; [] when there are none. */
export async function axeViolations(page: Page): Promise<string[]> {
  // After a client-side navigation React sets the new page's <title> a moment after its content
  // shows: a check run in between reported "document-title" (once in a CI rehearsal). A page that
  // never gets a title still fails, two seconds later.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 2_000 }).catch(() => undefined);
  const { violations } = page.frames().length === 1 ? await runInPage(page) : await new AxeBuilder({ page }).options(OPTIONS).analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/**
 * A page with no frames inside (every page of ours) is checked where it is, with one copy of axe:
 * AxeBuilder injects axe twice and finishes every run in a blank page it opens. On one worker the
 * accessibility journey took 1.9 min with AxeBuilder and 1.2–1.3 min this way.
 */
async function runInPage(page: Page): Promise<Pick<AxeResults, "violations">> {
  type WithAxe = { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
  if (!(await page.evaluate(() => Boolean((window as WithAxe).axe)))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const { violations } = await (window as WithAxe).axe!.run(document, options);
    // Only what the message needs crosses back: the id and each element's selector.
    return { violations: violations.map(({ id, nodes }) => ({ id, nodes: nodes.map(({ target }) => ({ target })) })) } as Pick<AxeResults, "violations">;
  }, OPTIONS);
}
