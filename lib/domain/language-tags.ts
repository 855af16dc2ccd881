// BCP 47 language tags of partners' own-language names: checked and put in canonical form (sr-cyrl →
// sr-Cyrl), and the direction their script is written in, for `dir` beside `lang`. Pure.

/** Scripts written right to left (ISO 15924), and languages whose default script is. */
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Samr", "Mand", "Yezi"]);
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "syr", "arc", "ku-arab"]);

/** The canonical form of a well-formed BCP 47 tag ("SR-cyrl" → "sr-Cyrl"), or null when it is not one. */
export function canonicalLanguageTag(tag: string): string | null {
  const trimmed = tag.trim();
  // A language of 2–3 letters (the 5–8 letter form RFC 5646 reserves has no registered language:
  // "German" is a name, not a tag), then subtags of 1–8 letters or digits; Intl checks the rest.
  if (trimmed.length > 35 || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/** The primary language subtag, lower case ("sr-Cyrl-RS" → "sr"). */
export function primaryLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** The script subtag if the tag names one ("sr-Cyrl" → "Cyrl"). */
export function scriptOf(tag: string): string | null {
  const script = tag.split("-").slice(1).find((subtag) => /^[A-Za-z]{4}$/.test(subtag));
  return script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : null;
}

/** Whether text in this language is written right to left: by its script, else by the language's usual script. */
export function textDirection(tag: string): "rtl" | "ltr" {
  const script = scriptOf(tag);
  if (script) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(primaryLanguage(tag)) ? "rtl" : "ltr";
}

/** The language's name in the reader's language ("de" in Welsh: "Almaeneg"), else the tag itself. */
export function languageName(tag: string, readerTag: string): string {
  try {
    return new Intl.DisplayNames([readerTag], { type: "language", fallback: "code" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
