import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, ACTION_NESTING_LIMIT, bodyLimitFor, nestsDeeperThan, refuseMalformedAction, refuseOversizedBody } from "./proxy-filter";
import { MAX_UPLOAD_REQUEST_BYTES } from "../import/limits";

function action(body: string, contentType: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/agreements/new", {
    method: "POST",
    body,
    headers: { "Next-Action": "7f8f6acd84e2e946d844c1a98d1aea53f8f90d23d0", "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)), ...headers },
  });
}

/** A body sent without a length, in chunks, as `Transfer-Encoding: chunked` arrives. */
function chunked(path: string, size: number, headers: Record<string, string> = {}): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(16 * 1024, size - sent)).fill(0x5b);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Request(`http://localhost${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function multipart(fields: Record<string, string>): string {
  return `${Object.entries(fields)
    .map(([name, value]) => `------b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("")}------b--\r\n`;
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

  it("refuses arguments nested deeper than any form sends, before anything parses them (400)", async () => {
    const deep = `${"[".repeat(ACTION_NESTING_LIMIT + 1)}${"]".repeat(ACTION_NESTING_LIMIT + 1)}`;
    const fine = `${"[".repeat(ACTION_NESTING_LIMIT)}${"]".repeat(ACTION_NESTING_LIMIT)}`;
    expect((await refuseMalformedAction(action(deep, "text/plain;charset=UTF-8")))?.status).toBe(400);
    expect(await refuseMalformedAction(action(fine, "text/plain;charset=UTF-8"))).toBeNull();
    // The same in the parts of a form that React decodes: with JavaScript ("0"), and without ($ACTION_1:1).
    const form = "multipart/form-data; boundary=----b";
    for (const name of ["0", "1f", "$ACTION_1:1"]) {
      const response = await refuseMalformedAction(action(multipart({ [name]: deep }), form));
      expect(response?.status, name).toBe(400);
      expect(await response?.text()).toMatch(/nested too deeply/);
    }
    // A form posted to a page without JavaScript carries no Next-Action header, and is checked too.
    const noScript = new Request("http://localhost/login", { method: "POST", body: multipart({ "$ACTION_REF_1": "", "$ACTION_1:0": deep }), headers: { "Content-Type": form } });
    expect((await refuseMalformedAction(noScript))?.status).toBe(400);
    // Brackets a person types, and brackets inside strings, are text.
    expect(await refuseMalformedAction(action(multipart({ "1_purpose": deep, "0": '["$K1"]' }), form))).toBeNull();
    expect(await refuseMalformedAction(action(JSON.stringify([{ purpose: deep }]), "text/plain;charset=UTF-8"))).toBeNull();
  });

  it("counts depth in one pass, outside strings, escaped quotes included", () => {
    expect(nestsDeeperThan('[{"a":[1]}]', 3)).toBe(false);
    expect(nestsDeeperThan('[{"a":[[1]]}]', 3)).toBe(true);
    expect(nestsDeeperThan('["[[[[", "\\"[[[["]', 1)).toBe(false);
    expect(nestsDeeperThan("[".repeat(1_000_000), 32)).toBe(true);
  });
});

describe("refuseOversizedBody", () => {
  it("is the limit next.config.js gives Next.js's own server-action reader", async () => {
    const { default: nextConfig } = (await import(new URL("../../next.config.js", import.meta.url).href)) as { default: NextConfig };
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${ACTION_BODY_LIMIT_BYTES / 1024}kb`);
  });

  it("refuses any POST over the limit by its declared length, before reading it (413)", async () => {
    const over = String(ACTION_BODY_LIMIT_BYTES + 1);
    for (const request of [
      action("[]", "text/plain", { "Content-Length": over }),
      new Request("http://localhost/login", { method: "POST", body: "x", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": over } }),
      new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body: "x", headers: { "Content-Length": over } }),
    ]) {
      const response = await refuseOversizedBody(request);
      expect(response?.status).toBe(413);
      expect(await response?.text()).toBe("The request is too large: it may send at most 128 KB.");
    }
    expect(await refuseOversizedBody(action("[]", "text/plain", { "Content-Length": String(ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
  });

  it("counts a body sent without a length as it arrives, and stops at the limit", async () => {
    expect((await refuseOversizedBody(chunked("/login", 4 * 1024 * 1024, { "Next-Action": "x" })))?.status).toBe(413);
    expect((await refuseOversizedBody(chunked("/login", ACTION_BODY_LIMIT_BYTES + 1)))?.status).toBe(413);
    expect(await refuseOversizedBody(chunked("/login", ACTION_BODY_LIMIT_BYTES))).toBeNull();
  });

  it("gives the import's upload its own, larger limit, and nothing else", async () => {
    expect(bodyLimitFor("/import/upload")).toBe(MAX_UPLOAD_REQUEST_BYTES);
    expect(bodyLimitFor("/import/confirm")).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/import")).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(await refuseOversizedBody(chunked("/import/upload", 1024 * 1024))).toBeNull();
    expect((await refuseOversizedBody(chunked("/import/upload", MAX_UPLOAD_REQUEST_BYTES + 1)))?.status).toBe(413);
  });
});
