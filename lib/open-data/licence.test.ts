import { describe, expect, it } from "vitest";
import { licenceOf } from "./licence";

describe("licenceOf", () => {
  it("links the Open Government Licence v3.0", () => {
    expect(licenceOf("Open Government Licence v3.0").url).toBe("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
  });

  it("links Creative Commons licences", () => {
    expect(licenceOf("CC BY 4.0").url).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(licenceOf("CC0").url).toBe("https://creativecommons.org/publicdomain/zero/1.0/");
  });

  it("takes an address as it is, and names an unknown licence without a link", () => {
    expect(licenceOf("https://example.org/licence")).toEqual({ name: "https://example.org/licence", url: "https://example.org/licence" });
    expect(licenceOf("Our own terms")).toEqual({ name: "Our own terms", url: null });
  });
});
