/**
 * Map bench (not a test): 100,000 sensor points on the PointLayer canvas and 5,000 pipeline segments
 * on Leaflet's canvas renderer, the same layer types as the one map. `?points=&segments=` change the
 * sizes. Results land in `window.__benchResult` and on the page; `bench/map-bench.mjs` drives it.
 */
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import districts from 'virtual:districts'
import { LineLayer } from '../map/LineLayer'
import { PointLayer } from '../map/PointLayer'

const q = new URLSearchParams(location.search)
const POINTS = Number(q.get('points') ?? 100000)
const LEAFLET_LINES = q.get('lines') === 'leaflet'
const SEGMENTS = Number(q.get('segments') ?? 5000)
const COLOURS = ['#2aa876', '#2aa876', '#2aa876', '#2aa876', '#2f7de1', '#f5d10a', '#f7911d', '#e5292b']

// deterministic pseudo-random numbers, so runs are comparable
let seed = 42
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)

const out = document.getElementById('out')!
const result: Record<string, number | string> = { points: POINTS, segments: SEGMENTS }

async function frames(n: number, step: (i: number) => void): Promise<number[]> {
  const times: number[] = []
  let last = performance.now()
  for (let i = 0; i < n; i++) {
    step(i)
    await new Promise<void>((r) => requestAnimationFrame(() => r()))
    const now = performance.now()
    times.push(now - last)
    last = now
  }
  return times
}
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) }
const mean = (xs: number[]) => +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)

async function run() {
  const t0 = performance.now()
  const map = L.map('map', { preferCanvas: true, attributionControl: false }).setView([38.95, 117.6], 10)
  const renderer = L.canvas({ padding: 0.3 })
  L.geoJSON(districts, { renderer, style: { color: '#9aa9bb', weight: 1, fillOpacity: 0.1 }, interactive: false } as L.GeoJSONOptions).addTo(map)

  // 5,000 segments of 4–8 vertices across Binhai (~117.3–117.9 E, 38.6–39.3 N)
  const tSeg = performance.now()
  const data0: { id: string; coords: [number, number][]; colour: string; weight: number }[] = []
  for (let i = 0; i < SEGMENTS; i++) {
    let lon = 117.3 + rnd() * 0.6
    let lat = 38.6 + rnd() * 0.7
    const coords: [number, number][] = []
    const n = 4 + Math.floor(rnd() * 5)
    for (let k = 0; k < n; k++) { coords.push([lat, lon]); lon += (rnd() - 0.5) * 0.01; lat += (rnd() - 0.5) * 0.01 }
    data0.push({ id: `L${i}`, coords, colour: COLOURS[Math.floor(rnd() * COLOURS.length)], weight: 3 })
  }
  let lineLayer: LineLayer | undefined
  if (LEAFLET_LINES) {
    const group = L.layerGroup()
    for (const l of data0) L.polyline(l.coords, { renderer, color: l.colour, weight: l.weight }).addTo(group)
    group.addTo(map)
  } else {
    lineLayer = new LineLayer().addTo(map)
    lineLayer.setLines(data0)
  }
  result.lineRenderer = LEAFLET_LINES ? 'leaflet-canvas' : 'LineLayer'
  result.segmentsAddMs = +(performance.now() - tSeg).toFixed(0)

  const tPts = performance.now()
  const points = new PointLayer(3)
  const data = new Array(POINTS)
  for (let i = 0; i < POINTS; i++) data[i] = { id: `S${i}`, lat: 38.6 + rnd() * 0.7, lng: 117.3 + rnd() * 0.6, colour: COLOURS[Math.floor(rnd() * COLOURS.length)] }
  points.addTo(map)
  points.setPoints(data)
  result.pointsAddMs = +(performance.now() - tPts).toFixed(0)
  await new Promise((r) => requestAnimationFrame(r))
  result.firstRenderMs = +(performance.now() - t0).toFixed(0)

  // pointer-drag-like panning: the panes move by CSS transform each frame, canvases redraw on moveend
  const pan = await frames(120, (i) => map.panBy([i % 40 < 20 ? 12 : -12, 6 * Math.sin(i / 7)], { animate: false }))
  result.panFrameMeanMs = mean(pan.slice(5)); result.panFrameP95Ms = pct(pan.slice(5), 95); result.panFrameMaxMs = pct(pan.slice(5), 100)

  // zoom steps in and out (full redraw of both layers each time)
  const zooms = [10, 11, 12, 13, 12, 11, 10, 9, 10, 11, 12, 11]
  const zoom = await frames(zooms.length, (i) => map.setZoom(zooms[i], { animate: false }))
  result.zoomFrameMeanMs = mean(zoom); result.zoomFrameMaxMs = pct(zoom, 100)

  // the point layer's own full redraw at the widest view
  map.setZoom(10, { animate: false })
  const draws: number[] = []
  for (let i = 0; i < 10; i++) { points.redraw(); draws.push(points.lastDrawMs) }
  result.pointRedrawMeanMs = mean(draws)
  if (lineLayer) {
    const ld: number[] = []
    for (let i = 0; i < 10; i++) { lineLayer.redraw(); ld.push(lineLayer.lastDrawMs) }
    result.lineRedrawMeanMs = mean(ld)
  }

  // idle frames with everything on screen (what "responsive" feels like between interactions)
  const idle = await frames(60, () => {})
  result.idleFrameMeanMs = mean(idle)

  // a real mouse drag, driven from outside (bench/map-bench.mjs): frame intervals while it runs
  const w = window as unknown as Record<string, unknown>
  let dragTimes: number[] = []
  let recording = false
  w.__startFrames = () => {
    dragTimes = []
    recording = true
    let last = performance.now()
    const tick = () => { const now = performance.now(); dragTimes.push(now - last); last = now; if (recording) requestAnimationFrame(tick) }
    requestAnimationFrame(tick)
  }
  w.__stopFrames = () => {
    recording = false
    const t = dragTimes.slice(2)
    return { dragFrameMeanMs: mean(t), dragFrameP95Ms: pct(t, 95), dragFrameMaxMs: pct(t, 100), dragFrames: t.length }
  }

  result.userAgent = navigator.userAgent
  ;(window as unknown as { __benchResult: unknown }).__benchResult = result
  out.textContent = JSON.stringify(result, null, 2)
}

void run()
