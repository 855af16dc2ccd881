// Deciding a proposal on /approvals as a councillor does: "Approve" or "Reject" on the card opens
// its confirmation step (a plain GET, also without JavaScript), where the reason and reference are
// typed and "Confirm approval" or "Confirm rejection" records the vote. Every journey that votes
// through the page uses this one.
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The card of the open proposal on `partner` (its heading is "<kind>: <partner>"). */
export function approvalCard(page: Page, partner: string): Locator {
  return page.getByRole("region", { name: partner });
}

/**
 * Decides the open proposal on `partner` from /approvals, through the confirmation step, and
 * resolves to the confirmation the page then shows ("Approved. …", "Your approval is recorded. …",
 * "Rejected. …").
 */
export async function decide(page: Page, partner: string, decision: "Approve" | "Reject", { reason, reference }: { reason?: string; reference?: string } = {}): Promise<string> {
  await page.goto("/approvals");
  await approvalCard(page, partner).getByRole("button", { name: decision, exact: true }).click();
  const card = approvalCard(page, partner);
  const confirm = card.getByRole("button", { name: decision === "Approve" ? "Confirm approval" : "Confirm rejection" });
  await expect(confirm).toBeVisible();
  if (reason !== undefined) await card.getByLabel("Reason").fill(reason);
  if (reference !== undefined) await card.getByLabel("Decision reference").fill(reference);
  await confirm.click();
  const outcome = page.getByRole("status").filter({ hasText: /^(Approved\.|Your approval is recorded\.|Rejected\.)/ });
  await expect(outcome).toBeVisible();
  return outcome.innerText();
}
