/**
 * Many polylines on one canvas: vertices projected once into one typed array, lines outside the view
 * skipped by their box, vertices closer than a pixel dropped, one stroke per (colour, width).
 */
import type L from 'leaflet'
import { CanvasOverlay } from './CanvasOverlay'

export interface LineDatum { id: string; coords: [number, number][]; colour: string; weight: number }

export class LineLayer extends CanvasOverlay {
  private xs = new Float64Array(0)
  private ys = new Float64Array(0)
  private starts = new Uint32Array(1)
  private boxes = new Float64Array(0)
  private style = new Uint16Array(0)
  private styles: { colour: string; weight: number }[] = []
  private ids: string[] = []

  constructor(private readonly onPick?: (id: string) => void) {
    super()
  }

  setLines(lines: LineDatum[]) {
    const total = lines.reduce((s, l) => s + l.coords.length, 0)
    this.xs = new Float64Array(total)
    this.ys = new Float64Array(total)
    this.starts = new Uint32Array(lines.length + 1)
    this.boxes = new Float64Array(lines.length * 4)
    this.style = new Uint16Array(lines.length)
    this.ids = lines.map((l) => l.id)
    const palette = new Map<string, number>()
    let k = 0
    lines.forEach((l, i) => {
      this.starts[i] = k
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
      for (const [lat, lng] of l.coords) {
        const p = CanvasOverlay.project(lat, lng)
        this.xs[k] = p.x
        this.ys[k] = p.y
        k++
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y)
      }
      this.boxes.set([x0, y0, x1, y1], i * 4)
      const key = `${l.colour}|${l.weight}`
      let s = palette.get(key)
      if (s === undefined) { s = palette.size; palette.set(key, s); this.styles[s] = { colour: l.colour, weight: l.weight } }
      this.style[i] = s
    })
    this.starts[lines.length] = k
    this.styles.length = palette.size
    this.redraw()
    return this
  }

  protected className() { return 'vigil-lines' }

  protected draw(ctx: CanvasRenderingContext2D, scale: number, origin: L.Point, size: L.Point) {
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    const n = this.ids.length
    for (let s = 0; s < this.styles.length; s++) {
      ctx.beginPath()
      ctx.strokeStyle = this.styles[s].colour
      ctx.lineWidth = this.styles[s].weight
      for (let i = 0; i < n; i++) {
        if (this.style[i] !== s) continue
        const b = i * 4
        if (this.boxes[b + 2] * scale - origin.x < -10 || this.boxes[b] * scale - origin.x > size.x + 10
          || this.boxes[b + 3] * scale - origin.y < -10 || this.boxes[b + 1] * scale - origin.y > size.y + 10) continue
        let px = this.xs[this.starts[i]] * scale - origin.x
        let py = this.ys[this.starts[i]] * scale - origin.y
        ctx.moveTo(px, py)
        const end = this.starts[i + 1]
        for (let k = this.starts[i] + 1; k < end; k++) {
          const x = this.xs[k] * scale - origin.x
          const y = this.ys[k] * scale - origin.y
          if (k < end - 1 && Math.abs(x - px) < 1 && Math.abs(y - py) < 1) continue
          ctx.lineTo(x, y)
          px = x
          py = y
        }
      }
      ctx.stroke()
    }
  }

  protected hit(cx: number, cy: number, scale: number, origin: L.Point) {
    const tol = 6
    let best = -1
    let bestD = tol * tol
    for (let i = 0; i < this.ids.length; i++) {
      const b = i * 4
      if (this.boxes[b + 2] * scale - origin.x < cx - tol || this.boxes[b] * scale - origin.x > cx + tol
        || this.boxes[b + 3] * scale - origin.y < cy - tol || this.boxes[b + 1] * scale - origin.y > cy + tol) continue
      for (let k = this.starts[i]; k < this.starts[i + 1] - 1; k++) {
        const d = segmentDistance2(cx, cy, this.xs[k] * scale - origin.x, this.ys[k] * scale - origin.y, this.xs[k + 1] * scale - origin.x, this.ys[k + 1] * scale - origin.y)
        if (d < bestD) { bestD = d; best = i }
      }
    }
    return best
  }

  protected picked(i: number) { this.onPick?.(this.ids[i]) }
}

function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax
  const dy = by - ay
  const len = dx * dx + dy * dy
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len))
  const x = ax + t * dx - px
  const y = ay + t * dy - py
  return x * x + y * y
}
