/**
 * One canvas over the map that a subclass paints from positions projected once at zoom 0, so a redraw
 * is arithmetic on typed arrays. The canvas overhangs the view by `padding` on each side, so a drag
 * shows painted content until the redraw at its end.
 */
import L from 'leaflet'

export abstract class CanvasOverlay extends L.Layer {
  protected canvas?: HTMLCanvasElement
  lastDrawMs = 0

  constructor(private readonly padding = 0.3) {
    super()
  }

  protected static project(lat: number, lng: number): L.Point {
    return L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lng), 0)
  }

  onAdd(map: L.Map) {
    this.canvas = L.DomUtil.create('canvas', `leaflet-zoom-hide ${this.className()}`) as HTMLCanvasElement
    this.canvas.style.pointerEvents = 'none'
    map.getPanes().overlayPane.appendChild(this.canvas)
    map.on('moveend zoomend resize viewreset', this.redraw, this)
    map.on('click', this.onClick, this)
    this.redraw()
    return this
  }

  onRemove(map: L.Map) {
    this.canvas?.remove()
    this.canvas = undefined
    map.off('moveend zoomend resize viewreset', this.redraw, this)
    map.off('click', this.onClick, this)
    return this
  }

  redraw() {
    const map = this._map
    if (!map || !this.canvas) return
    const t0 = performance.now()
    const view = map.getSize()
    const pad = view.multiplyBy(this.padding).round()
    const size = view.add(pad.multiplyBy(2))
    const dpr = window.devicePixelRatio || 1
    L.DomUtil.setPosition(this.canvas, map.containerPointToLayerPoint([-pad.x, -pad.y]))
    const ctx = this.canvas.getContext('2d')!
    if (this.canvas.width !== size.x * dpr || this.canvas.height !== size.y * dpr) {
      this.canvas.width = size.x * dpr
      this.canvas.height = size.y * dpr
      this.canvas.style.width = `${size.x}px`
      this.canvas.style.height = `${size.y}px`
    } else {
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height)
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const origin = map.getPixelBounds().min!.subtract(pad)
    this.draw(ctx, 2 ** map.getZoom(), origin, size, map.getZoom())
    this.lastDrawMs = performance.now() - t0
  }

  /** Screen position of a zoom-0 point: `x * scale - origin.x`. */
  protected abstract draw(ctx: CanvasRenderingContext2D, scale: number, origin: L.Point, size: L.Point, zoom: number): void

  protected abstract className(): string

  /** Index of the nearest item within the tolerance of a click, or -1. */
  protected abstract hit(x: number, y: number, scale: number, origin: L.Point): number

  protected abstract picked(index: number): void

  private onClick(e: L.LeafletMouseEvent) {
    const map = this._map
    if (!map) return
    const i = this.hit(e.containerPoint.x, e.containerPoint.y, 2 ** map.getZoom(), map.getPixelBounds().min!)
    if (i >= 0) this.picked(i)
  }
}
