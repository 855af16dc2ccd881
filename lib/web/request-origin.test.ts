import { describe, expect, it } from "vitest";
import { isCrossOriginPost, isOpaqueSameOriginPost } from "./request-origin";

const post = (headers: Record<string, string>) => new Request("http://council.example/confirm/abc", { method: "POST", headers: { host: "council.example", ...headers } });

describe("cross-site posts", () => {
  it("refuses another site's origin, accepts this host's or none", () => {
    expect(isCrossOriginPost(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginPost(post({ origin: "http://council.example" }))).toBe(false);
    expect(isCrossOriginPost(post({}))).toBe(false);
  });

  it("takes Origin: null (a no-referrer page's form) only with the browser's own Sec-Fetch-Site: same-origin", () => {
    expect(isOpaqueSameOriginPost(post({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isCrossOriginPost(post({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(false);
    for (const site of ["cross-site", "same-site", "none"]) expect(isCrossOriginPost(post({ origin: "null", "sec-fetch-site": site }))).toBe(true);
    expect(isCrossOriginPost(post({ origin: "null" }))).toBe(true);
    expect(isOpaqueSameOriginPost(new Request("http://council.example/", { headers: { origin: "null", "sec-fetch-site": "same-origin" } }))).toBe(false);
  });
});
