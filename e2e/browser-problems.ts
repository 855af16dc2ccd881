// Every journey fails on a console error, an uncaught page error, a failed request or an error
// response in any page it opens (its own page and every context it makes), unless the test says
// beforehand that it provokes that one on purpose: `browserProblems.allowResponse(403, "/admin/audit")`.
import fs from "node:fs";
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
} from "@playwright/test";

export type BrowserProblems = {
  /** Lets problems matching any pattern pass in this test (a request it makes fail on purpose). */
  allow(...patterns: RegExp[]): void;
  /** Lets a page at this path answer this status (and the console error that reports it). */
  allowResponse(status: number, path: string): void;
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Set to a file path to record problems there instead of failing (to survey a whole run). */
const REPORT_FILE = process.env.E2E_BROWSER_PROBLEMS_REPORT;

function watch(
  context: BrowserContext,
  problems: string[],
  { javaScriptEnabled = true }: { javaScriptEnabled?: boolean } = {},
): void {
  context.on("console", (message) => {
    if (message.type() === "error")
      problems.push(
        `console error: ${message.text()} (on ${message.page()?.url() ?? "?"})`,
      );
  });
  context.on("weberror", (error) =>
    problems.push(
      `page error: ${error.error().message} (on ${error.page()?.url() ?? "?"})`,
    ),
  );
  context.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // A navigation or prefetch the page itself cancelled (the user moved on) is not a failure.
    if (reason === "net::ERR_ABORTED") return;
    // With JavaScript off, Chromium refuses to fetch scripts and reports it as a CSP block.
    if (
      !javaScriptEnabled &&
      reason === "csp" &&
      request.resourceType() === "script"
    )
      return;
    problems.push(
      `request failed: ${request.method()} ${request.url()} ${reason}`,
    );
  });
  context.on("response", (response) => {
    if (response.status() >= 400)
      problems.push(
        `response ${response.status()} ${response.request().method()} ${response.url()}`,
      );
  });
}

export const test = base.extend<{ browserProblems: BrowserProblems }>({
  browserProblems: [
    async ({ browser, context, javaScriptEnabled }, runTest, testInfo) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      watch(context, problems, { javaScriptEnabled });
      // Contexts the test opens itself (a second user, JavaScript off) are watched too.
      const newContext = browser.newContext.bind(browser);
      const patched: Browser["newContext"] = async (options) => {
        const created = await newContext(options);
        watch(created, problems, {
          javaScriptEnabled: options?.javaScriptEnabled,
        });
        return created;
      };
      browser.newContext = patched;
      try {
        await runTest({
          allow: (...patterns) => allowed.push(...patterns),
          allowResponse: (status, path) =>
            allowed.push(
              new RegExp(
                `(?:^response ${status} [A-Z]+ |status of ${status} .*\\(on )https?://[^/]+${escapeRegExp(path)}\\)?$`,
              ),
            ),
        });
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = [...new Set(problems)].filter(
        (problem) => !allowed.some((pattern) => pattern.test(problem)),
      );
      if (REPORT_FILE) {
        if (unexpected.length > 0)
          fs.appendFileSync(
            REPORT_FILE,
            `${JSON.stringify({ test: testInfo.titlePath.join(" › "), unexpected })}\n`,
          );
        return;
      }
      expect(
        unexpected,
        "console errors, page errors, failed requests and error responses",
      ).toEqual([]);
    },
    { auto: true },
  ],
});
