// What a partner publishes about us (issue 25 item 2), end to end: two instances of the app on one
// machine, each with an Active link with the other's council and its /.well-known/twinning.json as
// the partner's feed address, each read the other's feed and show "Listed and active" about each
// other. The second instance reuses the suite's build with an embedded database of its own, one
// port up: the only address on this machine each may read (TWINNING_ALLOW_PRIVATE_FEEDS).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, E2E_PORT, E2E_SECRET, loopbackFeedAllowance } from "../scripts/lib/e2e-accounts";
import { activeAgreement, signedIn } from "./active-agreement";
import { axeViolations } from "./axe";
import { expect, submitSignIn, test, uniquePartnerName } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? E2E_PORT);
const FIRST = `http://localhost:${PORT}`;
const SECOND_PORT = PORT + 1;
// 127.0.0.1, not localhost: the browser keeps the two instances' cookies apart.
const SECOND = `http://127.0.0.1:${SECOND_PORT}`;
const SECOND_DATA = `./data/e2e-pglite-${SECOND_PORT}`;
// The first instance's council is the demo's "Coventry City Council" (no country); it lists the second as a town in Germany.
const SECOND_COUNCIL = uniquePartnerName();

let server: ChildProcess | undefined;
let secondAgreement = "";

/** Runs a command to its end; its output, or the error with it. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${output}`))));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fs.rmSync(SECOND_DATA, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: SECOND_DATA, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  await run("node_modules/.bin/prisma", ["migrate", "deploy"], env);
  const seeded = await run("node_modules/.bin/tsx", ["scripts/e2e-feed-partner.ts", SECOND_COUNCIL, "DE", "Coventry", `${FIRST}/.well-known/twinning.json`], env);
  secondAgreement = /agreement ([0-9a-f-]{36})/.exec(seeded)?.[1] ?? "";
  expect(secondAgreement, seeded).not.toBe("");
  server = spawn("node_modules/.bin/next", ["start", "-p", String(SECOND_PORT)], {
    env: {
      ...env,
      NEXTAUTH_URL: SECOND,
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
      TWINNING_ALLOW_PRIVATE_FEEDS: loopbackFeedAllowance(PORT),
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${SECOND}/login`).catch(() => null))?.status ?? 0, { timeout: 90_000, message: "the second instance starts" })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(SECOND_DATA, { recursive: true, force: true });
  fs.rmSync(`${SECOND_DATA}.lock`, { force: true });
});

test("two councils' instances, each listing the other, show Listed and active about each other", async ({ browser }) => {
  test.setTimeout(120_000);
  // The first instance (the suite's server): an Active link with the second council and its feed address.
  const path = await activeAgreement(browser, SECOND_COUNCIL, { feedUrl: `${SECOND}/.well-known/twinning.json` });
  const first = await signedIn(browser, "STAFF");
  await first.goto(path);
  await first.getByRole("button", { name: "Check the feed now" }).click();
  await expect(first.getByRole("heading", { name: `What ${SECOND_COUNCIL} publishes about us` })).toBeVisible();
  await expect(first.getByTestId("partner-feed-status")).toHaveText("Listed and active");
  expect(await axeViolations(first)).toEqual([]);
  await first.context().close();

  // The second instance: its officer reads the first council's feed, which lists the link just approved.
  const context = await browser.newContext({ baseURL: SECOND });
  const second = await context.newPage();
  await submitSignIn(second, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
  await expect(second.getByRole("button", { name: "Sign out" })).toBeVisible();
  await second.goto(`/agreements/${secondAgreement}`);
  await second.getByRole("button", { name: "Check the feed now" }).click();
  await expect(second.getByTestId("partner-feed-status")).toHaveText("Listed and active");
  await context.close();
});
