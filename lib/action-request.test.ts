import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseMalformedAction } from "./action-request";

function action(body: string, contentType: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/agreements/new", {
    method: "POST",
    body,
    headers: { "Next-Action": "7f8f6acd84e2e946d844c1a98d1aea53f8f90d23d0", "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)), ...headers },
  });
}

describe("refuseMalformedAction", () => {
  it("lets through what a browser sends: JSON-encoded arguments, or a form", async () => {
    expect(await refuseMalformedAction(action('[{"status":"idle"},{"partnerName":"Kiel"}]', "text/plain;charset=UTF-8"))).toBeNull();
    const form = '------b\r\nContent-Disposition: form-data; name="partnerName"\r\n\r\nKiel\r\n------b--\r\n';
    expect(await refuseMalformedAction(action(form, "multipart/form-data; boundary=----b"))).toBeNull();
    expect(await refuseMalformedAction(action(form, 'multipart/form-data; boundary="----b"'))).toBeNull();
  });

  it("leaves requests that are not server-action calls alone", async () => {
    expect(await refuseMalformedAction(new Request("http://localhost/partners"))).toBeNull();
    expect(await refuseMalformedAction(new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body: "garbage" }))).toBeNull();
  });

  it("refuses a body that is not the arguments, or a form with another boundary, with 400", async () => {
    for (const request of [
      action("\u0000garbage{[", "text/plain;charset=UTF-8"),
      action('{"partnerName":"Kiel"}', "text/plain;charset=UTF-8"),
      action("<xml/>", "application/x-evil"),
      action('------other\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n', "multipart/form-data; boundary=----nope"),
      action("--x\r\n", "multipart/form-data"),
    ]) {
      const response = await refuseMalformedAction(request);
      expect(response?.status).toBe(400);
      expect(await response?.text()).toMatch(/malformed|not a server action/);
    }
  });

  it("refuses a body over the limit by its length, before reading it (413)", async () => {
    const response = await refuseMalformedAction(action("[]", "text/plain", { "Content-Length": String(ACTION_BODY_LIMIT_BYTES + 1) }));
    expect(response?.status).toBe(413);
  });
});
