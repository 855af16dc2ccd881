import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE } from "./locales";
import { NAMESPACES } from "./messages";

/**
 * Words that are the same in Welsh and English and may stand as they are: names, abbreviations,
 * and the few words Welsh takes unchanged. Anything else equal to its English is a copy nobody
 * translated. "Staff" is the staff role's name in Welsh too ("Staff (swyddog gefeillio)" in full),
 * the same word on /admin/users, in the header and in the forms.
 */
const SAME_IN_WELSH = new Set(["Partner", "Sponsor", "© {council}", "CSV", "JSON", "GeoJSON", "iCalendar", "Atom", "ID", "URL", "Email", "E-bost", "Cost", "Staff", "staff"]);

type Tree = { [key: string]: string | Tree };

/** Every message of a tree as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The ICU arguments a message takes ({council}, {count, plural, …}), by name. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:[,}])/g)].map((match) => match[1]!))].sort();
}

const namespaces = Object.entries(NAMESPACES) as unknown as [string, Record<string, Tree> & { en: Tree }][];

describe("messages", () => {
  for (const [namespace, translations] of namespaces) {
    const english = flatten(translations.en);
    for (const [locale, tree] of Object.entries(translations)) {
      if (locale === DEFAULT_LOCALE) continue;
      const translated = flatten(tree);
      it(`${namespace} in ${locale} has every key of English and no other`, () => {
        expect([...translated.keys()].filter((key) => !english.has(key)), "keys English does not have").toEqual([]);
        expect([...english.keys()].filter((key) => !translated.has(key)), "keys missing").toEqual([]);
      });
      it(`${namespace} in ${locale} takes the same arguments as English`, () => {
        const differing = [...english].filter(([key, text]) => translated.has(key) && argumentsOf(text).join() !== argumentsOf(translated.get(key)!).join());
        expect(differing.map(([key]) => key)).toEqual([]);
      });
      if (locale === "cy") {
        it(`${namespace} in Welsh is not English copied`, () => {
          const copied = [...english].filter(([key, text]) => translated.get(key) === text && !SAME_IN_WELSH.has(text) && /[A-Za-z]{3}/.test(text));
          expect(copied.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
        });
      }
    }
  }

  it("every namespace is in Welsh: the staff pages and the public pages alike", () => {
    expect(namespaces.filter(([, translations]) => !translations.cy).map(([name]) => name)).toEqual([]);
  });

  it("the shared chrome, the labels and the public pages are in every language", () => {
    for (const name of ["common", "labels", "public"] as const) expect(Object.keys(NAMESPACES[name]).sort()).toEqual(["cy", "de", "en", "fr"]);
  });
});
