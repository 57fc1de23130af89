/**
 * Many points on one canvas: positions projected once at zoom 0 into typed arrays, so a redraw is plain
 * arithmetic plus one fill per colour. Holds 100,000 points where one Leaflet layer per point would not.
 */
import L from 'leaflet'

export interface PointDatum { id: string; lat: number; lng: number; colour: string }

export class PointLayer extends L.Layer {
  private canvas?: HTMLCanvasElement
  private xs = new Float64Array(0)
  private ys = new Float64Array(0)
  private colourIndex = new Uint8Array(0)
  private colours: string[] = []
  private ids: string[] = []
  lastDrawMs = 0

  constructor(private readonly radius = 4, private readonly onPick?: (id: string) => void) {
    super()
  }

  setPoints(points: PointDatum[]) {
    const n = points.length
    this.xs = new Float64Array(n)
    this.ys = new Float64Array(n)
    this.colourIndex = new Uint8Array(n)
    this.ids = new Array(n)
    const palette = new Map<string, number>()
    const crs = L.CRS.EPSG3857
    for (let i = 0; i < n; i++) {
      const p = points[i]
      const q = crs.latLngToPoint(L.latLng(p.lat, p.lng), 0)
      this.xs[i] = q.x
      this.ys[i] = q.y
      let c = palette.get(p.colour)
      if (c === undefined) { c = palette.size; palette.set(p.colour, c) }
      this.colourIndex[i] = c
      this.ids[i] = p.id
    }
    this.colours = [...palette.keys()]
    this.redraw()
    return this
  }

  onAdd(map: L.Map) {
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-hide vigil-points') as HTMLCanvasElement
    this.canvas.style.pointerEvents = 'none'
    map.getPanes().overlayPane.appendChild(this.canvas)
    map.on('moveend zoomend resize viewreset', this.redraw, this)
    map.on('click', this.pick, this)
    this.redraw()
    return this
  }

  onRemove(map: L.Map) {
    this.canvas?.remove()
    this.canvas = undefined
    map.off('moveend zoomend resize viewreset', this.redraw, this)
    map.off('click', this.pick, this)
    return this
  }

  redraw() {
    const map = this._map
    if (!map || !this.canvas) return
    const t0 = performance.now()
    const size = map.getSize()
    const dpr = window.devicePixelRatio || 1
    const topLeft = map.containerPointToLayerPoint([0, 0])
    L.DomUtil.setPosition(this.canvas, topLeft)
    this.canvas.width = size.x * dpr
    this.canvas.height = size.y * dpr
    this.canvas.style.width = `${size.x}px`
    this.canvas.style.height = `${size.y}px`
    const ctx = this.canvas.getContext('2d')!
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const scale = 2 ** map.getZoom()
    const origin = map.getPixelBounds().min!
    const r = this.radius
    const w = size.x + r
    const h = size.y + r
    const small = map.getZoom() < 11
    for (let c = 0; c < this.colours.length; c++) {
      ctx.beginPath()
      ctx.fillStyle = this.colours[c]
      for (let i = 0; i < this.xs.length; i++) {
        if (this.colourIndex[i] !== c) continue
        const x = this.xs[i] * scale - origin.x
        const y = this.ys[i] * scale - origin.y
        if (x < -r || y < -r || x > w || y > h) continue
        if (small) ctx.rect(x - 1.5, y - 1.5, 3, 3)
        else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, Math.PI * 2) }
      }
      ctx.fill()
    }
    this.lastDrawMs = performance.now() - t0
  }

  private pick(e: L.LeafletMouseEvent) {
    if (!this.onPick || !this._map) return
    const scale = 2 ** this._map.getZoom()
    const origin = this._map.getPixelBounds().min!
    const cp = e.containerPoint
    let best = -1
    let bestD = (this.radius + 4) ** 2
    for (let i = 0; i < this.xs.length; i++) {
      const dx = this.xs[i] * scale - origin.x - cp.x
      const dy = this.ys[i] * scale - origin.y - cp.y
      const d = dx * dx + dy * dy
      if (d < bestD) { bestD = d; best = i }
    }
    if (best >= 0) this.onPick(this.ids[best])
  }
}
