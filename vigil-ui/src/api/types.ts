export type Level = 'red' | 'orange' | 'yellow' | 'blue'
export const LEVELS: Level[] = ['red', 'orange', 'yellow', 'blue']
export const LEVEL_COLOURS: Record<Level | 'normal', string> = {
  red: '#e5292b', orange: '#f7911d', yellow: '#f5d10a', blue: '#2f7de1', normal: '#2aa876',
}
export const levelRank = (l?: string | null) => (l ? LEVELS.indexOf(l as Level) : 99)

export type Role = 'PLATFORM_ADMIN' | 'DUTY_OFFICER' | 'REGULATOR' | 'JURISDICTION_OFFICER' | 'ENTERPRISE_MANAGER' | 'ENTERPRISE_OPERATOR'

export interface Me { id: number; username: string; displayName?: string; role: Role; organisationId?: number; organisation?: string; scope?: unknown }
export interface PageOf<T> { items: T[]; total?: number }

export interface Organisation { id: number; code: string; name: string; nameEn?: string; kind: string; parentId?: number | null; path?: string; industries?: string[] }
export interface Asset { code: string; name: string; type: string; enterprise: string; parent?: string | null; geometry?: GeoJSON.Geometry | null; domain?: string; attributes?: Record<string, unknown>; properties?: Record<string, unknown> }
export interface Sensor { code: string; name: string; type: string; enterprise: string; asset?: string; unit?: string; lon?: number; lat?: number; intervalSeconds?: number; thresholds?: { high?: number | null; highHigh?: number | null; low?: number | null; lowLow?: number | null } | null }
export interface EmergencyResource { code: string; name: string; type: string; organisation?: string; lon: number; lat: number; capacity?: string; contact?: string; phone?: string }
export interface ConstructionWork { code: string; name: string; organisation?: string; geometry?: GeoJSON.Geometry; startsAt?: string; endsAt?: string; contractor?: string; permit?: string }
export interface LatestValue { sensor: string; ts?: string; value?: number; flag?: string; unit?: string; online?: boolean; [k: string]: unknown }
export interface Reading { ts: string; value?: number; flag?: string; min?: number; max?: number; avg?: number; count?: number }

export interface TimelineEntry { at: string; actor: string; action: string; level?: string; note?: string; details?: Record<string, unknown> }
export interface Warning {
  id: number; level: Level; worstLevel?: Level; state: string; status: string; sensor?: string; asset?: string; enterprise?: string; enterpriseName?: string
  rule?: string; ruleKind?: string; domain?: string; dataQuality?: boolean; value?: number | null; threshold?: number | null
  reasonZh?: string; reasonEn?: string; count?: number; firstSeen?: string; lastSeen?: string; recoveredAt?: string | null
  deadlines?: { acknowledge?: string; feedback?: string; clear?: string } | null; overdue?: boolean; escalationTier?: number
  clearReason?: string | null; clearedAt?: string | null; clearedBy?: string | null; explanation?: Record<string, unknown> | null
  timeline?: TimelineEntry[] | null; followups?: { id: number; kind: string; organisation?: string; openedAt: string; note?: string; closedAt?: string | null }[] | null
}
export interface Delivery { recipient?: string; name?: string; audience?: string; event?: string; level?: string; noticedAt?: string; channel?: string; target?: string; status?: string; attempts?: number; lastError?: string; sentAt?: string }
export interface Desk { activeByLevel: Record<string, number>; overdueCount: number; overdue: Warning[]; onDuty: string[]; recentLog: { id: number; at: string; actor: string; kind: string; text: string; warning?: number | null }[] }
