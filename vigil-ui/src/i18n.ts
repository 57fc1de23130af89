/** Chinese first, English beside it: one dictionary per language, `t(key)` picks the current one. */
import { ref } from 'vue'

export type Locale = 'zh-CN' | 'en'

const zh = {
  appName: '安全风险监测预警平台',
  login: '登录', logout: '退出', username: '用户名', password: '密码', loginFailed: '登录失败',
  map: '一张图', warnings: '预警中心', duty: '值班台', registry: '监测对象', admin: '系统管理',
  organisations: '组织机构', users: '用户', apiKeys: '接入密钥', assets: '监测对象', sensors: '监测点位', audit: '审计日志',
  outages: '停报申报',
  level: '级别', red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色', normal: '正常',
  state: '状态', status: '处置状态', open: '未消警', active: '活动', recovered: '已恢复',
  raised: '已生成', pushed: '已推送', acknowledged: '已签收', verifying: '核实中', handling: '处置中', feedback: '已反馈', reviewing: '待审核', cleared: '已消警',
  enterprise: '企业', jurisdiction: '属地', sensor: '点位', asset: '对象', rule: '规则', value: '数值', threshold: '阈值',
  firstSeen: '首次发生', lastSeen: '最近发生', overdue: '超时', all: '全部', search: '查询', reset: '重置',
  layers: '图层', legend: '图例', districts: '行政区划', pipelines: '管道', stations: '站场/阀室', tanks: '储罐',
  hazardSources: '重大危险源', sensorsLayer: '传感器', activeWarnings: '活动预警', construction: '施工作业', resources: '应急资源',
  owner: '责任企业', latest: '最新值', trend24h: '24 小时趋势', nearestResources: '最近应急资源', distance: '距离', noData: '暂无数据',
  detail: '详情', explanation: '预警说明', timeline: '处置时间线', deliveries: '推送记录', actions: '处置操作', readingsAround: '事件前后数据',
  acknowledge: '签收', verify: '现场核实', handle: '处置', feedbackAction: '反馈', clear: '消警', review: '审核', supervise: '督办', contact: '联系记录',
  note: '说明', reason: '原因', submit: '提交', cancel: '取消', approve: '通过', returnBack: '退回',
  handled: '已处置', false_alarm: '误报', sensor_fault: '传感器故障', maintenance: '检修',
  attachment: '附件链接', done: '操作成功', total: '合计', live: '实时', polling: '轮询', offline: '离线',
  queue: '待处置队列', onDuty: '当班人员', dutyLog: '值班日志', handover: '交接班', addLog: '记录', newAlert: '新预警',
  soundOn: '声音已开', soundOff: '声音已关', fullscreen: '全屏', age: '持续',
  code: '编码', name: '名称', type: '类型', kind: '类别', role: '角色', organisation: '机构', unit: '单位', createdAt: '创建时间',
  actor: '操作人', action: '动作', entity: '对象', time: '时间', page: '页',
  renderTime: '地图渲染', ms: '毫秒', language: 'English', domain: '行业', filters: '筛选',
  unavailable: '该功能的接口尚未提供', importFile: '导入 GeoJSON/CSV', recipient: '接收人', from: '开始', to: '结束', reject: '驳回', revoke: '吊销', revoked: '吊销时间', interval: '上报周期(秒)', channel: '渠道', attempts: '尝试次数',
  create: '新建', rotate: '轮换', copy: '复制', copied: '已复制', close: '关闭', newShift: '排班',
  secretOnce: '请立即复制并妥善保存该密钥：关闭后将不再显示，平台只保存其摘要。', secretSaved: '我已保存',
  format: '格式', chooseFile: '选择文件', content: '内容', partialImport: '部分导入', partialHint: '保存正确的行，列出被拒绝的行',
  received: '收到', stored: '已保存', rejectedRows: '拒绝', line: '行号', field: '字段', importAction: '导入',
}
export type Key = keyof typeof zh

