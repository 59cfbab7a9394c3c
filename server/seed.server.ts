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

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'admin@gatehouse.test', fullName: 'Ada Admin', role: 'admin' },
  { email: 'manager@gatehouse.test', fullName: 'Morgan Manager', role: 'manager' },
  { email: 'agent@gatehouse.test', fullName: 'Alex Agent', role: 'agent' },
  { email: 'viewer@gatehouse.test', fullName: 'Vic Viewer', role: 'viewer' },
]

export const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'Lucas', 'Harper', 'Mateo', 'Evelyn', 'Levi', 'Aria', 'Kai', 'Chloe', 'Ezra', 'Nora', 'Ravi', 'Priya', 'Yuki', 'Fatima', 'Diego', 'Ingrid', 'Tomasz', 'Aisha', 'Jonas', 'Leila', 'Mateus']
export const LAST = ['Garcia', 'Smith', 'Okafor', 'Nguyen', 'Kowalski', 'Müller', 'Rossi', 'Tanaka', 'Haddad', 'Johansson', 'Silva', 'Brown', 'Patel', 'Kim', 'Dubois', 'Novak', 'Ibrahim', 'Larsen', 'Costa', 'Walsh']
export const POSITIONS = ['Support Agent', 'Senior Support Agent', 'Team Lead', 'Quality Analyst', 'Recruiter', 'Sales Representative', 'Workforce Planner', 'Trainer']
/** Staff who interview (with the demo manager and admin): each gets a busy next week. */
const INTERVIEWER_ACCOUNTS: ReadonlyArray<{ email: string; fullName: string; role: Role }> = [
  { email: 'sam.rivera@gatehouse.test', fullName: 'Sam Rivera', role: 'manager' },
  { email: 'jordan.lee@gatehouse.test', fullName: 'Jordan Lee', role: 'agent' },
  { email: 'casey.morgan@gatehouse.test', fullName: 'Casey Morgan', role: 'manager' },
]
/** An outside interviewer: a name only, no account. */
const OUTSIDE_INTERVIEWER = 'Dr. Priya Nair'
/** Start times (UTC hours) of the day's interview slots: 90 minutes apart, so slots never overlap. */
const SLOT_HOURS = [9, 10.5, 13, 14.5, 16]

