// The admin audit page says whether the decision record's hash chain verifies: the seeded demo
// story (and whatever decisions earlier journeys made) must all match their hashes.
import { expect, signInAs, test } from "./fixtures";

test("the audit page shows that the decision record verifies", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/audit");
  const status = page.getByRole("region", { name: /Decision record/ });
  await expect(status.getByRole("heading", { name: "Decision record: verified" })).toBeVisible();
  const line = (await status.getByText(/decisions? verified/).textContent()) ?? "";
  const count = Number(line.match(/^([\d,]+) decisions? verified/)?.[1]?.replace(/,/g, ""));
  // The demo story alone records more than ten decisions.
  expect(count).toBeGreaterThan(10);
  expect(line).toMatch(/\(latest: sequence [\d]+, hash [0-9a-f]{64}\)/);
});

test("the chain status is for admins only", async ({ page, browserProblems }) => {
  browserProblems.allowResponse(403, "/admin/audit");
  await signInAs(page, "STAFF");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: /Decision record/ })).toHaveCount(0);
});
