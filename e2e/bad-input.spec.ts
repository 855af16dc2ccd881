// Malformed server-action requests over HTTP, the layer the Vitest bad-input suite cannot reach
// (tests/integration/bad-input.test.ts calls the actions themselves): a body that is not what a
// browser sends, an action id that does not exist, a body over the 4 MB limit. Each must be
// answered with a 4xx, never a 500, and must change nothing a signed-in user can see.
import type { APIRequestContext } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { loadServerActions, serverAction } from "./server-actions";

const ACTIONS = loadServerActions();
const CREATE = serverAction(ACTIONS, "app/agreements/new/actions.ts#createAgreementAction");
const FIVE_MB = "x".repeat(5 * 1024 * 1024);

type Post = { label: string; actionId: string; contentType: string; body: string | Buffer };

const MALFORMED: Post[] = [
  { label: "a body that is not the action's encoding", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: "\u0000\u0001garbage{[" },
  { label: "JSON that is not an argument list", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: '{"partnerName":"Kiel"}' },
  { label: "a multipart body with a broken boundary", actionId: CREATE.id, contentType: "multipart/form-data; boundary=----nope", body: "------other\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n" },
  { label: "an unknown content type", actionId: CREATE.id, contentType: "application/x-evil", body: "<xml/>" },
  { label: "an action id that does not exist", actionId: "7f".padEnd(42, "0"), contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, {}]) },
  { label: "an action id that is not an id", actionId: "<script>alert(1)</script>", contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, {}]) },
  { label: "a body over the 4 MB limit", actionId: CREATE.id, contentType: "text/plain;charset=UTF-8", body: JSON.stringify([{ status: "idle" }, { partnerName: FIVE_MB }]) },
  {
    label: "a form over the 4 MB limit",
    actionId: CREATE.id,
    contentType: "multipart/form-data; boundary=----b",
    body: `------b\r\nContent-Disposition: form-data; name="partnerName"\r\n\r\n${FIVE_MB}\r\n------b--\r\n`,
  },
];

async function post(request: APIRequestContext, { actionId, contentType, body }: Post) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const response = await request.post(CREATE.page, {
    headers: { "Next-Action": actionId, Origin: origin, "Content-Type": contentType, Accept: "text/x-component" },
    data: body,
    maxRedirects: 0,
    timeout: 60_000,
  });
  return { status: response.status(), body: await response.text() };
}

test("malformed server-action posts are answered with a 4xx, never a 500, and save nothing", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "STAFF");
  await page.goto("/agreements");
  const before = await page.getByRole("main").innerText();
  for (const malformed of MALFORMED) {
    const { status, body } = await post(page.request, malformed);
    expect(status, `${malformed.label}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(status, `${malformed.label}: ${body.slice(0, 200)}`).toBeLessThan(500);
  }
  await page.goto("/agreements");
  expect(await page.getByRole("main").innerText()).toBe(before);
});
