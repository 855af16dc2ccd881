// `npm run screenshot`: the README's picture of /partners, taken by Chromium through Playwright,
// and the JavaScript the page ships (the README's performance section quotes both); then the
// annual report's printed pages (docs/screenshots/annual-report.png): last year's report (or
// `-- --year <year>`'s) as the demo officer prints it, in print media on A4, laid out page by page.
// By default it starts the end-to-end server (a fresh embedded database with the demo data, a
// production build in .next-e2e when the sources changed) on port 3180 and stops it afterwards;
// `-- --url http://localhost:3000` photographs an app that is already running instead;
// `-- --only partners` or `-- --only annual-report` takes one of the two pictures.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import { runScript } from "@/lib/config/scripts";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./lib/e2e-accounts";
import { bin, ROOT } from "./lib/run";
import { waitForServer } from "./lib/wait-for-server";

const OUTPUT = "docs/screenshots/partners.png";
const REPORT_OUTPUT = "docs/screenshots/annual-report.png";
const PORT = 3180;

// A4 at 96 px to the inch, and the area inside the print stylesheet's margins (18 mm, 16 mm: app/globals.css).
const A4 = { width: 794, height: 1123 };
const MARGIN = { x: 60, y: 68 };
const PRINTED = { width: A4.width - 2 * MARGIN.x, height: A4.height - 2 * MARGIN.y };

await runScript("Taking the screenshot", async () => {
  const { values } = parseArgs({ options: { url: { type: "string" }, output: { type: "string", default: OUTPUT }, port: { type: "string", default: String(PORT) }, only: { type: "string" }, year: { type: "string" } } });
  // The annual report's year: last year's by default, as the dashboard links it.
  const year = values.year ? Number(values.year) : new Date().getUTCFullYear() - 1;
  const port = Number(values.port);
  let server: ChildProcess | null = null;
  let base = values.url?.replace(/\/$/, "");
  if (!base) {
    base = `http://localhost:${port}`;
    server = spawn(bin("tsx"), ["scripts/e2e-server.ts"], { cwd: ROOT, env: { ...process.env, E2E_PORT: String(port) }, stdio: ["ignore", "inherit", "inherit"], detached: true });
    await waitForServer(`${base}/login`, server, 900_000);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    if (values.only === "annual-report") return await printedReport(browser, base, year);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-GB", colorScheme: "light" });
    const scripts: Promise<number>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
    });
    const response = await page.goto(`${base}/partners`, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${base}/partners answered ${response?.status()}.`);
    const file = path.resolve(ROOT, values.output);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`Saved ${path.relative(ROOT, file)}.`);
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.log(`/partners loads ${sizes.length} JavaScript files: ${(total / 1024).toFixed(1)} KB gzip (level 9).`);
    if (values.only !== "partners") await printedReport(browser, base, year);
  } finally {
    await browser.close();
    // The e2e server runs next start as a child: stop the whole process group.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
});

/**
 * The annual report as it prints: in print media at the printed width, cut where the stylesheet
 * breaks pages (before each section) and every A4 page's height, then the pages side by side.
 */
async function printedReport(browser: Browser, base: string, year: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: PRINTED.width, height: PRINTED.height }, locale: "en-GB", colorScheme: "light" });
  await signIn(page, base);
  const response = await page.goto(`${base}/reports/${year}`);
  if (!response?.ok()) throw new Error(`${base}/reports/${year} answered ${response?.status()}.`);
  await page.emulateMedia({ media: "print" });
  const { breaks, height } = await page.evaluate(() => ({
    breaks: [...document.querySelectorAll(".annual-report .annual-report-section")]
      .filter((section) => getComputedStyle(section).breakBefore === "page")
      .map((section) => Math.floor(section.getBoundingClientRect().top + window.scrollY)),
    height: document.documentElement.scrollHeight,
  }));
  const pages: string[] = [];
  const starts = [0, ...breaks];
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? height;
    for (let top = start; top < end; top += PRINTED.height) {
      const clip = { x: 0, y: top, width: PRINTED.width, height: Math.min(PRINTED.height, end - top) };
      pages.push((await page.screenshot({ clip, fullPage: true })).toString("base64"));
    }
  }
  // The pages on a desk, at half size, three to a row.
  const sheet = pages
    .map((png, index) => `<figure><img src="data:image/png;base64,${png}" alt=""><figcaption>${index + 1}</figcaption></figure>`)
    .join("");
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 3 * (A4.width / 2 + 24) + 24, height: 600 });
  await page.setContent(`<!doctype html><style>
    body { margin: 0; padding: 24px; background: #d1d5db; display: grid; grid-template-columns: repeat(3, ${A4.width / 2}px); gap: 24px; font: 12px sans-serif; }
    figure { margin: 0; width: ${A4.width / 2}px; height: ${A4.height / 2}px; background: #fff; box-shadow: 0 2px 6px rgb(0 0 0 / 0.3); position: relative; overflow: hidden; }
    img { position: absolute; left: ${MARGIN.x / 2}px; top: ${MARGIN.y / 2}px; width: ${PRINTED.width / 2}px; }
    figcaption { position: absolute; bottom: 6px; width: 100%; text-align: center; color: #6b7280; }
  </style>${sheet}`);
  const file = path.resolve(ROOT, REPORT_OUTPUT);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`Saved ${path.relative(ROOT, file)}: the annual report ${year}, ${pages.length} printed A4 pages.`);
  await page.close();
}

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.STAFF.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
