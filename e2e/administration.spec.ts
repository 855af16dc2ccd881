// Administration in the browser: the last active admin cannot be demoted or deactivated.
import { expect, signInAs, test } from "./fixtures";

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
