/** The console's create forms: which fields each endpoint takes, with the choices the caller's scope offers. */
import { api } from '../api/client'
import type { Me, Organisation } from '../api/types'
import type { FormSpec, Option } from './types'

const ROLES: Option[] = [
  { value: 'platform_admin', label: '平台管理员 platform admin' },
  { value: 'duty_officer', label: '值班员 duty officer' },
  { value: 'regulator', label: '行业主管部门 regulator' },
  { value: 'jurisdiction_officer', label: '属地监管人员 jurisdiction officer' },
  { value: 'enterprise_manager', label: '企业管理员 enterprise manager' },
  { value: 'enterprise_operator', label: '企业操作员 enterprise operator' },
]
const KINDS: Option[] = [
  { value: 'region', label: '区域 region' },
  { value: 'enterprise', label: '企业 enterprise' },
  { value: 'regulator', label: '行业主管部门 regulator' },
  { value: 'duty_center', label: '值守机构 duty center' },
]

const orgOptions = (orgs: Organisation[], kind?: string): Option[] =>
  orgs.filter((o) => !kind || o.kind === kind).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))
const ownCode = (orgs: Organisation[], me: Me | null) => orgs.find((o) => o.id === me?.organisationId)?.code

export function userForm(orgs: Organisation[], me: Me | null): FormSpec {
  const manager = me?.role === 'ENTERPRISE_MANAGER'
  return {
    title: '新建用户 New user',
    initial: manager ? { organisation: ownCode(orgs, me), role: 'enterprise_operator' } : {},
    fields: [
      { key: 'username', label: '用户名 Username', required: true },
      { key: 'displayName', label: '姓名 Display name', required: true },
      { key: 'password', label: '初始密码 Password', type: 'password', required: true },
      { key: 'role', label: '角色 Role', type: 'select', required: true, options: manager ? ROLES.filter((r) => r.value.startsWith('enterprise_')) : ROLES },
      { key: 'organisation', label: '机构 Organisation', type: 'select', options: orgOptions(manager ? orgs.filter((o) => o.id === me?.organisationId) : orgs) },
      { key: 'phone', label: '电话 Phone' },
      { key: 'email', label: '邮箱 E-mail' },
    ],
    submit: (body) => api('/users', { body }),
  }
}

export function organisationForm(orgs: Organisation[], me: Me | null, industries: Option[]): FormSpec {
  const officer = me?.role === 'JURISDICTION_OFFICER'
  const besideTree = (v: Record<string, unknown>) => v.kind === 'regulator' || v.kind === 'duty_center'
  return {
    title: '新建机构 New organisation',
    initial: { kind: officer ? 'enterprise' : 'region', industries: [] },
    fields: [
      { key: 'code', label: '编码 Code', required: true },
      { key: 'name', label: '名称 Name', required: true },
      { key: 'nameEn', label: '英文名称 English name' },
      { key: 'kind', label: '类别 Kind', type: 'select', required: true, options: officer ? KINDS.slice(0, 2) : KINDS },
      { key: 'parent', label: '上级区域 Parent region', type: 'select', options: orgOptions(orgs, 'region'), when: (v) => !besideTree(v), required: true },
      { key: 'scopeRegion', label: '监管区域 Scope region', type: 'select', options: orgOptions(orgs, 'region'), when: besideTree },
      { key: 'industries', label: '行业 Industries', type: 'multi', options: industries, when: (v) => v.kind !== 'region' && v.kind !== 'duty_center' },
      { key: 'contact', label: '联系人 Contact' },
      { key: 'phone', label: '电话 Phone' },
    ],
    submit: (body) => api('/organisations', { body }),
  }
}

export function apiKeyForm(enterprise: () => string): FormSpec {
  return {
    title: '新建接入密钥 New API key',
    fields: [{ key: 'name', label: '名称 Name', required: true, placeholder: 'gateway-1' }],
    submit: (body) => api(`/enterprises/${enterprise()}/api-keys`, { body }),
  }
}

