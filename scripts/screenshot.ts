// `npm run screenshot`: the README's picture of /partners, taken by Chromium through Playwright,
// and the JavaScript the page ships (the README's performance section quotes both).
// By default it starts the end-to-end server (a fresh embedded database with the demo data, a
// production build in .next-e2e when the sources changed) on port 3180 and stops it afterwards;
// `-- --url http://localhost:3000` photographs an app that is already running instead.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { runScript } from "@/lib/config/scripts";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium";
import { bin, ROOT } from "./lib/run";
import { waitForServer } from "./lib/wait-for-server";

const OUTPUT = "docs/screenshots/partners.png";
const PORT = 3180;

await runScript("Taking the screenshot", async () => {
  const { values } = parseArgs({ options: { url: { type: "string" }, output: { type: "string", default: OUTPUT } } });
  let server: ChildProcess | null = null;
  let base = values.url?.replace(/\/$/, "");
  if (!base) {
    base = `http://localhost:${PORT}`;
    server = spawn(bin("tsx"), ["scripts/e2e-server.ts"], { cwd: ROOT, env: { ...process.env, E2E_PORT: String(PORT) }, stdio: ["ignore", "inherit", "inherit"], detached: true });
    await waitForServer(`${base}/login`, server, 900_000);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
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
  } finally {
    await browser.close();
    // The e2e server runs next start as a child: stop the whole process group.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
});
