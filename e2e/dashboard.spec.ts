// The office at a glance, on the demo data: Dresden's review date (eight weeks after the demo was
// seeded) is listed as due; Belgrade and Ankh-Morpork have had no exchange or event for years.
import { expect, signInAs, test } from "./fixtures";

test("the dashboard shows what needs attention, each item linking to where it is dealt with", async ({ page }) => {
  await signInAs(page, "STAFF");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const dormant = page.getByRole("region", { name: "Dormant partnerships" });
  await expect(dormant.getByRole("link", { name: "Belgrade" })).toBeVisible();
  await expect(dormant.getByRole("link", { name: "Ankh-Morpork" })).toBeVisible();
  const reviews = page.getByRole("region", { name: /Reviews due/ });
  await expect(reviews.getByRole("link", { name: "Dresden" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Exchanges per year, all partners" }).getByRole("img")).toBeVisible();
  // Staff decide nothing: their panel is their own proposals, not "Awaiting your decision".
  await expect(page.getByRole("region", { name: "Your proposals awaiting a decision" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Awaiting your decision" })).toHaveCount(0);
  await dormant.getByRole("link", { name: "Belgrade" }).click();
  await expect(page.getByText("Dormant", { exact: true })).toBeVisible();
});

test("a councillor sees the proposals awaiting their decision", async ({ page }) => {
  await signInAs(page, "COUNCILLOR");
  await page.goto("/dashboard");
  const awaiting = page.getByRole("region", { name: "Awaiting your decision" });
  await expect(awaiting.getByRole("link", { name: /Mariupol/ })).toHaveAttribute("href", "/approvals");
  await expect(page.getByRole("region", { name: "Returned to you" })).toHaveCount(0);

  // Every link the dashboard shows a councillor opens for them: none leads to an edit page they may not use.
  const hrefs = await page.getByRole("main").getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of new Set(hrefs)) {
    const response = await page.request.get(href, { maxRedirects: 0 });
    expect.soft(response.status(), href).toBe(200);
  }
});
