// Administration in the browser: the last active admin cannot be demoted or deactivated; a
// renamed council shows at once on the public pages an anonymous visitor gets from the cache.
import { DEMO_ACCOUNTS, expect, signInAs, test } from "./fixtures";

test("an admin cannot remove the last admin", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Alex Morgan" }).click();
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
  await page.getByLabel("Role", { exact: true }).selectOption("STAFF");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("This is the last active admin");
  await page.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByTestId("error-summary").last()).toContainText("This is the last active admin");
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: /Alex Morgan/ })).toContainText("Admin");
});

test("a new council name shows at once to anonymous visitors, whose public pages come from the cache", async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/partners");
  expect((await visitor.goto("/partners"))!.headers()["x-cache"]).toBe("HIT");

  await signInAs(page, "ADMIN");
  await page.goto("/admin/settings");
  const councilName = page.getByLabel("Council name");
  const original = await councilName.inputValue();
  const renamed = `Borough of Testford ${Date.now()}`;
  try {
    await councilName.fill(renamed);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await visitor.goto("/partners");
    await expect(visitor.locator("footer")).toContainText(renamed);
    await expect(visitor).toHaveTitle(new RegExp(renamed));
  } finally {
    await page.goto("/admin/settings");
    await councilName.fill(original);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await anonymous.close();
  }
});

test("'Approvals needed' cannot be more than the active councillors: the field says how many there are; at that many, a councillor's page warns before deactivation", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/settings");
  const approvals = page.getByLabel("Approvals needed");
  const original = await approvals.inputValue();
  await approvals.fill("9");
  await page.getByRole("button", { name: "Save settings" }).click();
  const problem = /Approvals needed cannot be more than the (\d+) active councillors?/;
  await expect(page.getByTestId("error-summary")).toContainText(problem);
  const most = problem.exec(await page.getByTestId("error-summary").innerText())![1]!;
  await expect(approvals).toHaveAttribute("aria-invalid", "true");
  await page.goto("/admin/settings");
  await expect(approvals).toHaveValue(original);

  // At the most the councillors can give, a councillor's page warns before anyone tries to deactivate them.
  await approvals.fill(most);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  try {
    await page.goto("/admin/users");
    await page.getByRole("link", { name: DEMO_ACCOUNTS.COUNCILLOR.name, exact: true }).click();
    await expect(page.getByTestId("quorum-warning")).toContainText(`fewer than the ${most} approvals needed`);
  } finally {
    await page.goto("/admin/settings");
    await approvals.fill(original);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  }
});
