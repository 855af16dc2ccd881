// partners.geojson: an RFC 7946 FeatureCollection of the current partners that have a location.
// Positions are [longitude, latitude], WGS 84.
import type { Feature, FeatureCollection, Point } from "geojson";
import type { PublicLink } from "@/lib/domain/public-types";
import { partnerRecord, type PartnerRecord } from "./partners";

export type PartnerProperties = Omit<PartnerRecord, "latitude" | "longitude">;

export function partnersGeoJson(links: readonly PublicLink[], origin: string): FeatureCollection<Point, PartnerProperties> {
  const features: Feature<Point, PartnerProperties>[] = [];
  for (const link of links) {
    const { latitude, longitude, ...properties } = partnerRecord(link, origin);
    if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    features.push({ type: "Feature", id: properties.id, geometry: { type: "Point", coordinates: [longitude, latitude] }, properties });
  }
  return { type: "FeatureCollection", features };
}
