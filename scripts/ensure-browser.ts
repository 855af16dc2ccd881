// Checks that the Chromium the end-to-end tests drive is installed (before `playwright test`).
import { chromiumPath, DEFAULT_CHROMIUM_PATH, isExecutable } from "./lib/chromium";

const browser = chromiumPath();
if (!isExecutable(browser)) {
  const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH (${browser})` : DEFAULT_CHROMIUM_PATH;
  console.error(
    [
      `Chromium was not found at ${where}: the end-to-end tests need it.`,
      "Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at a Chromium or Chrome binary. (Not `npx playwright install`: it downloads a browser.)",
    ].join("\n"),
  );
  process.exit(1);
}
