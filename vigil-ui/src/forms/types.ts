/** A create form described as data: FormDialog draws it, checks nothing, and lets the server have the last word. */
export interface Option { value: string; label: string }

export interface Field {
  /** the body property, dotted for nested objects (`thresholds.high`); also the `field` the server names in problems */
  key: string
  /** zh-CN and English label */
  label: string
  type?: 'text' | 'password' | 'textarea' | 'number' | 'select' | 'multi' | 'datetime' | 'list'
  options?: Option[]
  required?: boolean
  placeholder?: string
  /** shown only when this answers true for the current values */
  when?: (values: Record<string, unknown>) => boolean
}

export interface FormSpec {
  title: string
  fields: Field[]
  initial?: Record<string, unknown>
  /** sends the body; answers what the server created */
  submit: (body: Record<string, unknown>) => Promise<unknown>
}

/** The request body from the form's values: empty values left out, dotted keys nested, dates as ISO, lists split. */
export function toBody(fields: Field[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of fields) {
    if (f.when && !f.when(values)) continue
    let v = values[f.key]
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length && f.type !== 'multi')) continue
    if (v instanceof Date) v = v.toISOString()
    if (f.type === 'list' && typeof v === 'string') v = v.split(/[\s,，]+/).filter(Boolean)
    const path = f.key.split('.')
    let target = body
    for (const p of path.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]] = v
  }
  return body
}
