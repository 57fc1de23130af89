/** The one way the console talks to the server: same origin, bearer token, problem details as errors. */
import { ref } from 'vue'

export const token = ref<string | null>(sessionStorage.getItem('vigil.token'))

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export function setToken(value: string | null) {
  token.value = value
  if (value) sessionStorage.setItem('vigil.token', value)
  else sessionStorage.removeItem('vigil.token')
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Record<string, unknown> } = {}): Promise<T> {
  const q = init.query
    ? '?' + Object.entries(init.query).filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')
    : ''
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token.value) headers.Authorization = `Bearer ${token.value}`
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`api/v1${path}${q === '?' ? '' : q}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  if (res.status === 401 && token.value) {
    setToken(null)
    location.hash = '#/login'
  }
  if (!res.ok) {
    let message = `${res.status}`
    try {
      const p = await res.json()
      message = p.detail || p.title || message
    } catch { /* not JSON */ }
    throw new ApiError(res.status, message)
  }
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

/** Like `api` but answers `fallback` when the endpoint is missing or refused, so a page degrades instead of failing. */
export async function optional<T>(path: string, fallback: T, query?: Record<string, unknown>): Promise<{ value: T; available: boolean }> {
  try {
    return { value: await api<T>(path, { query }), available: true }
  } catch (e) {
    if (e instanceof ApiError && [403, 404, 405, 501].includes(e.status)) return { value: fallback, available: false }
    throw e
  }
}

/** Reads every page of a paged list (the registry pages cap at a few hundred). */
export async function all<T>(path: string, query: Record<string, unknown> = {}, size = 500): Promise<T[]> {
  const out: T[] = []
  for (let page = 0; page < 200; page++) {
    const p = await api<{ items: T[]; total?: number }>(path, { query: { ...query, page, size } })
    out.push(...p.items)
    if (p.items.length < size || (p.total !== undefined && out.length >= p.total)) break
  }
  return out
}
