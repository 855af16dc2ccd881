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

/**
 * The ICU arguments a message takes ({council}, {count, plural, …}, {status, select, …}), by name:
 * the words of a plural's or a select's cases are text, not arguments ("{draft}" in
 * "{status, select, DRAFT {draft} …}"), so each case is read as a message of its own.
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  // Reads text up to the "}" that closes it (or the end), collecting the arguments in it.
  function text(): void {
    while (at < message.length && message[at] !== "}") {
      if (message[at] === "{") argument();
      else at += 1;
    }
  }
  function argument(): void {
    at += 1;
    const head = /^\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+)\s*)?/.exec(message.slice(at))!;
    names.add(head[1]!);
    at += head[0].length;
    if (["plural", "select", "selectordinal"].includes(head[2] ?? "")) {
      // ", CASE {text} CASE {text} …}": each case's text may hold arguments of its own.
      while (at < message.length && message[at] !== "}") {
        if (message[at] === "{") {
          at += 1;
          text();
        }
        at += 1;
      }
    } else {
      while (at < message.length && message[at] !== "}") at += 1;
    }
    at += 1;
  }
  while (at < message.length) {
    text();
    at += 1;
  }
  return [...names].sort();
}

const namespaces = Object.entries(NAMESPACES) as unknown as [string, Record<string, Tree> & { en: Tree }][];

describe("messages", () => {
  it("reads a message's arguments, inside a plural's or a select's cases too, but not the cases' words", () => {
    expect(argumentsOf("{council}: {count, plural, one {# row from {file}} other {# rows}}")).toEqual(["council", "count", "file"]);
    expect(argumentsOf("It is {status, select, DRAFT {draft} ACTIVE {active} other {{status}}}.")).toEqual(["status"]);
    expect(argumentsOf("Mae {status, select, DRAFT {yn ddrafft} other {{other}}}")).not.toEqual(argumentsOf("Is {status, select, DRAFT {draft} other {{status}}}"));
  });

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
