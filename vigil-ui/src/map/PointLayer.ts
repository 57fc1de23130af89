/** Many points on one canvas (100,000 where one Leaflet layer per point would not keep up); one fill per colour. */
import type L from 'leaflet'
import { CanvasOverlay } from './CanvasOverlay'

export interface PointDatum { id: string; lat: number; lng: number; colour: string }

export class PointLayer extends CanvasOverlay {
  private xs = new Float64Array(0)
  private ys = new Float64Array(0)
  private colourIndex = new Uint8Array(0)
  private colours: string[] = []
  private ids: string[] = []

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
    for (let i = 0; i < n; i++) {
      const p = points[i]
      const q = CanvasOverlay.project(p.lat, p.lng)
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

  protected className() { return 'vigil-points' }

  protected draw(ctx: CanvasRenderingContext2D, scale: number, origin: L.Point, size: L.Point, zoom: number) {
    if (this.xs.length > 5000 && zoom < 14) return this.drawPixels(ctx, scale, origin)
    const r = this.radius
    const w = size.x + r
    const h = size.y + r
    const small = zoom < 11
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
  }

  /** Many points at a wide view: 3×3 squares written straight into the pixels, no path to rasterise. */
  private drawPixels(ctx: CanvasRenderingContext2D, scale: number, origin: L.Point) {
    const w = ctx.canvas.width
    const h = ctx.canvas.height
    const dpr = w / parseFloat(ctx.canvas.style.width || String(w))
    const img = ctx.createImageData(w, h)
    const px = new Uint32Array(img.data.buffer)
    const rgba = this.colours.map(abgr)
    const half = Math.max(1, Math.round(1.5 * dpr))
    for (let i = 0; i < this.xs.length; i++) {
      const x = Math.round((this.xs[i] * scale - origin.x) * dpr)
      const y = Math.round((this.ys[i] * scale - origin.y) * dpr)
      if (x < half || y < half || x >= w - half || y >= h - half) continue
      const c = rgba[this.colourIndex[i]]
      for (let dy = -half; dy < half; dy++) {
        const row = (y + dy) * w + x
        for (let dx = -half; dx < half; dx++) px[row + dx] = c
      }
    }
    ctx.putImageData(img, 0, 0)
  }

  protected hit(cx: number, cy: number, scale: number, origin: L.Point) {
    let best = -1
    let bestD = (this.radius + 4) ** 2
    for (let i = 0; i < this.xs.length; i++) {
      const dx = this.xs[i] * scale - origin.x - cx
      const dy = this.ys[i] * scale - origin.y - cy
      const d = dx * dx + dy * dy
      if (d < bestD) { bestD = d; best = i }
    }
    return best
  }

  protected picked(i: number) { this.onPick?.(this.ids[i]) }
}

/** '#rrggbb' as one little-endian RGBA pixel. */
function abgr(hex: string): number {
  const v = parseInt(hex.slice(1, 7), 16)
  return ((0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0
}