export interface SensorTypeInfo { code: string; domain: string; name: { zh: string; en: string }; unit: string }

export function sensorForm(types: SensorTypeInfo[], orgs: Organisation[]): FormSpec {
  return {
    title: '新建监测点位 New sensor',
    fields: [
      { key: 'code', label: '编码 Code', required: true },
      { key: 'name', label: '名称 Name', required: true },
      { key: 'type', label: '类型 Type', type: 'select', required: true, options: types.map((s) => ({ value: s.code, label: `${s.name.zh} ${s.name.en} (${s.unit})` })) },
      { key: 'asset', label: '所属对象编码 Asset code', placeholder: 'PL-DG01' },
      { key: 'enterprise', label: '企业 Enterprise', type: 'select', options: orgOptions(orgs, 'enterprise'), placeholder: '默认取对象的企业 from the asset' },
      { key: 'lon', label: '经度 Longitude', type: 'number' },
      { key: 'lat', label: '纬度 Latitude', type: 'number' },
      { key: 'unit', label: '单位 Unit', placeholder: '默认取类型 type default' },
      { key: 'intervalSeconds', label: '上报周期(秒) Interval (s)', type: 'number' },
      { key: 'thresholds.high', label: '高限 High', type: 'number' },
      { key: 'thresholds.highHigh', label: '高高限 High-high', type: 'number' },
      { key: 'thresholds.low', label: '低限 Low', type: 'number' },
      { key: 'thresholds.lowLow', label: '低低限 Low-low', type: 'number' },
    ],
    submit: (body) => api('/sensors', { body }),
  }
}

export function outageForm(orgs: Organisation[], me: Me | null): FormSpec {
  const now = Date.now()
  return {
    title: '停报申报 Declare an outage',
    initial: { enterprise: ownCode(orgs, me), scope: 'enterprise', from: new Date(now), to: new Date(now + 8 * 3600e3) },
    fields: [
      { key: 'enterprise', label: '企业 Enterprise', type: 'select', required: true, options: orgOptions(orgs, 'enterprise') },
      { key: 'scope', label: '范围 Scope', type: 'select', required: true, options: [{ value: 'enterprise', label: '整个企业 whole enterprise' }, { value: 'asset', label: '监测对象 one asset' }, { value: 'sensors', label: '指定点位 some sensors' }] },
      { key: 'asset', label: '对象编码 Asset code', required: true, when: (v) => v.scope === 'asset' },
      { key: 'sensors', label: '点位编码 Sensor codes', type: 'list', required: true, placeholder: 'A-1, A-2', when: (v) => v.scope === 'sensors' },
      { key: 'from', label: '开始 From', type: 'datetime', required: true },
      { key: 'to', label: '结束 To', type: 'datetime', required: true },
      { key: 'reason', label: '原因 Reason', type: 'textarea', required: true },
    ],
    submit: (body) => api('/outages', { body }),
  }
}

export function shiftForm(orgs: Organisation[], me: Me | null): FormSpec {
  const centers = orgOptions(orgs, 'duty_center')
  const start = new Date()
  start.setMinutes(0, 0, 0)
  return {
    title: '排班 New duty shift',
    initial: { dutyCenter: ownCode(orgs.filter((o) => o.kind === 'duty_center'), me) ?? centers[0]?.value, role: 'officer', from: start, to: new Date(start.getTime() + 12 * 3600e3) },
    fields: [
      { key: 'dutyCenter', label: '值守机构 Duty center', type: 'select', required: true, options: centers },
      { key: 'username', label: '值班人员用户名 Username', required: true },
      { key: 'role', label: '值班角色 Role', type: 'select', required: true, options: [{ value: 'officer', label: '值班员 officer' }, { value: 'leader', label: '带班领导 leader' }] },
      { key: 'from', label: '开始 From', type: 'datetime', required: true },
      { key: 'to', label: '结束 To', type: 'datetime', required: true },
    ],
    submit: (body) => api('/duty/shifts', { body }),
  }
}
