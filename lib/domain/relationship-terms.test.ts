import { describe, expect, it } from "vitest";
import { RelationshipType } from "@/generated/prisma/enums";
import { canonicalLanguageTag, textDirection } from "./language-tags";
import { RELATIONSHIP_TERMS, relationshipTerm } from "./relationship-terms";

describe("relationshipTerm", () => {
  it("gives the partner's language's term for the link", () => {
    expect(relationshipTerm("TWIN_TOWN", "de")).toBe("Städtepartnerschaft");
    expect(relationshipTerm("TWIN_TOWN", "fr")).toBe("jumelage");
    expect(relationshipTerm("SISTER_CITY", "ja")).toBe("姉妹都市");
    expect(relationshipTerm("TWIN_TOWN", "ru")).toBe("город-побратим");
    expect(relationshipTerm("PARTNERSHIP", "ar")).toBe("شراكة");
  });

  it("reads the script where it changes the words, else the language", () => {
    expect(relationshipTerm("TWIN_TOWN", "sr-Cyrl")).toBe("збратимљени град");
    expect(relationshipTerm("TWIN_TOWN", "sr-Latn")).toBe("zbratimljeni grad");
    expect(relationshipTerm("TWIN_TOWN", "de-AT")).toBe("Städtepartnerschaft");
    expect(relationshipTerm("TWIN_TOWN", "zh-Hans-CN")).toBe("友好城市");
  });

  it("shows nothing for a language or type it does not know, or no language", () => {
    expect(relationshipTerm("TWIN_TOWN", "eo")).toBeNull();
    expect(relationshipTerm("FRIENDSHIP_CITY", "hu")).toBeNull();
    expect(relationshipTerm("TWIN_TOWN", null)).toBeNull();
  });

  it("names only relationship types that exist", () => {
    const types = new Set<string>(Object.values(RelationshipType));
    for (const terms of Object.values(RELATIONSHIP_TERMS)) for (const type of Object.keys(terms)) expect(types).toContain(type);
  });
});

describe("language tags", () => {
  it("accepts well-formed BCP 47 tags in canonical form and refuses others", () => {
    expect(canonicalLanguageTag("de")).toBe("de");
    expect(canonicalLanguageTag("SR-cyrl")).toBe("sr-Cyrl");
    expect(canonicalLanguageTag(" ar-JO ")).toBe("ar-JO");
    for (const bad of ["", "German", "d", "de_DE", "de-", "x-1", "de--AT", "deutsch-lang-too-long-subtag-xxxxxxxxx-yyyyyyyyy"]) expect(canonicalLanguageTag(bad), bad).toBeNull();
  });

  it("knows which scripts are written right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("ar-Latn")).toBe("ltr");
    expect(textDirection("he")).toBe("rtl");
    expect(textDirection("ur-PK")).toBe("rtl");
    expect(textDirection("az-Arab")).toBe("rtl");
    expect(textDirection("sr-Cyrl")).toBe("ltr");
    expect(textDirection("ja")).toBe("ltr");
  });
});
