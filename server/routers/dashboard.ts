/**
 * `dashboard` router (product.md, Dashboard): what needs the user's attention, within the pages they
 * can open and nothing else. Every number is an aggregate in the database (GROUP BY on indexed
 * columns, one round trip per widget), never rows counted in memory. Days are the viewer's days
 * (their time zone), "now" comes from `services.now()`.
 */
import { CANDIDATE_STATUSES, OPEN_CANDIDATE_STATUSES, type CandidateStatus } from '#shared/schemas/candidates.ts'
import { CALL_OUTCOMES, type CallDirection, type CallOutcome } from '#shared/vocabulary/calls.ts'
import { BUSY_INTERVIEW_STATUSES } from '#shared/schemas/interviews.ts'
import type { Page } from '#shared/permissions/policy.ts'
import { auditVisibility, withTargetState } from '#server/queries/audit.ts'
import { dayKey } from '#shared/time-zone.ts'
import { localDate, startOfDay, startOfWeek } from '#server/time.server.ts'
import { Prisma } from '#server/generated/prisma/client.ts'
import { TOTAL_CAP } from '#shared/schemas/list.ts'
import { pageProcedure, router } from '#server/trpc.ts'

/** Days shown by the charts. */
const CHART_DAYS = 14

/** A row of a chart query: `bucket` is 1-based into the query's day keys. */
interface BucketCount {
  bucket: number
  n: number
}

/** A count taken up to TOTAL_CAP + 1 rows: `{ count, capped }`, capped meaning "more than count". */
export interface CappedCount {
  count: number
  capped: boolean
}

function capped(counted: number): CappedCount {
  return counted > TOTAL_CAP ? { count: TOTAL_CAP, capped: true } : { count: counted, capped: false }
}

/**
 * SQL for the UTC instants (timestamp without zone, as stored) at which each local day in `keys`
 * ("2026-11-24") starts in `timeZone`, as an array in the keys' order: the day boundaries a chart
 * query buckets rows by, converted once per query rather than once per row.
 */
function localStarts(keys: string[], timeZone: string): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT (d::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC' FROM unnest(${keys}::text[]) WITH ORDINALITY AS u(d, i) ORDER BY i)`
}

/** Whole days from `a` to `b` (rounded, so a DST change of an hour does not matter). */
function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000)
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b)

/**
 * `n` consecutive local days ("2026-11-24") from `start`, in `timeZone`. Noon of the first day plus
 * whole days stays inside each local day across DST changes, so one zone conversion serves them all.
 */
function daysFrom(start: Date, n: number, timeZone: string): string[] {
  const noon = startOfDay(start, timeZone).getTime() + 12 * 3_600_000
  return Array.from({ length: n }, (_, i) => dayKey(new Date(noon + i * 86_400_000), timeZone))
}

