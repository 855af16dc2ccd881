// What the agreement search (/agreements?q=…) matches besides text: the countries and themes
// whose names contain the words typed, in English and in the page's language. Pure: the names
// are a fixed table (lib/domain/countries.ts) and the label files, so the database is asked for
// codes (`IN`, `&&`) and needs no index on translated names.
import { Theme } from "@/generated/prisma/enums";
import { COUNTRIES } from "@/lib/domain/countries";
import { labelsIn } from "@/lib/domain/labels";
import { countryNameIn } from "@/lib/domain/public-format";
import type { Locale } from "@/lib/i18n/locales";

/** Shorter words name too many countries and themes ("an", "ia"): only a two-letter code is matched then. */
const MIN_NAME_MATCH = 3;

/** Lower case, without accents, apostrophes made plain: "Côte d’Ivoire" → "cote d'ivoire". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .trim();
}

const countryNames = new Map<Locale, { code: string; names: string[] }[]>();

function countriesIn(locale: Locale) {
  let table = countryNames.get(locale);
  if (!table) {
    table = COUNTRIES.map(({ code, name }) => ({ code, names: [...new Set([foldForSearch(name), foldForSearch(countryNameIn(code, locale))])] }));
    countryNames.set(locale, table);
  }
  return table;
}

/** The country codes the search names: "Poland" (or "Gwlad Pwyl" on a Welsh page, or "pl") finds PL. */
export function countriesMatching(q: string, locale: Locale = "en"): string[] {
  const words = foldForSearch(q);
  return countriesIn(locale)
    .filter(({ code, names }) => words === code.toLowerCase() || (words.length >= MIN_NAME_MATCH && names.some((name) => name.includes(words))))
    .map(({ code }) => code);
}

/** The themes whose label (in English or the page's language) contains the search: "educ" finds EDUCATION. */
export function themesMatching(q: string, locale: Locale = "en"): Theme[] {
  const words = foldForSearch(q);
  if (words.length < MIN_NAME_MATCH) return [];
  const labels = [labelsIn("en").theme, labelsIn(locale).theme];
  return (Object.values(Theme) as Theme[]).filter((theme) => labels.some((table) => foldForSearch(table[theme]).includes(words)));
}

/**
 * A LIKE pattern that finds `text` anywhere, its own % and _ taken literally, and any dash standing
 * for any other: "Coventry-Lublin" finds the title "Coventry–Lublin" (en dash) and back.
 */
export function searchPattern(text: string): string {
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`).replace(/[-‐‑‒–—―−]/g, "_");
  return `%${escaped}%`;
}
