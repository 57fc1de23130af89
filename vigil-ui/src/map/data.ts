/** Everything the one map shows, loaded in parallel, and the risk level of each asset from active warnings. */
import { all, api, optional } from '../api/client'
import { loadOrganisations } from '../api/organisations'
import type { Asset, ConstructionWork, EmergencyResource, Level, Organisation, Reading, Sensor, Warning } from '../api/types'
import { levelRank } from '../api/types'

export interface MapData {
  organisations: Organisation[]
  assets: Asset[]
  sensors: Sensor[]
  resources: EmergencyResource[]
  works: ConstructionWork[]
  warnings: Warning[]
}

export async function loadMapData(): Promise<MapData> {
  const [organisations, assets, sensors, resources, works, warnings] = await Promise.all([
    loadOrganisations().catch(() => [] as Organisation[]),
    all<Asset>('/assets'),
    all<Sensor>('/sensors'),
    optional<{ items: EmergencyResource[] }>('/emergency-resources', { items: [] }, { size: 500 }).then((r) => r.value.items),
    optional<{ items: ConstructionWork[] }>('/construction-works', { items: [] }, { size: 500 }).then((r) => r.value.items),
    loadActiveWarnings(),
  ])
  return { organisations, assets, sensors, resources, works, warnings }
}

export async function loadActiveWarnings(): Promise<Warning[]> {
  const { value } = await optional<{ items: Warning[] }>('/warnings', { items: [] }, { state: 'active', size: 1000 })
  return value.items.filter((w) => w.status !== 'cleared')
}

export function worst(a: Level | undefined, b: Level | undefined): Level | undefined {
  if (!a) return b
  if (!b) return a
  return levelRank(a) <= levelRank(b) ? a : b
}

/** Level per asset code: its own warnings, its sensors' warnings, and every descendant's, up the parent chain. */
export function assetLevels(assets: Asset[], sensors: Sensor[], warnings: Warning[]): Map<string, Level> {
  const parent = new Map(assets.map((a) => [a.code, a.parent ?? null]))
  const sensorAsset = new Map(sensors.map((s) => [s.code, s.asset]))
  const out = new Map<string, Level>()
  for (const w of warnings) {
    let code: string | null | undefined = w.asset ?? (w.sensor ? sensorAsset.get(w.sensor) : undefined)
    for (let depth = 0; code && depth < 10; depth++) {
      out.set(code, worst(out.get(code), w.level)!)
      code = parent.get(code)
    }
  }
  // a valve chamber or station on a line colours the segments that meet at it
  for (const a of assets) {
    const level = out.get(a.code)
    if (!level || a.geometry?.type !== 'Point' || !a.parent) continue
    const [x, y] = a.geometry.coordinates
    for (const b of assets) {
      if (b.parent !== a.parent || b.geometry?.type !== 'LineString') continue
      const c = b.geometry.coordinates
      const touches = [c[0], c[c.length - 1]].some((p) => Math.abs(p[0] - x) < 5e-4 && Math.abs(p[1] - y) < 5e-4)
      if (touches) out.set(b.code, worst(out.get(b.code), level)!)
    }
  }
  return out
}

export async function latestOf(asset: string) {
  return (await optional<{ items: import('../api/types').LatestValue[] }>(`/assets/${encodeURIComponent(asset)}/latest`, { items: [] })).value.items
}

export async function readings24h(sensor: string) {
  const to = new Date()
  const from = new Date(to.getTime() - 24 * 3600 * 1000)
  const q = { from: from.toISOString(), to: to.toISOString(), resolution: '1m', limit: 2000 }
  const get = (resolution: string) => api<{ items: Reading[] }>(`/sensors/${encodeURIComponent(sensor)}/readings`, { query: { ...q, resolution } }).then((r) => r.items)
  // minute roll-ups lag behind the newest readings: a young or quiet sensor is shown raw
  const minutes = await get('1m').catch(() => [] as Reading[])
  return minutes.length >= 10 ? minutes : get('raw')
}
