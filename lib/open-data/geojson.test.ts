import { check } from "@placemarkio/check-geojson";
import { describe, expect, it } from "vitest";
import { aLink, ORIGIN } from "./fixtures";
import { partnersGeoJson } from "./geojson";

describe("partners.geojson", () => {
  it("is a valid RFC 7946 FeatureCollection", () => {
    const collection = partnersGeoJson([aLink(), aLink({ partner: { name: "Dresden", latitude: 51.0504, longitude: 13.7373 } })], ORIGIN);
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    expect(collection.features).toHaveLength(2);
  });

  it("puts longitude first", () => {
    const collection = partnersGeoJson([aLink({ partner: { latitude: 54.3233, longitude: 10.1228 } })], ORIGIN);
    expect(collection.features[0]!.geometry.coordinates).toEqual([10.1228, 54.3233]);
  });

  it("leaves out partners with no location, and is still valid when none has one", () => {
    const collection = partnersGeoJson([aLink({ partner: { name: "Ankh-Morpork", latitude: null, longitude: null } })], ORIGIN);
    expect(collection).toEqual({ type: "FeatureCollection", features: [] });
    expect(() => check(JSON.stringify(collection))).not.toThrow();
  });

  it("names each feature by the partner's id and carries the documented properties", () => {
    const link = aLink();
    const [featureOf] = partnersGeoJson([link], ORIGIN).features;
    expect(featureOf!.id).toBe(link.partner.id);
    expect(featureOf!.properties).toMatchObject({ name: "Kiel", countryCode: "DE", relationshipType: "TWIN_TOWN" });
    expect(featureOf!.properties).not.toHaveProperty("latitude");
  });
});
