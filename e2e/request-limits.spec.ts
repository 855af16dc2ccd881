// Request bodies against the production server (issue 17, findings 4 and 5). A server action's
// body is small: one over 128 KB is refused with 413 before Next.js reads it, with or without a
// Content-Length, and arguments nested deeper than any form sends with 400, where a 4 MB body of
// brackets held the server for seconds and ended in a 500. The largest legitimate form still fits.
// And the server keeps answering while large spreadsheets are read (figures in the test's output).
import ExcelJS from "exceljs";
import { ACTION_BODY_LIMIT_BYTES } from "../lib/web/proxy-filter";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test, uniqueEmail, uniquePartnerName } from "./fixtures";
import { callServerAction, loadServerActions, serverAction, signInRequest } from "./server-actions";

const ACTIONS = loadServerActions();
const SIGN_IN = serverAction(ACTIONS, "app/login/actions.ts#signInAction");
const CREATE = serverAction(ACTIONS, "app/agreements/new/actions.ts#createAgreementAction");
const CREATE_USER = serverAction(ACTIONS, "app/admin/users/actions.ts#createUserAction");
const IMPORTER_PASSWORD = "import-stall-password-2026";

function origin(): string {
  return new URL(test.info().project.use.baseURL!).origin;
}

/** Posts to /login as the sign-in form's JavaScript does, with `body` as the arguments; the status and how long it took. */
async function postToLogin(body: BodyInit, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`${origin()}/login`, {
    method: "POST",
    body,
    headers: { "Next-Action": SIGN_IN.id, Origin: origin(), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    duplex: "half",
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, ms: Math.round(performance.now() - started), text: text.slice(0, 120) };
}

/** `size` bytes of "[" sent in chunks with no Content-Length (Transfer-Encoding: chunked). */
function chunkedBrackets(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new TextEncoder().encode("[".repeat(Math.min(64 * 1024, size - sent)));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

test("a server-action body over the limit is a 413 at once, deep nesting a 400, never a 500", async () => {
  const results: Record<string, { status: number; ms: number; text: string }> = {};
  results["4 MB of nested brackets"] = await postToLogin("[".repeat(4 * 1024 * 1024));
  results["4 MB of nested brackets, chunked"] = await postToLogin(chunkedBrackets(4 * 1024 * 1024));
  results["just over the limit"] = await postToLogin(JSON.stringify([{ status: "idle" }, { email: "x".repeat(ACTION_BODY_LIMIT_BYTES) }]));
  results["100 KB of nested brackets"] = await postToLogin(`${"[".repeat(50 * 1024)}${"]".repeat(50 * 1024)}`);
  // A form posted to the page without JavaScript carries no Next-Action header; React decodes its $ACTION_ fields.
  const noScript = new FormData();
  noScript.append("$ACTION_REF_1", "");
  noScript.append("$ACTION_1:0", "[".repeat(100 * 1024));
  const started = performance.now();
  const form = await fetch(`${origin()}/login`, { method: "POST", body: noScript, headers: { Origin: origin() } });
  results["100 KB of brackets in a form without JavaScript"] = { status: form.status, ms: Math.round(performance.now() - started), text: (await form.text()).slice(0, 120) };
  console.log(`[request-limits] ${JSON.stringify(results)}`);
  for (const label of ["4 MB of nested brackets", "4 MB of nested brackets, chunked", "just over the limit"]) {
    expect(results[label]!.status, label).toBe(413);
    expect(results[label]!.text, label).toMatch(/^The request is too large: it may send at most 128 KB\./);
  }
  for (const label of ["100 KB of nested brackets", "100 KB of brackets in a form without JavaScript"]) {
    expect(results[label]!.status, label).toBe(400);
    expect(results[label]!.text, label).toMatch(/nested too deeply/);
  }
  // Refused before anything is parsed: well under the seconds it took to decode.
  for (const [label, result] of Object.entries(results)) expect(result.ms, label).toBeLessThan(2_000);

  // Arguments a browser sends still reach the sign-in action (empty ones: it asks for an email, counting no failure).
  const ok = await postToLogin(JSON.stringify([{ status: "idle" }, {}]));
  expect(ok.status).toBe(200);
});

test("the largest legitimate form fits: an agreement with every text at its longest, sent again with its echoed state", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInRequest(request, DEMO_ACCOUNTS.STAFF.email, DEMO_PASSWORD);
  // Three bytes a character (Chinese): the most a character of these fields costs.
  const text = (length: number) => "友".repeat(length);
  const input = {
    partnerName: `${uniquePartnerName()} ${text(60)}`.slice(0, 120),
    country: "JP",
    region: text(120),
    localityKind: "CITY",
    relationshipType: "FRIENDSHIP_CITY",
    title: text(200),
    purpose: text(5000),
    themes: ["CULTURE", "EDUCATION", "TRADE", "TOURISM", "SPORT"],
    linkBegan: "1990-01-01",
    publicSummary: text(2000),
    internalNotes: text(10_000),
    website: `https://example.org/${"a".repeat(280)}`,
    partnerDecisionReference: text(200),
  };
  // The form sends its previous state too: after an error, every value echoed back.
  const previous = { status: "error", fieldErrors: { reviewDate: ["Review date must be in the future"] }, values: input };
  const body = JSON.stringify([previous, input]);
  const size = Buffer.byteLength(body);
  console.log(`[request-limits] largest agreement form, sent again after an error: ${Math.round(size / 1024)} KB of ${ACTION_BODY_LIMIT_BYTES / 1024} KB`);
  expect(size).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  const response = await request.post(CREATE.page, {
    headers: { "Next-Action": CREATE.id, Origin: origin(), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: body,
    maxRedirects: 0,
  });
  // Saved: the action redirects to the new draft.
  const answer = (await response.text()).slice(0, 300);
  expect(response.status(), answer).toBeLessThan(400);
  expect(response.headers()["x-action-redirect"] ?? response.headers().location, answer).toMatch(/^\/agreements\/[0-9a-f-]{36}\?done=saved/);
  await request.dispose();
});

test("while large spreadsheets are read, the sign-in page keeps answering", async ({ playwright }) => {
  // Measured once per CI run, on the embedded database, where a stall would be worst (its
  // statements run on the thread that answers requests); the workbook is read off that thread on both.
  test.setTimeout(180_000);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Partners");
  const columns = 25;
  sheet.addRow(["Partner name", "Country", "Relationship type", ...Array.from({ length: columns - 3 }, (_, index) => `Extra ${index}`)]);
  for (let row = 0; row < 9_999; row += 1) sheet.addRow([`Large town ${row}`, "DE", "Twin town", ...Array.from({ length: columns - 3 }, (_, index) => (row + index) % 10)]);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());

  // Three officers of their own (one import at a time per user; the demo officer's are the import journeys'), each with a large workbook.
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInRequest(admin, DEMO_ACCOUNTS.ADMIN.email, DEMO_PASSWORD);
  const importers = await Promise.all(
    [1, 2, 3].map(async (number) => {
      const email = uniqueEmail(`importer-${number}`);
      const created = await callServerAction(admin, CREATE_USER, { name: `Importer ${number}`, email, role: "STAFF", password: IMPORTER_PASSWORD });
      expect(created.redirect, JSON.stringify(created.result)).toMatch(/done=created/);
      const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
      await signInRequest(request, email, IMPORTER_PASSWORD);
      return request;
    }),
  );
  const visitor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  let reading = true;
  const times: number[] = [];
  const polling = (async () => {
    while (reading) {
      const started = performance.now();
      const response = await visitor.get("/login");
      expect(response.status()).toBe(200);
      times.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  const uploads = await Promise.all(
    importers.map((request) =>
      request.post("/import/upload", {
        headers: { Origin: origin() },
        multipart: { file: { name: "large.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer } },
        maxRedirects: 0,
        timeout: 120_000,
      }),
    ),
  );
  const took = performance.now() - started;
  reading = false;
  await polling;
  for (const upload of uploads) expect(upload.headers().location).toMatch(/^\/import\?upload=[0-9a-f-]{36}$/);
  const preview = await importers[0]!.get(uploads[0]!.headers().location!);
  await expect.soft(preview.text()).resolves.toContain("9,999");
  times.sort((a, b) => a - b);
  const figures = { imports: uploads.length, bytes: buffer.byteLength, tookMs: Math.round(took), loginRequests: times.length, medianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0), longestMs: Math.round(times.at(-1) ?? 0) };
  test.info().annotations.push({ type: "longest /login while importing", description: JSON.stringify(figures) });
  console.log(`[request-limits] ${JSON.stringify(figures)}`);
  expect(times.length).toBeGreaterThan(1);
  await Promise.all([...importers, visitor, admin].map((request) => request.dispose()));
});
