// The before-and-after record of a change: what counts as a change (a date by its day, themes as a
// set), how an amendment's stored changes are read back, and the columns an approved one writes.
import { describe, expect, it } from "vitest";
import { AMENDABLE_TERMS, amendedTerms, fieldChanges, hasChanges, readTermChanges, recordedValue } from "./term-changes";

const terms = {
  relationshipType: "TWIN_TOWN",
  title: "Twin town: Kiel",
  purpose: "Reconciliation.",
  themes: ["RECONCILIATION", "EDUCATION"],
  publicSummary: "One of the first.",
  formalisedOn: new Date("1967-01-01T00:00:00.000Z"),
};

describe("fieldChanges", () => {
  it("records nothing when every value is the same, themes in another order and the date at another hour included", () => {
    const same = { ...terms, themes: ["EDUCATION", "RECONCILIATION"], formalisedOn: new Date("1967-01-01T00:00:00.000Z") };
    expect(fieldChanges(terms, same, AMENDABLE_TERMS)).toEqual({});
    expect(hasChanges(fieldChanges(terms, same, AMENDABLE_TERMS))).toBe(false);
  });

  it("records each changed field with its value before and after, as the record keeps values", () => {
    const changes = fieldChanges(terms, { ...terms, title: "Kiel and us", themes: ["SPORT", "EDUCATION"], formalisedOn: null }, AMENDABLE_TERMS);
    expect(changes).toEqual({
      title: { from: "Twin town: Kiel", to: "Kiel and us" },
      themes: { from: ["EDUCATION", "RECONCILIATION"], to: ["EDUCATION", "SPORT"] },
      formalisedOn: { from: "1967-01-01", to: null },
    });
  });

  it("treats a missing value as null and keeps numbers as numbers", () => {
    expect(fieldChanges({ population: 246000, website: null }, { population: 334000, website: undefined }, ["population", "website"])).toEqual({ population: { from: 246000, to: 334000 } });
    expect(recordedValue(undefined)).toBeNull();
  });
});

describe("an amendment's stored changes", () => {
  it("reads back only the terms, each with a from and a to; anything else is no amendment", () => {
    expect(readTermChanges({ title: { from: "A", to: "B" }, website: { from: "x", to: "y" } })).toEqual({ title: { from: "A", to: "B" } });
    for (const value of [null, undefined, "title", [], {}, { title: "B" }, { website: { from: "x", to: "y" } }]) expect(readTermChanges(value)).toBeNull();
  });

  it("gives the columns an approved amendment writes, a date back at UTC midnight", () => {
    expect(
      amendedTerms({
        relationshipType: { from: "TWIN_TOWN", to: "FRIENDSHIP_CITY" },
        formalisedOn: { from: null, to: "1986-05-01" },
        themes: { from: [], to: ["CULTURE"] },
        publicSummary: { from: "Old", to: null },
      }),
    ).toEqual({ relationshipType: "FRIENDSHIP_CITY", formalisedOn: new Date("1986-05-01T00:00:00.000Z"), themes: ["CULTURE"], publicSummary: "" });
  });
});
