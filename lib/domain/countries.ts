// ISO 3166-1 alpha-2 codes; English names come from the platform's ICU data.
const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".split(
    " ",
  );

const names = new Intl.DisplayNames(["en-GB"], { type: "region" });

export type Country = { code: string; name: string };

export const COUNTRIES: readonly Country[] = CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
  a.name.localeCompare(b.name, "en-GB"),
);

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code);
}

export function countryName(code: string | null | undefined): string {
  if (!code) return "No country";
  return BY_CODE.get(code)?.name ?? code;
}

/** The flag emoji for a country code (regional indicator symbols). */
export function countryFlag(code: string | null | undefined): string {
  if (!code || !BY_CODE.has(code)) return "";
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

/** The value of the country select that means "no country". */
export const NO_COUNTRY = "NONE";
export const NO_COUNTRY_LABEL = "No country (fictional or other)";
