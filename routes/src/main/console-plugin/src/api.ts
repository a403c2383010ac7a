// The hub's admin API as the console calls it: same origin, on the console's login (its session cookie). A POST
// carries the CSRF token Hawtio's pages set as the XSRF-TOKEN cookie, in the header Spring Security reads.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='))
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : undefined
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  // X-Requested-With: an ended session gets a plain 401, not the browser's password dialog.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  if (method === 'POST') {
    const token = csrfToken()
    if (token) {
      headers['X-XSRF-TOKEN'] = token
    }
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch('/api/admin' + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    const why =
      response.status === 401
        ? 'not logged in (any more): log in again'
        : response.status === 403
          ? 'not allowed for your role'
          : 'HTTP ' + response.status
    // The admin API explains a refusal in `errors` (never quoting what was sent); show that where there is one.
    const explained = await response
      .json()
      .then((answer: { errors?: string[] }) => (answer.errors ?? []).join('; '))
      .catch(() => '')
    throw new ApiError(response.status, method + ' ' + path + ': ' + (explained || why))
  }
  return (await response.json()) as T
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
}

export type Traffic = {
  received: number
  accepted: number
  rejected: number
  rejectedByCode: Record<string, number>
  delivered: number
  statusEventsOut: number
}

export type MunicipalityTraffic = {
  kommunCode: string
  name: string | null
  agreementParty: boolean
  lastHour: Traffic
  lastDay: Traffic
  lastReceivedAt: string | null
  silent: boolean
}

export type Overview = {
  generatedAt: string
  silentAfterMinutes: number
  municipalities: MunicipalityTraffic[]
}

export type Validity = 'VALID' | 'EXPIRES_SOON' | 'EXPIRED' | 'NOT_YET_VALID'

export type RegistryPage = {
  today: string
  expiresSoonDays: number
  file: string
  lastReload: { outcome: 'RELOADED' | 'REFUSED'; message: string; at: string }
  municipalities: {
    code: string
    name: string
    agreementParty: boolean
    customerNumbers: { number: string; unit: string; payerNumbers: string[]; bufferStore: boolean }[]
  }[]
  privateContractors: {
    orgNumber: string
    name: string
    agreements: {
      kommun: string
      reference: string
      validFrom: string
      validTo: string | null
      customerNumbers: string[]
      validity: Validity
      daysLeft: number | null
    }[]
  }[]
}

export type ParkedMessage = {
  deadLetterQueue: string
  jmsMessageId: string
  originQueue: string | null
  kommunCode: string | null
  messageId: string | null
  hubReference: string | null
  messageType: string | null
  failedStage: string | null
  failureReason: string | null
  parkedAt: string | null
}

export type ReplayRecord = {
  id: string
  replayedAt: string
  replayedBy: string
  via: string
  deadLetterQueue: string
  targetQueue: string
  hubReference: string | null
  kommunCode: string | null
  messageId: string | null
  failedStage: string | null
  failureReason: string | null
}

export type ReplayResult = {
  replayed: number
  replays: ReplayRecord[]
  left: number
  notReplayed: { jmsMessageId: string; reason: string }[]
}

export type TrackedMessage = {
  hubReference: string
  kommunCode: string
  messageId: string
  messageType: string | null
  customerNumber: string | null
  status: string
  receivedAt: string
}

/** One step of a message's journey: what happened, when, and its code, status, channel or authority reference. */
export type JourneyStep = { step: string; at: string; detail: string | null }

export type MessageJourney = {
  hubReference: string
  kommunCode: string
  messageId: string
  messageType: string | null
  status: string
  steps: JourneyStep[]
}

export type Me = { user: string; roles: string[]; admin: boolean }

export type IncidentReport = {
  hubReference: string
  kommunCode: string
  messageId: string
  consequence: string
  acceptedAt: string
  dueAt: string
  sentAt: string | null
  manufacturerSentAt: string | null
  confirmedAt: string | null
  authorityReference: string | null
  alertRaisedAt: string | null
}

/** An alert raised now (GET /api/admin/alerts): references and counts only. */
export type RaisedAlert = {
  code: 'BUSINESS_SILENCE' | 'REFUSAL_SPIKE' | 'SUPPLIER_DEADLINE' | 'DEAD_LETTERS' | 'INCIDENT_DEADLINE'
  subjectKind: 'kommun' | 'queue'
  subject: string
  count: number
  detail: string
  references: string[]
  raisedAt: string
  action: string
}
