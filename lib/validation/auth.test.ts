import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./auth";

describe("safeReturnPath", () => {
  it("follows a path on this site, with its query", () => {
    expect(safeReturnPath("/agreements?status=ACTIVE")).toBe("/agreements?status=ACTIVE");
  });

  it("never leaves the site (open redirect)", () => {
    for (const value of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "evil"]) expect(safeReturnPath(value)).toBe("/dashboard");
  });

  it("ignores a path with control or bidi characters, or of any length", () => {
    for (const value of ["/agreements\u0000", "/x\r\nSet-Cookie: a=b", "/\u202Eexe", `/${"x".repeat(2000)}`]) expect(safeReturnPath(value)).toBe("/dashboard");
  });
});
