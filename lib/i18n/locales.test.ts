import { describe, expect, it } from "vitest";
import { localeOfTag, localizedPath, splitLocalePath } from "./locales";

describe("splitLocalePath", () => {
  it("takes the language prefix off the address", () => {
    expect(splitLocalePath("/cy/partners")).toEqual({ locale: "cy", path: "/partners", prefixed: true, served: true });
    expect(splitLocalePath("/de/partners/koln")).toEqual({ locale: "de", path: "/partners/koln", prefixed: true, served: true });
    expect(splitLocalePath("/cy")).toEqual({ locale: "cy", path: "/", prefixed: true, served: true });
  });

  it("leaves an English address as it is", () => {
    expect(splitLocalePath("/partners")).toEqual({ locale: "en", path: "/partners", prefixed: false, served: true });
    // A path that only starts like a language is not one.
    expect(splitLocalePath("/cymru")).toMatchObject({ locale: "en", path: "/cymru", prefixed: false });
    expect(splitLocalePath("/xx/partners")).toMatchObject({ locale: "en", path: "/xx/partners", prefixed: false });
  });

  it("serves the staff pages in English and Welsh only, and English without a prefix only", () => {
    expect(splitLocalePath("/cy/dashboard").served).toBe(true);
    expect(splitLocalePath("/de/dashboard").served).toBe(false);
    expect(splitLocalePath("/fr/admin/users").served).toBe(false);
    expect(splitLocalePath("/en/partners").served).toBe(false);
  });
});

describe("localizedPath", () => {
  it("puts the language's prefix on an address of the site", () => {
    expect(localizedPath("/partners", "cy")).toBe("/cy/partners");
    expect(localizedPath("/partners?page=2#map", "fr")).toBe("/fr/partners?page=2#map");
    expect(localizedPath("/", "de")).toBe("/de");
    expect(localizedPath("/?q=x", "cy")).toBe("/cy?q=x");
    expect(localizedPath("/partners", "en")).toBe("/partners");
    expect(localizedPath("/cy/dashboard", "cy")).toBe("/cy/dashboard");
  });

  it("keeps the English address of a page not offered in the language, and leaves other sites alone", () => {
    expect(localizedPath("/dashboard", "de")).toBe("/dashboard");
    expect(localizedPath("/dashboard", "cy")).toBe("/cy/dashboard");
    expect(localizedPath("https://example.org/x", "cy")).toBe("https://example.org/x");
    expect(localizedPath("//evil.example/x", "cy")).toBe("//evil.example/x");
  });
});

it("localeOfTag reads the language of a regional tag", () => {
  expect(localeOfTag("cy-GB")).toBe("cy");
  expect(localeOfTag("fr")).toBe("fr");
  expect(localeOfTag("ja-JP")).toBe("en");
  expect(localeOfTag(undefined)).toBe("en");
});
