export type Licence = { name: string; url: string | null };

const KNOWN: { pattern: RegExp; url: string }[] = [
  { pattern: /open government licen[cs]e.*(v|version)\s*3/i, url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" },
  { pattern: /\bCC0\b|public domain dedication/i, url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  { pattern: /\bCC[ -]BY[ -]SA\b.*4\.0|attribution[ -]share ?alike 4\.0/i, url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  { pattern: /\bCC[ -]BY\b.*4\.0|creative commons attribution 4\.0/i, url: "https://creativecommons.org/licenses/by/4.0/" },
  { pattern: /open data commons open database licen[cs]e|\bODbL\b/i, url: "https://opendatacommons.org/licenses/odbl/1-0/" },
];

/** The licence named in the council settings, with the address of its text when it is a well-known one. */
export function licenceOf(setting: string): Licence {
  const name = setting.trim() || "Open Government Licence v3.0";
  if (/^https?:\/\/\S+$/i.test(name)) return { name, url: name };
  return { name, url: KNOWN.find((known) => known.pattern.test(name))?.url ?? null };
}
