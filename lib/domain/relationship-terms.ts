// What a link is called in the partner's language: a partner whose own-language name is German
// calls its link with us a Städtepartnerschaft, a French one a jumelage, a Japanese one 姉妹都市.
// Keyed by the language of the partner's local name (Partner.localNameLanguage); a language not
// here shows no term. Pure: the partner page and the open data read it.
import type { RelationshipType } from "@/generated/prisma/enums";
import { primaryLanguage, scriptOf } from "./language-tags";

type Terms = Partial<Record<RelationshipType, string>>;

/**
 * The term per language (a primary subtag, or language-Script where the script changes the
 * words). Twin town and sister city are one institution under two names: most languages use one
 * word for both. Only terms in established use are listed; a type left out shows nothing.
 */
export const RELATIONSHIP_TERMS: Readonly<Record<string, Terms>> = {
  ar: { TWIN_TOWN: "توأمة", SISTER_CITY: "توأمة", FRIENDSHIP_CITY: "مدينة صديقة", PARTNERSHIP: "شراكة", MEMORANDUM_OF_UNDERSTANDING: "مذكرة تفاهم" },
  cs: { TWIN_TOWN: "partnerské město", SISTER_CITY: "partnerské město", PARTNERSHIP: "partnerství", MEMORANDUM_OF_UNDERSTANDING: "memorandum o porozumění" },
  cy: { TWIN_TOWN: "gefeillio", SISTER_CITY: "gefeillio", PARTNERSHIP: "partneriaeth", MEMORANDUM_OF_UNDERSTANDING: "memorandwm cyd-ddealltwriaeth" },
  de: { TWIN_TOWN: "Städtepartnerschaft", SISTER_CITY: "Städtepartnerschaft", FRIENDSHIP_CITY: "Städtefreundschaft", PARTNERSHIP: "Partnerschaft", MEMORANDUM_OF_UNDERSTANDING: "Absichtserklärung" },
  es: { TWIN_TOWN: "hermanamiento", SISTER_CITY: "hermanamiento", FRIENDSHIP_CITY: "acuerdo de amistad", PARTNERSHIP: "asociación", MEMORANDUM_OF_UNDERSTANDING: "memorando de entendimiento" },
  fr: { TWIN_TOWN: "jumelage", SISTER_CITY: "jumelage", FRIENDSHIP_CITY: "pacte d'amitié", PARTNERSHIP: "partenariat", MEMORANDUM_OF_UNDERSTANDING: "protocole d'accord" },
  hu: { TWIN_TOWN: "testvérváros", SISTER_CITY: "testvérváros" },
  it: { TWIN_TOWN: "gemellaggio", SISTER_CITY: "gemellaggio", FRIENDSHIP_CITY: "patto di amicizia", PARTNERSHIP: "partenariato", MEMORANDUM_OF_UNDERSTANDING: "protocollo d'intesa" },
  ja: { TWIN_TOWN: "姉妹都市", SISTER_CITY: "姉妹都市", FRIENDSHIP_CITY: "友好都市", MEMORANDUM_OF_UNDERSTANDING: "覚書" },
  nl: { TWIN_TOWN: "stedenband", SISTER_CITY: "stedenband", PARTNERSHIP: "partnerschap", MEMORANDUM_OF_UNDERSTANDING: "intentieverklaring" },
  pl: { TWIN_TOWN: "miasto partnerskie", SISTER_CITY: "miasto partnerskie", FRIENDSHIP_CITY: "miasto zaprzyjaźnione", PARTNERSHIP: "partnerstwo", MEMORANDUM_OF_UNDERSTANDING: "memorandum o porozumieniu" },
  pt: { TWIN_TOWN: "geminação", SISTER_CITY: "geminação", PARTNERSHIP: "parceria", MEMORANDUM_OF_UNDERSTANDING: "memorando de entendimento" },
  ro: { TWIN_TOWN: "oraș înfrățit", SISTER_CITY: "oraș înfrățit", PARTNERSHIP: "parteneriat" },
  ru: { TWIN_TOWN: "город-побратим", SISTER_CITY: "город-побратим", PARTNERSHIP: "партнёрство", MEMORANDUM_OF_UNDERSTANDING: "меморандум о взаимопонимании" },
  sr: { TWIN_TOWN: "збратимљени град", SISTER_CITY: "збратимљени град", PARTNERSHIP: "партнерство", MEMORANDUM_OF_UNDERSTANDING: "меморандум о разумевању" },
  "sr-Latn": { TWIN_TOWN: "zbratimljeni grad", SISTER_CITY: "zbratimljeni grad", PARTNERSHIP: "partnerstvo", MEMORANDUM_OF_UNDERSTANDING: "memorandum o razumevanju" },
  uk: { TWIN_TOWN: "місто-побратим", SISTER_CITY: "місто-побратим", PARTNERSHIP: "партнерство", MEMORANDUM_OF_UNDERSTANDING: "меморандум про взаєморозуміння" },
  zh: { TWIN_TOWN: "友好城市", SISTER_CITY: "友好城市", FRIENDSHIP_CITY: "友好交流城市", MEMORANDUM_OF_UNDERSTANDING: "谅解备忘录" },
};

/** The term for `type` in the language `tag` names (its script first: sr-Latn, then sr), or null. */
export function relationshipTerm(type: RelationshipType, tag: string | null | undefined): string | null {
  if (!tag) return null;
  const language = primaryLanguage(tag);
  const script = scriptOf(tag);
  const keys = script ? [`${language}-${script}`, language] : [language];
  for (const key of keys) {
    const terms = RELATIONSHIP_TERMS[key];
    if (terms) return terms[type] ?? null;
  }
  return null;
}
