/**
 * Live warning changes: server-sent events (token in the query, EventSource sends no headers); when the
 * stream cannot be held, polling every 7 s. Pages subscribe with `onWarningChange`.
 */
import { ref } from 'vue'
import { api, token } from './api/client'
import type { Warning } from './api/types'

export interface WarningEvent { id: number; action: string; level: string; state: string; status: string; at: string }
type Listener = (e: WarningEvent) => void

export const liveMode = ref<'live' | 'polling' | 'offline'>('offline')
const listeners = new Set<Listener>()
let source: EventSource | null = null
let pollTimer: number | undefined
let lastSeen = new Map<number, string>()
let failures = 0

export function onWarningChange(l: Listener): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

function emit(e: WarningEvent) {
  listeners.forEach((l) => l(e))
}

export function startLive() {
  stopLive()
  if (!token.value) return
  if (typeof EventSource === 'undefined') return startPolling()
  source = new EventSource(`api/v1/stream?access_token=${encodeURIComponent(token.value)}`)
  source.addEventListener('hello', () => { liveMode.value = 'live'; failures = 0; stopPolling() })
  source.addEventListener('warning', (m) => {
    try { emit(JSON.parse((m as MessageEvent).data) as WarningEvent) } catch { /* ignore a malformed event */ }
  })
  source.onerror = () => {
    failures++
    if (failures >= 3 || source?.readyState === EventSource.CLOSED) {
      source?.close()
      source = null
      startPolling()
    }
  }
}

function startPolling() {
  if (pollTimer) return
  liveMode.value = 'polling'
  const poll = async () => {
    if (!token.value) return
    try {
      const page = await api<{ items: Warning[] }>('/warnings', { query: { size: 500 } })
      const next = new Map<number, string>()
      for (const w of page.items) {
        const sig = `${w.level}|${w.state}|${w.status}`
        next.set(w.id, sig)
        if (lastSeen.get(w.id) !== sig) emit({ id: w.id, action: 'poll', level: w.level, state: w.state, status: w.status, at: w.lastSeen ?? '' })
      }
      lastSeen = next
    } catch { liveMode.value = 'offline' }
  }
  void poll()
  pollTimer = window.setInterval(poll, 7000)
}

function stopPolling() {
  if (pollTimer) window.clearInterval(pollTimer)
  pollTimer = undefined
}

export function stopLive() {
  source?.close()
  source = null
  stopPolling()
  liveMode.value = 'offline'
}