export const dashboardRouter = router({
  /**
   * `{ cards, charts, myNextInterviews, upcomingInterviews, recentActivity }`; a card or chart is null
   * when the user cannot open its page. Cards: openCandidates, interviewsToday, interviewsThisWeek,
   * callsToday, missedCallsToday (inbound calls nobody answered), importantCalls, activeUsers. Charts:
   * candidatesByStatus, callsByDay (last 14 days, per outcome), interviewsByDay (next 14 days).
   */
  summary: pageProcedure('dashboard', 'read').query(async ({ ctx }) => {
    const can = (page: Page) => ctx.ability.can('read', page)
    const tz = ctx.timeZone
    const now = ctx.services.now()
    const today = startOfDay(now, tz)
    const weekStart = startOfWeek(now, tz)
    const weekEnd = startOfWeek(now, tz, 1)
    const todayKey = localDate(now, tz)

    const candidates = can('candidates')
      ? ctx.prisma.candidate.groupBy({ by: ['status'], _count: { _all: true } })
      : null

    // One scan of the interviews index covering this week and the next 14 days. Each row falls in a
    // local day by a binary search over the days' UTC starts (width_bucket), computed once per query
    // from the day keys, instead of converting every row's time to the viewer's zone. Every status
    // counts, as in the lists the cards link to.
    const interviewsFrom = weekStart < today ? weekStart : today
    const interviewKeys = daysFrom(
      interviewsFrom,
      daysBetween(interviewsFrom, maxDate(weekEnd, startOfDay(now, tz, CHART_DAYS))) + 1,
      tz,
    )
    const interviewDays = can('interviews')
      ? ctx.prisma.$queryRaw<BucketCount[]>`
          WITH b AS MATERIALIZED (SELECT ${localStarts(interviewKeys, tz)} AS starts)
          SELECT width_bucket(scheduled_at, b.starts) AS bucket, count(*)::int AS n
          FROM interviews, b
          WHERE scheduled_at >= b.starts[1] AND scheduled_at < b.starts[cardinality(b.starts)]
          GROUP BY 1`
      : null

    const callKeys = daysFrom(startOfDay(now, tz, -(CHART_DAYS - 1)), CHART_DAYS + 1, tz)
    // Per day, outcome and direction: the chart stacks outcomes, the missed card counts inbound missed.
    const callDays = can('calls')
      ? ctx.prisma.$queryRaw<Array<BucketCount & { outcome: CallOutcome; direction: CallDirection }>>`
          WITH b AS MATERIALIZED (SELECT ${localStarts(callKeys, tz)} AS starts)
          SELECT width_bucket(called_at, b.starts) AS bucket, outcome, direction, count(*)::int AS n
          FROM calls, b
          WHERE called_at >= b.starts[1] AND called_at < b.starts[cardinality(b.starts)]
          GROUP BY 1, 2, 3`
      : null
    // Counted up to the lists' cap, like the lists the cards link to (product.md, Lists: "1,000+").
    const importantCalls = can('calls')
      ? ctx.prisma.call.count({
          where: { isImportant: true },
          orderBy: [{ calledAt: 'desc' }, { id: 'desc' }],
          take: TOTAL_CAP + 1,
        })
      : null
    const activeUsers = can('user_management')
      ? ctx.prisma.user.count({
          where: { active: true },
          orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
          take: TOTAL_CAP + 1,
        })
      : null

    const interviewSelect = {
      id: true,
      scheduledAt: true,
      durationMins: true,
      interviewType: true,
      interviewerName: true,
      status: true,
      candidate: { select: { id: true, fullName: true, position: true } },
    } as const
    const upcoming = can('interviews')
      ? ctx.prisma.interview.findMany({
          where: { status: { in: [...BUSY_INTERVIEW_STATUSES] }, scheduledAt: { gte: now } },
          orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
          take: 6,
          select: interviewSelect,
        })
      : null
    const mine = can('interviews')
      ? ctx.prisma.interview.findMany({
          where: {
            interviewerId: ctx.user.id,
            status: { in: [...BUSY_INTERVIEW_STATUSES] },
            scheduledAt: { gte: today },
          },
          orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
          take: 5,
          select: interviewSelect,
        })
      : null
    const recent = ctx.prisma.auditLog.findMany({
      where: auditVisibility(ctx),
      orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
      take: 8,
      select: {
        id: true,
        action: true,
        target: true,
        targetId: true,
        targetUserId: true,
        metadata: true,
        timestamp: true,
        actor: { select: { id: true, fullName: true } },
        targetUser: { select: { id: true, fullName: true } },
      },
    })

    const [byStatus, interviewRows, callRows, important, users, upcomingInterviews, myNextInterviews, recentActivity] =
      await Promise.all([candidates, interviewDays, callDays, importantCalls, activeUsers, upcoming, mine, recent])

    const statusCount = (s: CandidateStatus) => byStatus?.find((r) => r.status === s)?._count._all ?? 0
    const interviewsOn = (day: string) => interviewRows?.find((r) => interviewKeys[r.bucket - 1] === day)?.n ?? 0
    const weekDays = daysFrom(weekStart, 7, tz)
    const callDayKeys = callKeys.slice(0, CHART_DAYS)
    const callsOn = (day: string, which: { outcome?: CallOutcome; direction?: CallDirection } = {}) =>
      (callRows ?? [])
        .filter(
          (r) =>
            callKeys[r.bucket - 1] === day &&
            (!which.outcome || r.outcome === which.outcome) &&
            (!which.direction || r.direction === which.direction),
        )
        .reduce((sum, r) => sum + r.n, 0)

    return {
      timeZone: tz,
      today: todayKey,
      cards: {
        openCandidates: byStatus ? OPEN_CANDIDATE_STATUSES.reduce((sum, s) => sum + statusCount(s), 0) : null,
        interviewsToday: interviewRows ? interviewsOn(todayKey) : null,
        interviewsThisWeek: interviewRows ? weekDays.reduce((sum, d) => sum + interviewsOn(d), 0) : null,
        callsToday: callRows ? callsOn(todayKey) : null,
        missedCallsToday: callRows ? callsOn(todayKey, { direction: 'inbound', outcome: 'missed' }) : null,
        importantCalls: important === null ? null : capped(important),
        activeUsers: users === null ? null : capped(users),
      },
      charts: {
        candidatesByStatus: byStatus
          ? CANDIDATE_STATUSES.map((status) => ({ status, count: statusCount(status) }))
          : null,
        callsByDay: callRows
          ? callDayKeys.map(
              (day) =>
                ({ day, ...Object.fromEntries(CALL_OUTCOMES.map((o) => [o, callsOn(day, { outcome: o })])) }) as {
                  day: string
                } & Record<CallOutcome, number>,
            )
          : null,
        interviewsByDay: interviewRows
          ? daysFrom(today, CHART_DAYS, tz).map((day) => ({ day, count: interviewsOn(day) }))
          : null,
      },
      myNextInterviews,
      upcomingInterviews,
      recentActivity: await withTargetState(ctx.prisma, recentActivity),
    }
  }),
})
