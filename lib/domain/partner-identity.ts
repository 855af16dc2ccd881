// How a partner is named in keys and addresses. Pure: no database, no framework.

/** One partner per name and country, whatever the case or spacing. */
export function partnerIdentityKey(name: string, country: string | null): string {
  return `${name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB")}|${country ?? ""}`;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en-GB")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "partner";
}
