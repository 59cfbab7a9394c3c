/**
 * Demo data (product.md, Demo data): one account per role, more staff, a couple of overrides, dozens of candidates,
 * interviews in the past and the coming weeks, a few hundred calls, and the audit log of the work
 * that made them (server/seed-activity.server.ts). Deterministic (seeded PRNG) and
 * idempotent: users and candidates are matched by email; interviews and calls are only added to empty
 * tables, so running it again changes nothing.
 */
import type { Db } from './db.server'
import type { CallDirection, CallOutcome, CandidateStatus, InterviewStatus, Role } from './generated/prisma/enums'
import { hashPassword } from './auth/password.server'
import { seedActivity } from './seed-activity.server'
import type { Page } from '#shared/permissions/policy.ts'
import { OPEN_CANDIDATE_STATUSES } from '#shared/vocabulary/candidates.ts'

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'admin@gatehouse.test', fullName: 'Ada Admin', role: 'admin' },
  { email: 'manager@gatehouse.test', fullName: 'Morgan Manager', role: 'manager' },
  { email: 'agent@gatehouse.test', fullName: 'Alex Agent', role: 'agent' },
  { email: 'viewer@gatehouse.test', fullName: 'Vic Viewer', role: 'viewer' },
]

export const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Oliver',
  'Sophia',
  'Elijah',
  'Mia',
  'Lucas',
  'Harper',
  'Mateo',
  'Evelyn',
  'Levi',
  'Aria',
  'Kai',
  'Chloe',
  'Ezra',
  'Nora',
  'Ravi',
  'Priya',
  'Yuki',
  'Fatima',
  'Diego',
  'Ingrid',
  'Tomasz',
  'Aisha',
  'Jonas',
  'Leila',
  'Mateus',
]
export const LAST = [
  'Garcia',
  'Smith',
  'Okafor',
  'Nguyen',
  'Kowalski',
  'Müller',
  'Rossi',
  'Tanaka',
  'Haddad',
  'Johansson',
  'Silva',
  'Brown',
  'Patel',
  'Kim',
  'Dubois',
  'Novak',
  'Ibrahim',
  'Larsen',
  'Costa',
  'Walsh',
]
export const POSITIONS = [
  'Support Agent',
  'Senior Support Agent',
  'Team Lead',
  'Quality Analyst',
  'Recruiter',
  'Sales Representative',
  'Workforce Planner',
  'Trainer',
]
/** Staff who interview (with the demo manager and admin): each gets a busy next week. */
const INTERVIEWER_ACCOUNTS: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'sam.rivera@gatehouse.test', fullName: 'Sam Rivera', role: 'manager' },
  { email: 'jordan.lee@gatehouse.test', fullName: 'Jordan Lee', role: 'agent' },
  { email: 'casey.morgan@gatehouse.test', fullName: 'Casey Morgan', role: 'manager' },
]
/** An outside interviewer: a name only, no account. */
const OUTSIDE_INTERVIEWER = 'Dr. Priya Nair'
/** Start times (UTC hours) of the day's interview slots: at least 90 minutes apart (the longest demo interview), so slots never overlap. */
const SLOT_HOURS = [9, 10.5, 13, 14.5, 16]

/** "Kai.Müller.3" -> "kai.muller.3": lower-case ASCII for demo email addresses. */
function emailSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9.]/g, '')
}

