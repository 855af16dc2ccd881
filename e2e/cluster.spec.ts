// `npm start` on a PostgreSQL server runs one server process per core (scripts/start.ts). This
// starts it beside the suite's own server — same build, same database, two processes — and
// checks what they must share: the change signal (the dashboard's figures, cached in each
// process, change at once in both: PostgreSQL notifies each process's LISTEN connection,
// lib/cache/README.md) and the public page cache's render key (a page rendered by one process
// for another's cache carries the right nonces). Each request opens its own connection, so the
// cluster hands them to the two processes in turn.
import { spawn, type ChildProcess } from "node:child_process";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { E2E_PORT, E2E_SECRET } from "../scripts/lib/e2e-accounts";
import { expect, test, DEMO_ACCOUNTS, DEMO_PASSWORD, uniquePartnerName } from "./fixtures";
import { callServerAction, loadServerActions, serverAction, signInRequest } from "./server-actions";

const PORT = Number(process.env.E2E_PORT ?? E2E_PORT) + 50;
const BASE_URL = `http://localhost:${PORT}`;


let server: ChildProcess | undefined;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn("node_modules/.bin/tsx", ["scripts/start.ts", "-p", String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: E2E_SECRET,
      WEB_CONCURRENCY: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 90_000, message: "the cluster starts" }).toContain("2 server processes");
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
});

/** A request context whose every request is a new connection: the cluster alternates them between its processes. */
function newConnectionEachTime(playwright: PlaywrightWorkerArgs["playwright"]): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Connection: "close" } });
}

async function draftCounts(request: APIRequestContext, times: number): Promise<number[]> {
  const counts: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const response = await request.get("/dashboard");
    expect(response.status()).toBe(200);
    const count = /font-bold">(\d+)<\/span>Draft/.exec(await response.text())?.[1];
    expect(count, "the dashboard shows the number of drafts").toBeDefined();
    counts.push(Number(count));
  }
  return counts;
}

test("a write in one server process shows at once in the other's cached figures", async ({ playwright }) => {
  const request = await newConnectionEachTime(playwright);
  await signInRequest(request, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
  // Both processes have the figures cached now.
  const before = await draftCounts(request, 4);
  expect(new Set(before).size).toBe(1);

  const created = await callServerAction(request, serverAction(loadServerActions(), "app/agreements/new/actions.ts#createAgreementAction"), {
    partnerName: uniquePartnerName(),
    country: "FR",
    localityKind: "TOWN",
    relationshipType: "FRIENDSHIP_CITY",
    purpose: "Checking that the server processes share word of a write.",
    themes: ["CULTURE"],
  }, { origin: BASE_URL });
  expect(created.redirect ?? created.body.slice(0, 300)).toMatch(/^\/agreements\/[0-9a-f-]{36}\?done=saved$/);

  expect(await draftCounts(request, 4)).toEqual([1, 2, 3, 4].map(() => before[0]! + 1));
  await request.dispose();
});

test("the public page cache works across the processes: every visitor's nonces are their own", async ({ playwright }) => {
  const request = await newConnectionEachTime(playwright);
  const caches: string[] = [];
  for (let index = 0; index < 8; index += 1) {
    const response = await request.get("/partners");
    expect(response.status()).toBe(200);
    caches.push(response.headers()["x-cache"] ?? "");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const body = await response.text();
    const nonces = [...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
  }
  // Each process serves its first public page as it comes (the cache learns the data version
  // then) and renders the next once for its own cache (the server's request to itself may reach
  // the other process); from then on both serve it from their caches.
  expect(caches.slice(-3)).toEqual(["HIT", "HIT", "HIT"]);
  await request.dispose();
});
