// The year's annual report published as an admin publishes it: "Publish report" on /reports/<year>.
import type { Browser } from "@playwright/test";
import { signedIn } from "./active-agreement";
import { expect } from "./fixtures";

/**
 * Publishes `year`'s report and returns its public address. Already published: kept as it is, or
 * with `republish` withdrawn first, so the snapshot holds what this run made.
 */
export async function publishReport(browser: Browser, year: number, { republish = false } = {}): Promise<string> {
  const admin = await signedIn(browser, "ADMIN");
  await admin.goto(`/reports/${year}`);
  const withdraw = admin.getByRole("button", { name: "Withdraw" });
  if (await withdraw.isVisible()) {
    if (!republish) {
      await admin.context().close();
      return `/annual-report/${year}`;
    }
    await withdraw.click();
    await expect(admin.getByRole("status")).toContainText("The report has been withdrawn");
  }
  await admin.getByRole("button", { name: "Publish report" }).click();
  await expect(admin.getByRole("status")).toContainText("The report has been published");
  await expect(admin.getByText(/^Published on .* by /)).toBeVisible();
  await admin.context().close();
  return `/annual-report/${year}`;
}