/** mulberry32: a small deterministic PRNG so every seed produces the same demo data. */
function prng(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SeedOptions {
  /** Password of every seeded account (SEED_PASSWORD). */
  password: string
  /** Demo data sizes; tests use small ones. */
  candidates?: number
  interviews?: number
  calls?: number
  extraStaff?: number
  now?: Date
}

/** Seeds the database; returns what was created in this run (all zeros on a re-run). */
export async function seedDemoData(prisma: Db, options: SeedOptions) {
  const rand = prng(20261121)
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
  // eslint-disable-next-line no-restricted-syntax -- the seed runs outside the app (prisma/seed.ts); callers with services pass `now`
  const now = options.now ?? new Date()
  const passwordHash = await hashPassword(options.password)
  const created = { users: 0, overrides: 0, candidates: 0, interviews: 0, calls: 0, activity: 0 }

  const staffRoles: Role[] = [
    'manager',
    'agent',
    'agent',
    'agent',
    'viewer',
    'agent',
    'manager',
    'viewer',
    'agent',
    'admin',
  ]
  const staff = Array.from({ length: options.extraStaff ?? 16 }, (_, i) => {
    const first = FIRST[(i * 7) % FIRST.length]!
    const last = LAST[(i * 3) % LAST.length]!
    const email = `${emailSlug(`${first}.${last}`)}@gatehouse.test`
    return { email, fullName: `${first} ${last}`, role: staffRoles[i % staffRoles.length]!, active: i % 9 !== 8 }
  })
  // Users and overrides are matched on their unique keys (email; user + page), so a re-run adds nothing.
  const accounts = [...DEMO_ACCOUNTS, ...INTERVIEWER_ACCOUNTS].map((a) => ({ ...a, active: true })).concat(staff)
  created.users = (
    await prisma.user.createMany({ data: accounts.map((a) => ({ ...a, passwordHash })), skipDuplicates: true })
  ).count

  // A couple of overrides (product.md, Demo data): the agent may open candidates, the viewer may open calls.
  const overrides: Array<{ email: string; page: Page; hasAccess: boolean }> = [
    { email: 'agent@gatehouse.test', page: 'candidates', hasAccess: true },
    { email: 'viewer@gatehouse.test', page: 'calls', hasAccess: true },
  ]
  if (staff[1]) overrides.push({ email: staff[1].email, page: 'calls', hasAccess: false })
  const ids = new Map(
    (
      await prisma.user.findMany({
        where: { email: { in: overrides.map((o) => o.email) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  )
  created.overrides = (
    await prisma.userPageAccess.createMany({
      data: overrides
        .filter((o) => ids.has(o.email))
        .map((o) => ({ userId: ids.get(o.email)!, pageName: o.page, hasAccess: o.hasAccess })),
      skipDuplicates: true,
    })
  ).count

  const statuses: CandidateStatus[] = [
    'applied',
    'applied',
    'screening',
    'screening',
    'interviewed',
    'hired',
    'rejected',
  ]
  const candidateRows = Array.from({ length: options.candidates ?? 48 }, (_, i) => {
    const first = FIRST[i % FIRST.length]!
    const last = LAST[(i * 7 + 3) % LAST.length]!
    return {
      fullName: `${first} ${last}`,
      email: `${emailSlug(`${first}.${last}.${i + 1}`)}@example.com`,
      position: pick(POSITIONS),
      status: pick(statuses),
      phone: `+1415555${String(100 + ((i * 37) % 900)).padStart(4, '0')}`,
      resumeUrl: `https://files.example.com/resumes/${i + 1}.pdf`,
      notes: i % 4 === 0 ? 'Referred by a current team member.' : null,
      createdAt: new Date(now.getTime() - Math.floor(rand() * 60) * 86400_000),
    }
  })
  created.candidates = (await prisma.candidate.createMany({ data: candidateRows, skipDuplicates: true })).count

  if ((await prisma.interview.count()) === 0) {
    created.interviews = (
      await prisma.interview.createMany({ data: await interviewRows(prisma, now, options.interviews ?? 100) })
    ).count
  }

  if ((await prisma.call.count()) === 0) {
    created.calls = (
      await prisma.call.createMany({ data: await callRows(prisma, now, rand, options.calls ?? 320) })
    ).count
  }
  // What the team did with all of it, as audit entries (once, on a log with only sign-ins).
  created.activity = await seedActivity(prisma, now)
  return created
}

const MINUTE = 60_000
const DAY = 86_400_000
/** Booking notes (written when scheduling) and scorers' comments of the demo interviews. */
const BOOKING_NOTES = [
  'Ask about weekend availability.',
  'Second round: focus on escalation handling.',
  'Candidate asked for a video link the day before.',
  'Bring the role-play script for the support scenario.',
]
const SCORE_COMMENTS = [
  'Clear communicator; handled the angry-customer role-play calmly.',
  'Strong product knowledge, needs coaching on ticket notes.',
  'Good energy but vague on past examples.',
  'Structured answers; would fit the evening shift.',
  'Struggled with the prioritisation exercise.',
]
/** Share of the demo interviews per period (the rest, after rounding, goes to the past). */
const PERIOD_SHARES = { past: 0.4, today: 0.08, week: 0.12, next: 0.28, later: 0.12 } as const
type Period = keyof typeof PERIOD_SHARES

/**
 * Demo interviews (product.md, Demo data), about `count`, relative to `now`: past ones over the last
 * 30 weekdays (completed with a score and the scorer's comment, no-shows, cancelled), one in progress
 * right now and more scheduled later today, the rest of this week, a busy next week for every
 * interviewer and the week after, so every preset of /interviews shows some. Every type, and an
 * outside interviewer. No interviewer and no candidate is ever in two overlapping interviews, and
 * scheduled ones go to open candidates (product.md, Interviews: no double-booking). Deterministic
 * for a given `now`, with its own random sequence so the interviews never shift the calls' data.
 */
async function interviewRows(prisma: Db, now: Date, count: number) {
  const rand = prng(20261201)
  const candidates = await prisma.candidate.findMany({ select: { id: true, status: true }, orderBy: { email: 'asc' } })
  const interviewers = await prisma.user.findMany({
    where: {
      email: { in: ['manager@gatehouse.test', 'admin@gatehouse.test', ...INTERVIEWER_ACCOUNTS.map((a) => a.email)] },
    },
    select: { id: true, fullName: true },
    orderBy: { email: 'asc' },
  })
  if (candidates.length === 0 || interviewers.length === 0 || count <= 0) return []
  const people = [
    ...interviewers.map((u) => ({ interviewerId: u.id as string | null, interviewerName: u.fullName })),
    { interviewerId: null, interviewerName: OUTSIDE_INTERVIEWER },
  ]
  const types = ['phone_screen', 'video', 'onsite', 'technical', 'final'] as const
  const nowMs = Math.floor(now.getTime() / MINUTE) * MINUTE
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY
  const shuffled = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[items[i], items[j]] = [items[j]!, items[i]!]
    }
    return items
  }
  type Cell = { start: number; person: number }
  /** Every (slot, person) of the weekdays among `days` (offsets from today), shuffled. */
  const cells = (days: number[]) =>
    shuffled(
      days
        .filter((d) => new Date(today + d * DAY).getUTCDay() % 6 !== 0)
        .flatMap((d) =>
          SLOT_HOURS.flatMap((h) => people.map((_, person) => ({ start: today + d * DAY + h * 3_600_000, person }))),
        ),
    )
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
  const thisWeekLeft = range(1, 7 - (today - monday) / DAY) // tomorrow to Sunday
  const nextWeek = range((monday - today) / DAY + 7, (monday - today) / DAY + 12)
  const weekAfter = range((monday - today) / DAY + 14, (monday - today) / DAY + 19)
  const pools: Record<Period, Cell[]> = {
    past: cells(range(-30, 0)),
    // Today's slots that have ended or are still ahead (one that is running is left out: see "now").
    today: cells([0]).filter((c) => c.start + 90 * MINUTE <= nowMs || c.start > nowMs + 30 * MINUTE),
    week: cells(thisWeekLeft),
    next: cells(nextWeek),
    later: cells(weekAfter),
  }
  // Next week is busy for everyone: its slots are taken person by person, round robin.
  const nextByPerson = people.map((_, person) => pools.next.filter((c) => c.person === person))
  pools.next = range(0, Math.max(...nextByPerson.map((l) => l.length))).flatMap((i) =>
    nextByPerson.flatMap((l) => (l[i] ? [l[i]] : [])),
  )

  // Right now: the first interviewer's interview started a quarter of an hour ago; three more later today.
  const fixed: Array<Cell & { mins: number; status: InterviewStatus }> = [
    { start: nowMs - 15 * MINUTE, person: 0, mins: 60, status: 'in_progress' },
  ]
  const soon = Math.ceil((nowMs + 30 * MINUTE) / (30 * MINUTE)) * 30 * MINUTE
  for (let p = 1; p < Math.min(4, people.length) && fixed.length < count; p++)
    fixed.push({ start: soon + (p - 1) * 90 * MINUTE, person: p, mins: 60, status: 'scheduled' })

  const rest = count - fixed.length
  const quota = Object.fromEntries(
    Object.entries(PERIOD_SHARES).map(([k, share]) => [k, Math.floor(rest * share)]),
  ) as Record<Period, number>
  quota.past += rest - Object.values(quota).reduce((a, b) => a + b, 0)
  const chosen = new Set<Cell>()
  for (const period of Object.keys(PERIOD_SHARES) as Period[])
    for (const cell of pools[period].slice(0, quota[period])) chosen.add(cell)
  // A period with too few weekdays left (this week on a Friday) hands its share to the others.
  for (const cell of [...pools.next, ...pools.later, ...pools.past, ...pools.week, ...pools.today])
    if (chosen.size < rest) chosen.add(cell)

  const OUTCOMES = ['completed', 'completed', 'no_show', 'completed', 'cancelled'] as const
  const planned = [
    ...fixed,
    ...[...chosen].map((c, i) => {
      const mins = [30, 45, 60, 60, 90][i % 5]!
      const ended = c.start + mins * MINUTE <= nowMs
      const status: InterviewStatus = ended ? OUTCOMES[i % OUTCOMES.length]! : i % 11 === 7 ? 'cancelled' : 'scheduled'
      return { start: c.start, person: c.person, mins, status }
    }),
  ].sort((a, b) => a.start - b.start || a.person - b.person)

  // Nobody is in two overlapping interviews: neither an interviewer nor a candidate.
  const busy = new Map<string, Array<[number, number]>>()
  const free = (key: string, from: number, to: number) => !(busy.get(key) ?? []).some(([a, b]) => a < to && from < b)
  const hold = (key: string, from: number, to: number) => busy.set(key, [...(busy.get(key) ?? []), [from, to]])
  const open = candidates.filter((c) => (OPEN_CANDIDATE_STATUSES as readonly string[]).includes(c.status))
  const cursor = { open: 0, any: 0 }
  const rows: Array<{
    candidateId: string
    interviewerId: string | null
    interviewerName: string
    scheduledAt: Date
    durationMins: number
    status: InterviewStatus
    interviewType: (typeof types)[number]
    score: number | null
    scoreComment: string | null
    notes: string | null
  }> = []
  for (const [i, p] of planned.entries()) {
    const end = p.start + p.mins * MINUTE
    if (!free(`person:${p.person}`, p.start, end)) continue
    const upcoming = p.status === 'scheduled' || p.status === 'in_progress'
    const pool = upcoming && open.length > 0 ? open : candidates
    const which = upcoming && open.length > 0 ? 'open' : 'any'
    let candidate: { id: string } | undefined
    for (let tries = 0; tries < pool.length && !candidate; tries++) {
      const c = pool[cursor[which]++ % pool.length]!
      if (free(`candidate:${c.id}`, p.start, end)) candidate = c
    }
    if (!candidate) continue
    hold(`person:${p.person}`, p.start, end)
    hold(`candidate:${candidate.id}`, p.start, end)
    const completed = p.status === 'completed'
    rows.push({
      candidateId: candidate.id,
      ...people[p.person]!,
      scheduledAt: new Date(p.start),
      durationMins: p.mins,
      status: p.status,
      interviewType: types[i % types.length]!,
      score: completed ? 1 + Math.floor(rand() * 10) : null,
      scoreComment: completed ? SCORE_COMMENTS[i % SCORE_COMMENTS.length]! : null,
      notes: i % 3 === 0 ? BOOKING_NOTES[i % BOOKING_NOTES.length]! : null,
    })
  }
  return rows
}

/** Numbers from several regions, as E.164: US, UK, Germany, France, Australia, Japan, Brazil. */
const NUMBER_PATTERNS = [
  '+1415555',
  '+1212555',
  '+44207946',
  '+4930901',
  '+3314268',
  '+6129123',
  '+8190123',
  '+551191234',
]

/**
 * Demo calls over the last 30 days (product.md, Demo data): every direction and outcome a call can
 * have (busy only outbound), mostly answered; durations as the rules allow (talk time for answered
 * calls, a message's length for voicemails, 0 for missed and busy ones); a handful important, some
 * linked to candidates, numbers from several regions, at working hours.
 */
async function callRows(prisma: Db, now: Date, rand: () => number, count: number) {
  const candidates = await prisma.candidate.findMany({
    select: { id: true, fullName: true, phone: true },
    orderBy: { email: 'asc' },
    take: 40,
  })
  const kinds: Array<{ direction: CallDirection; outcome: CallOutcome; weight: number }> = [
    { direction: 'inbound', outcome: 'answered', weight: 9 },
    { direction: 'inbound', outcome: 'missed', weight: 3 },
    { direction: 'inbound', outcome: 'voicemail', weight: 2 },
    { direction: 'outbound', outcome: 'answered', weight: 6 },
    { direction: 'outbound', outcome: 'missed', weight: 2 },
    { direction: 'outbound', outcome: 'busy', weight: 1 },
    { direction: 'outbound', outcome: 'voicemail', weight: 1 },
  ]
  const bag = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k))
  const notes = [
    'Asked for a call back about an application.',
    'Confirmed the interview time.',
    'Wants to know the salary range.',
    'Left a message with the front desk.',
  ]
  return Array.from({ length: count }, (_, i) => {
    const kind = bag[Math.floor(rand() * bag.length)]!
    const linked = candidates.length > 0 && i % 6 === 0 ? candidates[i % candidates.length]! : null
    const day = i < 12 ? 0 : Math.floor(rand() * 30) // a dozen today, the rest over the last month
    const calledAt = new Date(now.getTime() - day * 86_400_000)
    calledAt.setUTCHours(8 + Math.floor(rand() * 10), Math.floor(rand() * 60), Math.floor(rand() * 60), 0)
    if (calledAt > now) calledAt.setTime(now.getTime() - (i + 1) * 60_000)
    const talked =
      kind.outcome === 'answered'
        ? 20 + Math.floor(rand() * 1100)
        : kind.outcome === 'voicemail'
          ? 10 + Math.floor(rand() * 80)
          : 0
    return {
      callerName:
        linked?.fullName ?? `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
      callerNumber:
        linked?.phone ??
        `${NUMBER_PATTERNS[i % NUMBER_PATTERNS.length]}${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
      direction: kind.direction,
      outcome: kind.outcome,
      durationSecs: talked,
      isImportant: i % 37 === 3,
      notes: i % 9 === 0 ? notes[i % notes.length]! : null,
      calledAt,
      candidateId: linked?.id ?? null,
    }
  })
}
