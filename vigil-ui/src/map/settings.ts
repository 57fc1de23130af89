/**
 * Map settings, kept in the browser: an optional intranet XYZ tile server (off by default, so the
 * console never asks another host for anything) and whether its tiles are GCJ-02 (AMap-style).
 */
import { ref, watch } from 'vue'

export interface MapSettings { tileUrl: string; gcj02: boolean; maxZoom: number }
const stored = localStorage.getItem('vigil.map')
export const mapSettings = ref<MapSettings>({ tileUrl: '', gcj02: false, maxZoom: 18, ...(stored ? JSON.parse(stored) : {}) })
watch(mapSettings, (v) => localStorage.setItem('vigil.map', JSON.stringify(v)), { deep: true })
