// A world map drawn on the server as SVG: Natural Earth 1:110m outlines (world-atlas), no tiles,
// no client JavaScript. The view fits the markers, so close neighbours stay apart.
import { geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import type { FeatureCollection, MultiPoint } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";

export type MapMarker = { id: string; name: string; label: string; href: string; latitude: number; longitude: number };

const WIDTH = 480;
const HEIGHT = 400;
const PADDING = 20;

let countries: FeatureCollection | undefined;

function worldCountries(): FeatureCollection {
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  countries ??= feature(topology, topology.objects.countries) as FeatureCollection;
  return countries;
}

/** A Natural Earth projection fitted to the markers with a margin around them (the whole world when they span it). */
function projectionFor(markers: readonly MapMarker[]): GeoProjection {
  const projection = geoNaturalEarth1();
  const extent: [[number, number], [number, number]] = [
    [PADDING, PADDING],
    [WIDTH - PADDING, HEIGHT - PADDING],
  ];
  const lons = markers.map((marker) => marker.longitude);
  const lats = markers.map((marker) => marker.latitude);
  const lonPad = Math.max((Math.max(...lons) - Math.min(...lons)) * 0.3, 14);
  const latPad = Math.max((Math.max(...lats) - Math.min(...lats)) * 0.3, 8);
  const west = Math.min(...lons) - lonPad;
  const east = Math.max(...lons) + lonPad;
  if (markers.length === 0 || east - west > 240) return projection.fitExtent(extent, { type: "Sphere" });
  const south = Math.max(Math.min(...lats) - latPad, -85);
  const north = Math.min(Math.max(...lats) + latPad, 85);
  const frame: MultiPoint = { type: "MultiPoint", coordinates: [] };
  for (let step = 0; step <= 8; step += 1) {
    const lon = west + ((east - west) * step) / 8;
    const lat = south + ((north - south) * step) / 8;
    frame.coordinates.push([lon, south], [lon, north], [west, lat], [east, lat]);
  }
  return projection
    .rotate([-(west + east) / 2, 0])
    .fitExtent(extent, frame)
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

type Box = { x0: number; y0: number; x1: number; y1: number };
type Placed = MapMarker & { x: number; y: number; text: { x: number; y: number; anchor: "start" | "end" | "middle" } | null };

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Puts each name beside its marker where it collides with nothing; a name that fits nowhere is left to the list. */
function placeLabels(points: (MapMarker & { x: number; y: number })[]): Placed[] {
  const taken: Box[] = points.map((point) => ({ x0: point.x - 8, y0: point.y - 8, x1: point.x + 8, y1: point.y + 8 }));
  return points.map((point) => {
    const width = point.name.length * 8.5 + 4;
    const candidates = [
      { x: point.x + 11, y: point.y + 5, anchor: "start" as const, box: { x0: point.x + 10, y0: point.y - 10, x1: point.x + 12 + width, y1: point.y + 10 } },
      { x: point.x - 11, y: point.y + 5, anchor: "end" as const, box: { x0: point.x - 12 - width, y0: point.y - 10, x1: point.x - 10, y1: point.y + 10 } },
      { x: point.x, y: point.y - 13, anchor: "middle" as const, box: { x0: point.x - width / 2, y0: point.y - 30, x1: point.x + width / 2, y1: point.y - 10 } },
      { x: point.x, y: point.y + 25, anchor: "middle" as const, box: { x0: point.x - width / 2, y0: point.y + 10, x1: point.x + width / 2, y1: point.y + 30 } },
    ];
    const fits = candidates.find(
      ({ box }) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= WIDTH && box.y1 <= HEIGHT && !taken.some((other) => overlaps(box, other)),
    );
    if (fits) taken.push(fits.box);
    return { ...point, text: fits ? { x: fits.x, y: fits.y, anchor: fits.anchor } : null };
  });
}

const outlines = new Map<string, string>();

/**
 * The countries' outline in this projection: drawing it costs tens of milliseconds, and most
 * views repeat (the whole world; the same partners), so the last few are kept.
 */
function outlineFor(projection: GeoProjection): string {
  const key = [projection.rotate(), projection.scale(), projection.translate(), projection.clipExtent() ?? "no clip"].join("|");
  let outline = outlines.get(key);
  if (outline === undefined) {
    outline = geoPath(projection).digits(1)(worldCountries()) ?? "";
    outlines.set(key, outline);
    if (outlines.size > 32) outlines.delete(outlines.keys().next().value!);
  }
  return outline;
}

/** The map of partners: each marker a link to the partner's page, named for screen readers. */
export function WorldMap({ markers, label }: { markers: readonly MapMarker[]; label: string }) {
  const projection = projectionFor(markers);
  const outline = outlineFor(projection);
  const points = markers.flatMap((marker) => {
    const xy = projection([marker.longitude, marker.latitude]);
    if (!xy || xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT) return [];
    return [{ ...marker, x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 }];
  });

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label} className="block h-auto w-full rounded border border-slate-300 bg-sky-50">
      <path d={outline} aria-hidden="true" className="fill-slate-200 stroke-slate-400" strokeWidth={0.6} strokeLinejoin="round" />
      {placeLabels(points).map((point) => (
        <a key={point.id} href={point.href} aria-label={point.label} className="group">
          <circle cx={point.x} cy={point.y} r={14} className="fill-transparent" />
          <circle cx={point.x} cy={point.y} r={13} className="fill-none stroke-transparent group-focus-visible:stroke-[#0b0c0c]" strokeWidth={3} />
          <circle cx={point.x} cy={point.y} r={10} className="fill-none stroke-transparent group-focus-visible:stroke-focus" strokeWidth={3} />
          <circle cx={point.x} cy={point.y} r={7} className="fill-brand stroke-white group-hover:fill-brand-dark" strokeWidth={2} />
          {point.text ? (
            <text
              x={point.text.x}
              y={point.text.y}
              textAnchor={point.text.anchor}
              className="fill-slate-900 text-[15px] font-semibold group-hover:underline"
              stroke="white"
              strokeWidth={3}
              paintOrder="stroke"
              aria-hidden="true"
            >
              {point.name}
            </text>
          ) : null}
        </a>
      ))}
    </svg>
  );
}