const en: Record<Key, string> = {
  appName: 'Safety Risk Monitoring & Early Warning',
  login: 'Log in', logout: 'Log out', username: 'Username', password: 'Password', loginFailed: 'Login failed',
  map: 'One map', warnings: 'Warnings', duty: 'Duty desk', registry: 'Registry', admin: 'Administration',
  organisations: 'Organisations', users: 'Users', apiKeys: 'API keys', assets: 'Assets', sensors: 'Sensors', audit: 'Audit log',
  outages: 'Outages',
  level: 'Level', red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue', normal: 'Normal',
  state: 'State', status: 'Status', open: 'Open', active: 'Active', recovered: 'Recovered',
  raised: 'Raised', pushed: 'Pushed', acknowledged: 'Acknowledged', verifying: 'Verifying', handling: 'Handling', feedback: 'Feedback', reviewing: 'Reviewing', cleared: 'Cleared',
  enterprise: 'Enterprise', jurisdiction: 'Jurisdiction', sensor: 'Sensor', asset: 'Asset', rule: 'Rule', value: 'Value', threshold: 'Threshold',
  firstSeen: 'First seen', lastSeen: 'Last seen', overdue: 'Overdue', all: 'All', search: 'Search', reset: 'Reset',
  layers: 'Layers', legend: 'Legend', districts: 'Districts', pipelines: 'Pipelines', stations: 'Stations / valve chambers', tanks: 'Tanks',
  hazardSources: 'Major hazard sources', sensorsLayer: 'Sensors', activeWarnings: 'Active warnings', construction: 'Construction works', resources: 'Emergency resources',
  owner: 'Owner', latest: 'Latest values', trend24h: 'Last 24 h', nearestResources: 'Nearest emergency resources', distance: 'Distance', noData: 'No data',
  detail: 'Detail', explanation: 'Explanation', timeline: 'Timeline', deliveries: 'Deliveries', actions: 'Actions', readingsAround: 'Readings around the event',
  acknowledge: 'Acknowledge', verify: 'Verify on site', handle: 'Handle', feedbackAction: 'Feedback', clear: 'Clear', review: 'Review', supervise: 'Supervise', contact: 'Contact',
  note: 'Note', reason: 'Reason', submit: 'Submit', cancel: 'Cancel', approve: 'Approve', returnBack: 'Return',
  handled: 'Handled', false_alarm: 'False alarm', sensor_fault: 'Sensor fault', maintenance: 'Maintenance',
  attachment: 'Attachment URL', done: 'Done', total: 'Total', live: 'Live', polling: 'Polling', offline: 'Offline',
  queue: 'Queue', onDuty: 'On duty', dutyLog: 'Duty log', handover: 'Handover', addLog: 'Add entry', newAlert: 'New warning',
  soundOn: 'Sound on', soundOff: 'Sound off', fullscreen: 'Full screen', age: 'Age',
  code: 'Code', name: 'Name', type: 'Type', kind: 'Kind', role: 'Role', organisation: 'Organisation', unit: 'Unit', createdAt: 'Created',
  actor: 'Actor', action: 'Action', entity: 'Entity', time: 'Time', page: 'Page',
  renderTime: 'Map render', ms: 'ms', language: '中文', domain: 'Domain', filters: 'Filters',
  unavailable: 'The endpoint for this is not available yet', importFile: 'Import GeoJSON/CSV', recipient: 'Recipient', from: 'From', to: 'To', reject: 'Reject', revoke: 'Revoke', revoked: 'Revoked', interval: 'Interval (s)', channel: 'Channel', attempts: 'Attempts',
  create: 'New', rotate: 'Rotate', copy: 'Copy', copied: 'Copied', close: 'Close', newShift: 'New shift',
  secretOnce: 'Copy this key now and keep it safe: it will not be shown again; Vigil keeps only its hash.', secretSaved: 'I have saved it',
  format: 'Format', chooseFile: 'Choose file', content: 'Content', partialImport: 'Partial import', partialHint: 'store the good rows, list the refused ones',
  received: 'Received', stored: 'Stored', rejectedRows: 'Rejected', line: 'Line', field: 'Field', importAction: 'Import',
}

export const locale = ref<Locale>((localStorage.getItem('vigil.locale') as Locale) || 'zh-CN')

export function setLocale(l: Locale) {
  locale.value = l
  localStorage.setItem('vigil.locale', l)
  document.documentElement.lang = l
}

export function t(key: Key | string): string {
  const dict: Record<string, string> = locale.value === 'en' ? en : zh
  return dict[key] ?? key
}

/** Chinese with the English beside it, for labels that must read in both (legend, levels). */
export function both(key: Key): string {
  return locale.value === 'en' ? en[key] : `${zh[key]} ${en[key]}`
}
