import type { CouncilSettingsValues } from "@/lib/settings";
import type { Council } from "./twinning-links";

/** The council as the twinning-link standard names it, from its settings. */
export function councilOf(settings: Pick<CouncilSettingsValues, "councilName" | "councilCountry" | "wikidataId">): Council {
  return { name: settings.councilName, countryCode: settings.councilCountry, wikidataId: settings.wikidataId };
}

/** What the files that name the council are made from (their cache key's variant). */
export function councilVariant(council: Council): string {
  return [council.name, council.countryCode ?? "", council.wikidataId ?? ""].join("\n");
}
