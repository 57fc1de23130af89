import { api } from './client'
import type { Organisation } from './types'

/** The organisation list with kinds in lower case and each node's parent taken from its path (/1/5/9/). */
export async function loadOrganisations(): Promise<Organisation[]> {
  const res = await api<{ items: Organisation[] }>('/organisations')
  return res.items.map((o) => {
    const ids = (o.path ?? '').split('/').filter(Boolean).map(Number)
    const parent = o.parentId ?? (ids.length > 1 ? ids[ids.length - 2] : null)
    return { ...o, kind: String(o.kind).toLowerCase(), parentId: parent }
  })
}
