import { describe, expect, it } from "vitest";
import { escapeXml } from "./xml";

describe("escapeXml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeXml(`<img src=x onerror="alert(1)"> & 'x'`)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &apos;x&apos;");
  });

  it("drops characters XML 1.0 cannot carry, keeping tab, line feed and carriage return", () => {
    expect(escapeXml("a\u0000b\u0007c\u001Fd\tz\ny\rx")).toBe("abcd\tz\ny\rx");
    expect(escapeXml("lone \uD800 surrogate \uDC00")).toBe("lone  surrogate ");
  });

  it("keeps non-ASCII text and surrogate pairs", () => {
    expect(escapeXml("Düsseldorf 🇩🇪 Волгоград")).toBe("Düsseldorf 🇩🇪 Волгоград");
  });
});
