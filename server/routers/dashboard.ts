/**
 * `dashboard` router (product.md, Dashboard): what needs the user's attention, within the pages they
 * can open and nothing else. Every number is an aggregate in the database (GROUP BY on indexed
 * columns, one round trip per widget), never rows counted in memory. Days are the viewer's days
 * (their time zone), "now" comes from `services.now()`.
 */
import { CANDIDATE_STATUSES, OPEN_CANDIDATE_STATUSES, type CandidateStatus } from '#shared/schemas/candidates.ts'
import { CALL_TYPES, type CallType } from '#shared/schemas/calls.ts'
import { BUSY_INTERVIEW_STATUSES } from '#shared/schemas/interviews.ts'
import type { Page } from '#shared/permissions/policy.ts'
import { auditVisibility } from '#server/queries/audit.ts'
import { dayKey } from '#shared/time-zone.ts'
import { localDate, startOfDay, startOfWeek } from '#server/time.server.ts'
import { pageProcedure, router } from '#server/trpc.ts'

/** Days shown by the charts. */
const CHART_DAYS = 14

interface DayCount {
  day: string
  n: number
}

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
   * callsToday, missedCallsToday, importantCalls, activeUsers. Charts: candidatesByStatus,
   * callsByDay (last 14 days, per type), interviewsByDay (next 14 days).
   */
  summary: pageProcedure('dashboard', 'read').query(async ({ ctx }) => {
    const can = (page: Page) => ctx.ability.can('read', page)
    const tz = ctx.timeZone
    const now = ctx.services.now()
    const today = startOfDay(now, tz)
    const weekStart = startOfWeek(now, tz)
    const weekEnd = startOfWeek(now, tz, 1)
    const todayKey = localDate(now, tz)
    const ts = (d: Date) => d.toISOString()

    const candidates = can('candidates')
      ? ctx.prisma.candidate.groupBy({ by: ['status'], _count: { _all: true } })
      : null

    // One scan of the interviews index covering this week and the next 14 days, grouped by local day.
    // Every status counts, as in the lists the cards link to.
    const interviewsFrom = weekStart < today ? weekStart : today
    const fortnightEnd = startOfDay(now, tz, CHART_DAYS)
    const interviewsTo = weekEnd > fortnightEnd ? weekEnd : fortnightEnd
    const interviewDays = can('interviews')
      ? ctx.prisma.$queryRaw<DayCount[]>`
          SELECT to_char((scheduled_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, count(*)::int AS n
          FROM interviews
          WHERE scheduled_at >= ${ts(interviewsFrom)}::timestamp AND scheduled_at < ${ts(interviewsTo)}::timestamp
          GROUP BY 1`
      : null

    const callsFrom = startOfDay(now, tz, -(CHART_DAYS - 1))
    const callsTo = startOfDay(now, tz, 1)
    const callDays = can('calls')
      ? ctx.prisma.$queryRaw<Array<DayCount & { type: CallType }>>`
          SELECT to_char((called_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, call_type::text AS type, count(*)::int AS n
          FROM calls
          WHERE called_at >= ${ts(callsFrom)}::timestamp AND called_at < ${ts(callsTo)}::timestamp
          GROUP BY 1, 2`
      : null
    const importantCalls = can('calls') ? ctx.prisma.call.count({ where: { isImportant: true } }) : null
    const activeUsers = can('user_management') ? ctx.prisma.user.count({ where: { active: true } }) : null

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
          where: { interviewerId: ctx.user.id, status: { in: [...BUSY_INTERVIEW_STATUSES] }, scheduledAt: { gte: today } },
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

    const [byStatus, interviewRows, callRows, important, users, upcomingInterviews, myNextInterviews, recentActivity] = await Promise.all([
      candidates,
      interviewDays,
      callDays,
      importantCalls,
      activeUsers,
      upcoming,
      mine,
      recent,
    ])

    const statusCount = (s: CandidateStatus) => byStatus?.find((r) => r.status === s)?._count._all ?? 0
    const interviewsOn = (day: string) => interviewRows?.find((r) => r.day === day)?.n ?? 0
    const weekDays = daysFrom(weekStart, 7, tz)
    const callDayKeys = daysFrom(callsFrom, CHART_DAYS, tz)
    const callsOn = (day: string, type?: CallType) => (callRows ?? []).filter((r) => r.day === day && (!type || r.type === type)).reduce((sum, r) => sum + r.n, 0)

    return {
      timeZone: tz,
      today: todayKey,
      cards: {
        openCandidates: byStatus ? OPEN_CANDIDATE_STATUSES.reduce((sum, s) => sum + statusCount(s), 0) : null,
        interviewsToday: interviewRows ? interviewsOn(todayKey) : null,
        interviewsThisWeek: interviewRows ? weekDays.reduce((sum, d) => sum + interviewsOn(d), 0) : null,
        callsToday: callRows ? callsOn(todayKey) : null,
        missedCallsToday: callRows ? callsOn(todayKey, 'missed') : null,
        importantCalls: important,
        activeUsers: users,
      },
      charts: {
        candidatesByStatus: byStatus ? CANDIDATE_STATUSES.map((status) => ({ status, count: statusCount(status) })) : null,
        callsByDay: callRows ? callDayKeys.map((day) => ({ day, ...Object.fromEntries(CALL_TYPES.map((t) => [t, callsOn(day, t)])) }) as { day: string } & Record<CallType, number>) : null,
        interviewsByDay: interviewRows ? daysFrom(today, CHART_DAYS, tz).map((day) => ({ day, count: interviewsOn(day) })) : null,
      },
      myNextInterviews,
      upcomingInterviews,
      recentActivity,
    }
  }),
})
