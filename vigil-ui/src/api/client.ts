/** The one way the console talks to the server: same origin, bearer token, problem details as errors. */
import { ref } from 'vue'

export const token = ref<string | null>(sessionStorage.getItem('vigil.token'))

/** An RFC 9457 problem: `field` names the input at fault when the server knows it, `detail` says why. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly field?: string) {
    super(field ? `${field}: ${detail}` : detail)
  }
}

/** Reads a failed response as a problem (or its status when the body is not one). */
export async function problem(res: Response): Promise<ApiError> {
  try {
    const p = await res.json()
    return new ApiError(res.status, p.detail || p.title || `${res.status}`, p.field || p.errors?.[0]?.field)
  } catch {
    return new ApiError(res.status, `${res.status} ${res.statusText}`)
  }
}

const authHeader = (): Record<string, string> => (token.value ? { Authorization: `Bearer ${token.value}` } : {})

/** Sends a file or text as it is (multipart form or a raw body) and answers the response, which may have failed. */
export function send(path: string, body: BodyInit, contentType?: string): Promise<Response> {
  return fetch(`api/v1${path}`, { method: 'POST', headers: { ...authHeader(), ...(contentType ? { 'Content-Type': contentType } : {}) }, body })
}

/** An attachment URL the browser can open by itself: links cannot send the bearer header. */
export function openable(url: string): string {
  return url.startsWith('/api/') && token.value ? `${url.slice(1)}?access_token=${encodeURIComponent(token.value)}` : url
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
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeader() }
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
  if (!res.ok) throw await problem(res)
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
