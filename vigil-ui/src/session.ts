/** Who is logged in, and what their role lets them see and do. */
import { computed, ref } from 'vue'
import { api, setToken, token } from './api/client'
import type { Me, Role } from './api/types'

export const me = ref<Me | null>(null)

export async function login(username: string, password: string) {
  performance.mark('vigil:login-start')
  const res = await api<{ token: string }>('/auth/login', { body: { username, password } })
  setToken(res.token)
  await loadMe()
  performance.mark('vigil:login-done')
}

export async function loadMe(): Promise<Me | null> {
  if (!token.value) return null
  me.value = await api<Me>('/auth/me')
  return me.value
}

export async function logout() {
  try { await api('/auth/logout', { method: 'POST' }) } catch { /* token may already be gone */ }
  setToken(null)
  me.value = null
}

const ENTERPRISE: Role[] = ['ENTERPRISE_MANAGER', 'ENTERPRISE_OPERATOR']
export const role = computed(() => me.value?.role)
export const isEnterprise = computed(() => !!role.value && ENTERPRISE.includes(role.value))
export const isAdmin = computed(() => role.value === 'PLATFORM_ADMIN')
export const isDuty = computed(() => role.value === 'DUTY_OFFICER' || role.value === 'PLATFORM_ADMIN')
export const isSupervisor = computed(() => role.value === 'REGULATOR' || role.value === 'JURISDICTION_OFFICER' || role.value === 'PLATFORM_ADMIN')
export const canManageEnterprise = computed(() => role.value === 'ENTERPRISE_MANAGER' || role.value === 'PLATFORM_ADMIN' || role.value === 'JURISDICTION_OFFICER')

/** Which create forms the role may use, as the server decides them (it still checks the scope). */
export const canCreateUsers = computed(() => role.value === 'PLATFORM_ADMIN' || role.value === 'ENTERPRISE_MANAGER')
export const canCreateOrganisations = computed(() => role.value === 'PLATFORM_ADMIN' || role.value === 'JURISDICTION_OFFICER')
export const canDeclareOutages = computed(() => isEnterprise.value || role.value === 'PLATFORM_ADMIN' || role.value === 'JURISDICTION_OFFICER')
export const canPlanShifts = computed(() => role.value === 'PLATFORM_ADMIN' || role.value === 'DUTY_OFFICER')

/** Handling steps the status allows for the user's role; the server checks again and has the last word. */
export function allowedActions(status: string): string[] {
  const out: string[] = []
  const handler = isEnterprise.value || isAdmin.value || role.value === 'JURISDICTION_OFFICER'
  if (handler) {
    if (status === 'raised' || status === 'pushed') out.push('acknowledge')
    if (status === 'acknowledged') out.push('verify')
    if (status === 'acknowledged' || status === 'verifying') out.push('handle')
    if (['acknowledged', 'verifying', 'handling'].includes(status)) out.push('feedback')
    if (['acknowledged', 'verifying', 'handling', 'feedback'].includes(status)) out.push('clear')
  }
  if (isDuty.value && status === 'reviewing') out.push('review')
  if (isDuty.value && status !== 'cleared') out.push('contact')
  if (isSupervisor.value || isDuty.value) out.push('supervise')
  return out
}
