import { describe, expect, it } from "vitest";
import { plural } from "./format";

describe("plural", () => {
  it("counts as the council writes them, with a plural of its own where it is not one + s", () => {
    expect(plural(1, "agreement")).toBe("1 agreement");
    expect(plural(0, "agreement")).toBe("0 agreements");
    expect(plural(20000, "current partner")).toBe("20,000 current partners");
    expect(plural(2, "row was", "rows were")).toBe("2 rows were");
  });
});
