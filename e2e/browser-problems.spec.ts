// The guard in browser-problems.ts can fail a journey: each of these provokes one problem it
// watches for without announcing it, so each is expected to fail.
import { test } from "./fixtures";

test.describe("a journey fails on a browser problem it did not announce", () => {
  test.fail();

  test("an error response", async ({ page }) => {
    await page.goto("/partners/no-such-partner");
  });

  test("a console error", async ({ page }) => {
    await page.goto("/partners");
    await page.evaluate(() => console.error("something broke"));
  });

  test("a page error", async ({ page }) => {
    await page.goto("/partners");
    await Promise.all([
      page.waitForEvent("pageerror"),
      page.evaluate(() =>
        setTimeout(() => {
          throw new Error("uncaught");
        }),
      ),
    ]);
  });

  test("a failed request, in a context the test opened itself", async ({
    browser,
  }) => {
    const page = await (await browser.newContext()).newPage();
    await page.route("**/unreachable", (route) =>
      route.abort("connectionrefused"),
    );
    await page.goto("/partners");
    await Promise.all([
      page.waitForEvent("requestfailed"),
      page.evaluate(() => fetch("/unreachable").catch(() => undefined)),
    ]);
  });
});
