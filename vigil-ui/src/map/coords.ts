/**
 * Coordinates on screen. Data is WGS-84; an intranet tile server drawn in GCJ-02 (AMap-style) needs
 * every overlay shifted the same way, so all layers go through `display()`.
 */
import { mapSettings } from './settings'

const A = 6378245.0
const EE = 0.00669342162296594323

function outOfChina(lon: number, lat: number) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
}
function tLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}
function tLon(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** WGS-84 → GCJ-02 (the published offset algorithm); identity outside China. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (outOfChina(lon, lat)) return [lon, lat]
  let dLat = tLat(lon - 105, lat - 35)
  let dLon = tLon(lon - 105, lat - 35)
  const radLat = (lat / 180) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sq = Math.sqrt(magic)
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI)
  dLon = (dLon * 180) / ((A / sq) * Math.cos(radLat) * Math.PI)
  return [lon + dLon, lat + dLat]
}

/** [lat, lng] for Leaflet from a WGS-84 [lon, lat]. */
export function display(lon: number, lat: number): [number, number] {
  if (mapSettings.value.gcj02) {
    const [x, y] = wgs84ToGcj02(lon, lat)
    return [y, x]
  }
  return [lat, lon]
}

/** Great-circle distance in metres. */
export function distance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = 6371008.8
  const p1 = (lat1 * Math.PI) / 180
  const p2 = (lat2 * Math.PI) / 180
  const dp = p2 - p1
  const dl = ((lon2 - lon1) * Math.PI) / 180
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2
  return 2 * r * Math.asin(Math.sqrt(a))
}

/** A representative [lon, lat] of any geometry (first point of a line's middle vertex, polygon ring mean). */
export function anchor(g: GeoJSON.Geometry | null | undefined): [number, number] | null {
  if (!g) return null
  switch (g.type) {
    case 'Point': return [g.coordinates[0], g.coordinates[1]]
    case 'LineString': { const c = g.coordinates[Math.floor(g.coordinates.length / 2)]; return [c[0], c[1]] }
    case 'MultiLineString': return anchor({ type: 'LineString', coordinates: g.coordinates[0] })
    case 'Polygon': {
      const ring = g.coordinates[0]
      const n = ring.length
      return [ring.reduce((s, c) => s + c[0], 0) / n, ring.reduce((s, c) => s + c[1], 0) / n]
    }
    case 'MultiPolygon': return anchor({ type: 'Polygon', coordinates: g.coordinates[0] })
    default: return null
  }
}
