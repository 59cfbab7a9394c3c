/**
 * The demo's history (product.md, Demo data): audit entries for what the seed created, as a working
 * team would have made them over the past weeks, so that the dashboard's recent activity and the
 * audit log show work — people added, candidates moved along, interviews booked and scored, calls
 * logged, access granted — and not only sign-ins. Each entry has the shape the procedures write
 * (`{ before, after }` in metadata, the same actions and targets), an actor who could have made the
 * change, a plausible IP and device, and a time in the past.
 *
 * Added once: only while the log holds nothing but sign-ins and sign-outs (a fresh install), so a
 * second run, or a database in use, gets nothing new.
 */
import type { Prisma } from './generated/prisma/client'
import { scrubMetadata } from './audit.server'
import type { Db } from './db.server'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const DEVICES = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
]

/** A row's fields as an audit entry's `after`: everything but its id and its own timestamps. */
function fieldsOf(row: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _created, updatedAt: _updated, candidate: _candidate, ...fields } = row
  return fields
}

/**
 * Adds the history of the demo data to `prisma`'s audit log, every entry before `now`. Returns the
 * number of entries added (0 when the log already holds more than sign-ins).
 */
export async function seedActivity(prisma: Db, now: Date): Promise<number> {
  const work = await prisma.auditLog.count({ where: { action: { notIn: ['login', 'logout', 'login_failed'] } } })
  if (work > 0) return 0
  const people = await prisma.user.findMany({
    select: { id: true, email: true, fullName: true, role: true },
    orderBy: { email: 'asc' },
  })
  const byEmail = new Map(people.map((p) => [p.email, p]))
  const admin = byEmail.get('admin@gatehouse.test')
  const manager = byEmail.get('manager@gatehouse.test')
  if (!admin || !manager) return 0
  const recruiters = [
    manager,
    byEmail.get('sam.rivera@gatehouse.test') ?? manager,
    byEmail.get('casey.morgan@gatehouse.test') ?? manager,
  ]
  const agents = people.filter((p) => p.role === 'agent')
  const rows: Prisma.AuditLogCreateManyInput[] = []
  let n = 0
  /** An entry by `actor` at `at` (kept before now), from one of a few office machines. */
  const entry = (
    actor: { id: string },
    at: Date,
    e: Omit<Prisma.AuditLogCreateManyInput, 'actorId' | 'timestamp' | 'ipAddress' | 'userAgent' | 'metadata'> & {
      metadata: Record<string, unknown>
    },
  ) => {
    n++
    const timestamp = new Date(Math.min(at.getTime(), now.getTime() - n * 1000))
    rows.push({
      ...e,
      metadata: scrubMetadata(e.metadata) as object,
      actorId: actor.id,
      timestamp,
      ipAddress: `10.0.4.${10 + (n % 40)}`,
      userAgent: DEVICES[n % DEVICES.length]!,
    })
  }
  const ago = (ms: number) => new Date(now.getTime() - ms)

  // People and their access: the admin set the team up a month ago.
  const demo = new Set(['admin@gatehouse.test'])
  people.forEach((p, i) => {
    if (demo.has(p.email)) return
    entry(admin, ago(35 * DAY - i * HOUR), {
      action: 'user_created',
      target: 'user',
      targetId: p.id,
      targetUserId: p.id,
      metadata: { after: { email: p.email, fullName: p.fullName, role: p.role } },
    })
  })
  const overrides = await prisma.userPageAccess.findMany({ select: { userId: true, pageName: true, hasAccess: true } })
  overrides.forEach((o, i) => {
    entry(admin, ago(34 * DAY - i * HOUR), {
      action: o.hasAccess ? 'permission_granted' : 'permission_denied',
      target: 'permission',
      targetId: o.userId,
      targetUserId: o.userId,
      metadata: {
        page: o.pageName,
        before: { state: 'inherit' },
        after: { state: o.hasAccess ? 'allow' : 'deny', access: o.hasAccess },
      },
    })
  })

  // Candidates: added by a recruiter on the day they applied, then moved along the pipeline.
  const candidates = await prisma.candidate.findMany({ orderBy: { createdAt: 'asc' } })
  candidates.forEach((c, i) => {
    const recruiter = recruiters[i % recruiters.length]!
    const added = new Date(c.createdAt.getTime() + 2 * HOUR)
    entry(recruiter, added, {
      action: 'candidate_created',
      target: 'candidate',
      targetId: c.id,
      metadata: { after: { ...fieldsOf(c), status: 'applied' } },
    })
    if (c.status !== 'applied') {
      const moved = new Date(Math.min(added.getTime() + (2 + (i % 5)) * DAY, now.getTime() - (i + 1) * HOUR))
      entry(recruiter, moved, {
        action: 'candidate_status_changed',
        target: 'candidate',
        targetId: c.id,
        metadata: { before: { status: 'applied' }, after: { status: c.status } },
      })
    }
  })

  // Interviews: booked some days ahead; past ones moved on (and scored) when they ended.
  const interviews = await prisma.interview.findMany({ orderBy: { scheduledAt: 'asc' } })
  interviews.forEach((iv, i) => {
    const booker = recruiters[i % recruiters.length]!
    const booked = new Date(
      Math.min(iv.scheduledAt.getTime() - (3 + (i % 6)) * DAY, now.getTime() - (2 + (i % 9)) * DAY),
    )
    const { score: _score, scoreComment: _comment, ...fields } = fieldsOf(iv)
    entry(booker, booked, {
      action: 'interview_scheduled',
      target: 'interview',
      targetId: iv.id,
      metadata: { after: { ...fields, status: 'scheduled' } },
    })
    if (iv.status === 'scheduled') return
    const ended = new Date(iv.scheduledAt.getTime() + iv.durationMins * 60_000)
    const when =
      iv.status === 'cancelled'
        ? new Date(Math.min(iv.scheduledAt.getTime() - HOUR, now.getTime()))
        : iv.status === 'in_progress'
          ? iv.scheduledAt
          : ended
    const interviewer = iv.interviewerId ? (people.find((p) => p.id === iv.interviewerId) ?? booker) : booker
    entry(interviewer, when, {
      action: 'interview_status_changed',
      target: 'interview',
      targetId: iv.id,
      metadata: { before: { status: 'scheduled' }, after: { status: iv.status } },
    })
    if (iv.status === 'completed' && iv.score !== null) {
      entry(interviewer, new Date(ended.getTime() + HOUR), {
        action: 'interview_scored',
        target: 'interview',
        targetId: iv.id,
        metadata: {
          before: { score: null, scoreComment: null },
          after: { score: iv.score, scoreComment: iv.scoreComment },
        },
      })
    }
  })

  // Calls: logged by the agent on the phone when the call ended.
  const calls = await prisma.call.findMany({ orderBy: { calledAt: 'asc' } })
  calls.forEach((c, i) => {
    const agent = agents.length > 0 ? agents[i % agents.length]! : manager
    entry(agent, new Date(c.calledAt.getTime() + c.durationSecs * 1000 + 60_000), {
      action: 'call_logged',
      target: 'call',
      targetId: c.id,
      metadata: { after: fieldsOf(c) },
    })
  })

  return (await prisma.auditLog.createMany({ data: rows })).count
}
