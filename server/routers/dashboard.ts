/**
 * `dashboard` router (product.md, Screens and API): stat cards, recent activity and upcoming interviews. Each part is
 * limited to what the caller's ability can read: a count for a page they cannot open is null.
 */
import { pageProcedure, router } from '#server/trpc.ts'
import { auditVisibility } from '#server/queries/audit.ts'

export const dashboardRouter = router({
  /**
   * `{ stats: { users, candidates, interviews, calls } (number | null), recentActivity (≤ 8 entries),
   *    upcomingInterviews (≤ 6, from now on, with candidate name) }`.
   */
  summary: pageProcedure('dashboard', 'read').query(async ({ ctx }) => {
    const can = (page: Parameters<typeof ctx.ability.can>[1]) => ctx.ability.can('read', page)
    const now = new Date()
    const [users, candidates, interviews, calls, recentActivity, upcomingInterviews] = await Promise.all([
      can('user_management') ? ctx.prisma.user.count() : null,
      can('candidates') ? ctx.prisma.candidate.count() : null,
      can('interviews') ? ctx.prisma.interview.count({ where: { status: 'scheduled', scheduledAt: { gte: now } } }) : null,
      can('calls') ? ctx.prisma.call.count() : null,
      ctx.prisma.auditLog.findMany({
        where: auditVisibility(ctx),
        orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
        take: 8,
        include: { actor: { select: { id: true, fullName: true } }, targetUser: { select: { id: true, fullName: true } } },
      }),
      can('interviews')
        ? ctx.prisma.interview.findMany({
            where: { status: 'scheduled', scheduledAt: { gte: now } },
            orderBy: { scheduledAt: 'asc' },
            take: 6,
            select: {
              id: true, scheduledAt: true, durationMins: true, interviewType: true, interviewerName: true,
              candidate: { select: { id: true, fullName: true, position: true } },
            },
          })
        : [],
    ])
    return { stats: { users, candidates, interviews, calls }, recentActivity, upcomingInterviews }
  }),
})
