import { describe, expect, it } from "vitest";
import { countriesMatching, searchPattern, themesMatching } from "./agreement-search";

describe("the agreement search: countries and themes by name", () => {
  it("finds a country by its English name, any case and accents, or its code", () => {
    expect(countriesMatching("Poland")).toEqual(["PL"]);
    expect(countriesMatching("poland ")).toEqual(["PL"]);
    expect(countriesMatching("pl")).toEqual(["PL"]);
    expect(countriesMatching("cote d'ivoire")).toEqual(["CI"]);
    expect(countriesMatching("Côte d’Ivoire")).toEqual(["CI"]);
    expect(countriesMatching("Germ")).toEqual(["DE"]);
  });

  it("finds it by its name in the page's language too", () => {
    expect(countriesMatching("Allemagne", "fr")).toEqual(["DE"]);
    expect(countriesMatching("Allemagne", "en")).toEqual([]);
    expect(countriesMatching("Polen", "de")).toEqual(["PL"]);
  });

  it("short words name no country but by its code", () => {
    expect(countriesMatching("an")).toEqual([]);
    expect(countriesMatching("")).toEqual([]);
  });

  it("finds themes by their label, in English and the page's language", () => {
    expect(themesMatching("education")).toEqual(["EDUCATION"]);
    expect(themesMatching("Climate")).toEqual(["CLIMATE"]);
    expect(themesMatching("addysg", "cy")).toEqual(["EDUCATION"]);
    expect(themesMatching("addysg", "en")).toEqual([]);
    expect(themesMatching("youth")).toEqual(["YOUTH"]);
    expect(themesMatching("Ieuenctid", "cy")).toEqual(["YOUTH"]);
    expect(themesMatching("jugend", "de")).toEqual(["YOUTH"]);
    expect(themesMatching("sp")).toEqual([]);
  });

  it("a dash in the search stands for any dash, and LIKE's own characters are literal", () => {
    expect(searchPattern("Coventry–Lublin")).toBe("%Coventry_Lublin%");
    expect(searchPattern("Coventry-Lublin")).toBe("%Coventry_Lublin%");
    expect(searchPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
