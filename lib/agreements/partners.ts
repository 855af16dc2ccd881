import type { Tx } from "@/lib/db";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { partnerIdentityKey, slugify } from "@/lib/domain/partner-identity";
import type { CreateAgreementInput } from "@/lib/domain/validation/agreement";

// The pure naming rules live in lib/domain/partner-identity.ts; re-exported for existing callers.
export { partnerIdentityKey, slugify };

type PartnerFields = Pick<
  CreateAgreementInput,
  "partnerName" | "country" | "region" | "localityKind" | "latitude" | "longitude" | "population" | "website" | "localName" | "localNameLanguage" | "wikidataId" | "feedUrl"
>;

/** A partner's columns from the form's (or an imported row's) fields: the one mapping of both. */
export function partnerData(input: PartnerFields) {
  const country = input.country ?? null;
  return {
    name: input.partnerName,
    country,
    region: input.region ?? null,
    kind: input.localityKind,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    population: input.population ?? null,
    website: input.website ?? null,
    // Both or neither (the form's schema checks it; a CHECK constraint too).
    localName: input.localName && input.localNameLanguage ? input.localName : null,
    localNameLanguage: input.localName && input.localNameLanguage ? input.localNameLanguage : null,
    wikidataId: input.wikidataId ?? null,
    feedUrl: input.feedUrl ?? null,
    identityKey: partnerIdentityKey(input.partnerName, country),
  };
}

/** The chosen partner, the existing one with this name and country, or a new one. */
export async function findOrCreatePartner(tx: Tx, input: PartnerFields & { partnerId?: string }): Promise<{ id: string; name: string; created: boolean }> {
  if (input.partnerId) {
    const chosen = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true, name: true } });
    if (!chosen) throw new AppError("VALIDATION", REFUSED.partnerMissing, { partnerId: [REFUSED.partnerMissing] });
    return { ...chosen, created: false };
  }
  const data = partnerData(input);
  const existing = await tx.partner.findUnique({ where: { identityKey: data.identityKey }, select: { id: true, name: true } });
  if (existing) return { ...existing, created: false };
  const partner = await tx.partner.create({ data: { ...data, slug: await uniqueSlug(tx, data.name, data.country) }, select: { id: true, name: true } });
  return { ...partner, created: true };
}

/** Updates a partner's details from a draft's form (a draft's partner is still the officer's to shape). */
export async function updatePartner(tx: Tx, partnerId: string, input: PartnerFields): Promise<void> {
  const data = partnerData(input);
  const clash = await tx.partner.findUnique({ where: { identityKey: data.identityKey }, select: { id: true } });
  if (clash && clash.id !== partnerId) {
    const message = "Another partner already has this name and country: choose it as the existing partner instead";
    throw new AppError("VALIDATION", message, { partnerName: [message] });
  }
  await tx.partner.update({ where: { id: partnerId }, data });
}

async function uniqueSlug(tx: Tx, name: string, country: string | null): Promise<string> {
  const base = slugify(name);
  const candidates = [base, country ? `${base}-${country.toLowerCase()}` : null].filter((slug): slug is string => slug !== null);
  for (const slug of candidates) {
    if (!(await tx.partner.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  const taken = await tx.partner.count({ where: { slug: { startsWith: `${base}-` } } });
  for (let suffix = taken + 2; ; suffix += 1) {
    const slug = `${base}-${suffix}`;
    if (!(await tx.partner.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}