/** "Kai.Müller.3" -> "kai.muller.3": lower-case ASCII for demo email addresses. */
function emailSlug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '')
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
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
  const now = options.now ?? new Date()
  const passwordHash = await hashPassword(options.password)
  const created = { users: 0, overrides: 0, candidates: 0, interviews: 0, calls: 0, activity: 0 }

  const staffRoles: Role[] = ['manager', 'agent', 'agent', 'agent', 'viewer', 'agent', 'manager', 'viewer', 'agent', 'admin']
  const staff = Array.from({ length: options.extraStaff ?? 16 }, (_, i) => {
    const first = FIRST[(i * 7) % FIRST.length]!
    const last = LAST[(i * 3) % LAST.length]!
    const email = `${emailSlug(`${first}.${last}`)}@gatehouse.test`
    return { email, fullName: `${first} ${last}`, role: staffRoles[i % staffRoles.length]!, active: i % 9 !== 8 }
  })
  // Users and overrides are matched on their unique keys (email; user + page), so a re-run adds nothing.
  const accounts = [...DEMO_ACCOUNTS, ...INTERVIEWER_ACCOUNTS].map((a) => ({ ...a, active: true })).concat(staff)
  created.users = (await prisma.user.createMany({ data: accounts.map((a) => ({ ...a, passwordHash })), skipDuplicates: true })).count

  // A couple of overrides (product.md, Demo data): the agent may open candidates, the viewer may open calls.
  const overrides: Array<{ email: string; page: Page; hasAccess: boolean }> = [
    { email: 'agent@gatehouse.test', page: 'candidates', hasAccess: true },
    { email: 'viewer@gatehouse.test', page: 'calls', hasAccess: true },
  ]
  if (staff[1]) overrides.push({ email: staff[1].email, page: 'calls', hasAccess: false })
  const ids = new Map(
    (await prisma.user.findMany({ where: { email: { in: overrides.map((o) => o.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  )
  created.overrides = (
    await prisma.userPageAccess.createMany({
      data: overrides.filter((o) => ids.has(o.email)).map((o) => ({ userId: ids.get(o.email)!, pageName: o.page, hasAccess: o.hasAccess })),
      skipDuplicates: true,
    })
  ).count

  const statuses: CandidateStatus[] = ['applied', 'applied', 'screening', 'screening', 'interviewed', 'hired', 'rejected']
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
    created.interviews = (await prisma.interview.createMany({ data: await interviewRows(prisma, now, rand, options.interviews ?? 72) })).count
  }

  if ((await prisma.call.count()) === 0) {
    created.calls = (await prisma.call.createMany({ data: await callRows(prisma, now, rand, options.calls ?? 320) })).count
  }
  // What the team did with all of it, as audit entries (once, on a log with only sign-ins).
  created.activity = await seedActivity(prisma, now)
  return created
}

/**
 * Demo interviews: past ones (completed with scores, cancelled, no-shows), today's (one in progress),
 * and scheduled ones over the next three weeks with a busy next week for every interviewer; every
 * type, and an outside interviewer. Each interviewer's slots never overlap (product.md, Interviews).
 */
async function interviewRows(prisma: Db, now: Date, rand: () => number, count: number) {
  const candidates = await prisma.candidate.findMany({ select: { id: true }, orderBy: { email: 'asc' } })
  const interviewers = await prisma.user.findMany({
    where: { email: { in: ['manager@gatehouse.test', 'admin@gatehouse.test', ...INTERVIEWER_ACCOUNTS.map((a) => a.email)] } },
    select: { id: true, fullName: true },
    orderBy: { email: 'asc' },
  })
  if (candidates.length === 0 || interviewers.length === 0) return []
  const people = [...interviewers.map((u) => ({ interviewerId: u.id as string | null, interviewerName: u.fullName })), { interviewerId: null, interviewerName: OUTSIDE_INTERVIEWER }]
  const types = ['phone_screen', 'video', 'onsite', 'technical', 'final'] as const
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const used = new Set<string>()
  const rows: Array<{
    candidateId: string; interviewerId: string | null; interviewerName: string; scheduledAt: Date; durationMins: number
    status: InterviewStatus; interviewType: (typeof types)[number]; score: number | null; notes: string | null
  }> = []
  // Next week (Monday to Friday) is busy: three slots a day for each interviewer.
  const plan: Array<{ day: number; person: number; slot: number }> = []
  const nextMonday = (8 - new Date(today).getUTCDay()) % 7 || 7
  if (count >= 40) {
    for (let day = nextMonday; day < nextMonday + 5; day++) for (let person = 0; person < people.length; person++) for (const slot of [0, 2, 3]) plan.push({ day, person, slot })
  }
  // Spread over the last 30 and the next 14 days, never today (today has its own few, below).
  while (plan.length < count) {
    const day = Math.floor(rand() * 44) - 30
    plan.push({ day: day >= 0 ? day + 1 : day, person: Math.floor(rand() * people.length), slot: Math.floor(rand() * SLOT_HOURS.length) })
  }
  plan.push({ day: 0, person: 0, slot: -1 }) // the first interviewer is in an interview right now
  for (let person = 1; person < people.length; person++) plan.push({ day: 0, person, slot: person % SLOT_HOURS.length })
  for (const [i, p] of plan.entries()) {
    const key = `${p.day}|${p.person}|${p.slot}`
    if (used.has(key)) continue
    used.add(key)
    const scheduledAt = p.slot === -1 ? new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 15 * 60_000) : new Date(today + p.day * 86_400_000 + SLOT_HOURS[p.slot]! * 3_600_000)
    const past = scheduledAt.getTime() + 90 * 60_000 < now.getTime()
    const status: InterviewStatus = p.slot === -1 ? 'in_progress' : past ? (['completed', 'completed', 'completed', 'cancelled', 'no_show'] as const)[i % 5]! : i % 17 === 5 ? 'cancelled' : 'scheduled'
    rows.push({
      candidateId: candidates[i % candidates.length]!.id,
      ...people[p.person]!,
      scheduledAt,
      durationMins: [30, 45, 60, 60, 90][i % 5]!,
      status,
      interviewType: types[i % types.length]!,
      score: status === 'completed' ? 1 + Math.floor(rand() * 10) : null,
      notes: status === 'completed' ? 'Structured interview; strengths and concerns in the scorecard.' : null,
    })
  }
  return rows
}

/** Numbers from several regions, as E.164: US, UK, Germany, France, Australia, Japan, Brazil. */
const NUMBER_PATTERNS = ['+1415555', '+1212555', '+44207946', '+4930901', '+3314268', '+6129123', '+8190123', '+551191234']

/**
 * Demo calls over the last 30 days (product.md, Demo data): every direction and outcome a call can
 * have (busy only outbound), mostly answered; durations as the rules allow (talk time for answered
 * calls, a message's length for voicemails, 0 for missed and busy ones); a handful important, some
 * linked to candidates, numbers from several regions, at working hours.
 */
async function callRows(prisma: Db, now: Date, rand: () => number, count: number) {
  const candidates = await prisma.candidate.findMany({ select: { id: true, fullName: true, phone: true }, orderBy: { email: 'asc' }, take: 40 })
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
  const notes = ['Asked for a call back about an application.', 'Confirmed the interview time.', 'Wants to know the salary range.', 'Left a message with the front desk.']
  return Array.from({ length: count }, (_, i) => {
    const kind = bag[Math.floor(rand() * bag.length)]!
    const linked = candidates.length > 0 && i % 6 === 0 ? candidates[i % candidates.length]! : null
    const day = i < 12 ? 0 : Math.floor(rand() * 30) // a dozen today, the rest over the last month
    const calledAt = new Date(now.getTime() - day * 86_400_000)
    calledAt.setUTCHours(8 + Math.floor(rand() * 10), Math.floor(rand() * 60), Math.floor(rand() * 60), 0)
    if (calledAt > now) calledAt.setTime(now.getTime() - (i + 1) * 60_000)
    const talked = kind.outcome === 'answered' ? 20 + Math.floor(rand() * 1100) : kind.outcome === 'voicemail' ? 10 + Math.floor(rand() * 80) : 0
    return {
      callerName: linked?.fullName ?? `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
      callerNumber: linked?.phone ?? `${NUMBER_PATTERNS[i % NUMBER_PATTERNS.length]}${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
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
