/**
 * The audit log viewer's rules (product.md, Audit log): who sees what (a viewer never sees candidate
 * entries, even with another page granted), every filter, keyset pages in both directions returning
 * every row exactly once while entries arrive between pages, retention (only what is older than the
 * cut-off, and it audits itself), and the append-only trigger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '#server/routers/_app.ts'
import { purgeAuditLog } from '#server/housekeeping.server.ts'
import { DEMO, setupTestApp, type TestApp } from '#test/helpers/app.ts'
import { candidateFixture } from '#test/helpers/fixtures.ts'
import { auditTargetLink, describeAuditEntry } from '#shared/audit-text.ts'

let app: TestApp
let admin: ReturnType<typeof createCaller>
/** The app's clock: the real one unless a test moves it (completing an interview waits for its start). */
let clock: Date | null = null
beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false, now: () => clock ?? new Date() })
  admin = await app.callerFor(DEMO.admin)
})
afterAll(() => app?.close())

/** Inserts audit rows directly (the viewer's tests need many, at chosen times). */
async function entries(
  rows: Array<{
    action: string
    target: string
    timestamp: Date
    actorId?: string | null
    targetId?: string
    targetUserId?: string
  }>,
) {
  await app.prisma.auditLog.createMany({
    data: rows.map((r) => ({
      metadata: {},
      actorId: r.actorId ?? null,
      targetId: r.targetId ?? null,
      targetUserId: r.targetUserId ?? null,
      action: r.action,
      target: r.target as never,
      timestamp: r.timestamp,
    })),
  })
}

describe('who sees what', () => {
  it('a viewer never sees candidate entries, even allowed calls; a manager with user_management sees permission entries', async () => {
    const manager = await app.callerFor(DEMO.manager)
    await manager.candidates.create({
      fullName: 'Seen By Managers',
      email: 'seen.by.managers@example.com',
      position: 'Recruiter',
    })
    await admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'allow' })
    const viewer = await app.callerFor(DEMO.viewer)
    const seen = await viewer.audit.list({ limit: 100 })
    expect(seen.items.some((e) => e.target === 'candidate')).toBe(false)
    expect(seen.items.every((e) => e.target === 'call' || e.actorId === app.ids.viewer)).toBe(true)
    expect((await viewer.audit.list({ target: 'candidate' })).items).toEqual([])

    expect((await manager.audit.list({ target: 'permission' })).items).toEqual([])
    await admin.permissions.set({ userId: app.ids.manager, page: 'user_management', access: 'allow' })
    const granted = await (await app.callerFor(DEMO.manager)).audit.list({ target: 'permission' })
    expect(granted.items.length).toBeGreaterThan(0)
    await admin.permissions.set({ userId: app.ids.manager, page: 'user_management', access: 'inherit' })
    await admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'inherit' })
  })

  it('the actor picker offers non-admins only people whose entries they can see', async () => {
    const viewer = await app.callerFor(DEMO.viewer)
    await viewer.sessions.revokeOthers()
    expect((await viewer.audit.actors({})).map((a) => a.id)).toEqual([app.ids.viewer])
    expect((await admin.audit.actors({ search: 'agent@' })).map((a) => a.id)).toEqual([app.ids.agent])
  })
})

describe('filters', () => {
  it('actor, action, target, target id and time range', async () => {
    const c = await candidateFixture(app.prisma)
    const t = (d: number) => new Date(Date.UTC(2025, 4, d, 12))
    await entries([
      { action: 'candidate_created', target: 'candidate', targetId: c.id, actorId: app.ids.manager, timestamp: t(1) },
      { action: 'candidate_updated', target: 'candidate', targetId: c.id, actorId: app.ids.agent, timestamp: t(2) },
      {
        action: 'candidate_status_changed',
        target: 'candidate',
        targetId: c.id,
        actorId: app.ids.manager,
        timestamp: t(3),
      },
      {
        action: 'candidate_updated',
        target: 'candidate',
        targetId: 'another',
        actorId: app.ids.manager,
        timestamp: t(2),
      },
    ])
    const ids = async (input: Parameters<typeof admin.audit.list>[0]) =>
      (await admin.audit.list({ limit: 100, ...input })).items.map((e) => e.action)
    expect(await ids({ target: 'candidate', targetId: c.id })).toEqual([
      'candidate_status_changed',
      'candidate_updated',
      'candidate_created',
    ])
    expect(await ids({ targetId: c.id, actorId: app.ids.agent })).toEqual(['candidate_updated'])
    expect(await ids({ targetId: c.id, action: 'candidate_created' })).toEqual(['candidate_created'])
    expect(await ids({ targetId: c.id, from: t(2), to: t(3) })).toEqual(['candidate_updated'])
    expect(await ids({ target: 'candidate', from: t(2), to: new Date(Date.UTC(2025, 4, 2, 23)) })).toHaveLength(2)
  })
})

describe('keyset pages', () => {
  it('return every row exactly once, older and newer, while entries arrive between pages', async () => {
    const base = Date.UTC(2024, 0, 1)
    // 40 entries, some sharing a timestamp (ties are broken by id).
    await entries(
      Array.from({ length: 40 }, (_, i) => ({
        action: 'login',
        target: 'session',
        actorId: app.ids.agent,
        timestamp: new Date(base + Math.floor(i / 3) * 60_000),
      })),
    )
    const filter = { actorId: app.ids.agent, action: 'login' as const, to: new Date(base + 3_600_000) }
    const seen: string[] = []
    let page = await admin.audit.list({ ...filter, limit: 7 })
    const newestFirst = page.items[0]!.id
    expect(page.prevCursor).toBeNull()
    for (;;) {
      seen.push(...page.items.map((e) => e.id))
      // New entries keep arriving (newer than anything in the filter's range, and inside it).
      await entries([{ action: 'login', target: 'session', actorId: app.ids.agent, timestamp: new Date() }])
      if (!page.nextCursor) break
      page = await admin.audit.list({ ...filter, limit: 7, cursor: page.nextCursor })
    }
    expect(seen).toHaveLength(40)
    expect(new Set(seen).size).toBe(40)
    const times = (
      await app.prisma.auditLog.findMany({ where: { id: { in: seen } }, select: { id: true, timestamp: true } })
    ).map((r) => [r.id, r.timestamp.getTime()] as const)
    const order = seen.map((id) => times.find(([i]) => i === id)![1])
    expect(order).toEqual([...order].sort((a, b) => b - a))

    // And back: newer pages from the oldest one end at the newest entry, again without repeats.
    const back: string[] = []
    let cursor = page.prevCursor
    back.push(...page.items.map((e) => e.id))
    while (cursor) {
      const newer = await admin.audit.list({ ...filter, limit: 7, cursor })
      back.unshift(...newer.items.map((e) => e.id))
      cursor = newer.prevCursor
    }
    expect(back).toEqual(seen)
    expect(back[0]).toBe(newestFirst)
  })

  it('a tampered cursor is a 400, not a 500', async () => {
    await expect(admin.audit.list({ cursor: Buffer.from('not|a|cursor').toString('base64url') })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    )
  })
})

describe('retention', () => {
  it('removes only entries older than the cut-off, in batches, and records one audit_purged entry', async () => {
    const now = new Date()
    const day = 86_400_000
    await entries([
      { action: 'login', target: 'session', timestamp: new Date(now.getTime() - 400 * day), targetId: 'old-1' },
      { action: 'login', target: 'session', timestamp: new Date(now.getTime() - 366 * day), targetId: 'old-2' },
      { action: 'login', target: 'session', timestamp: new Date(now.getTime() - 364 * day), targetId: 'kept' },
    ])
    const before = await app.prisma.auditLog.count()
    const olderThanCutoff = await app.prisma.auditLog.count({
      where: { timestamp: { lt: new Date(now.getTime() - 365 * day) } },
    })
    expect(await purgeAuditLog(app.services, 0, now)).toBe(0) // 0 keeps everything
    const removed = await purgeAuditLog(app.services, 365, now)
    expect(removed).toBe(olderThanCutoff)
    expect(await app.prisma.auditLog.count({ where: { targetId: { in: ['old-1', 'old-2'] } } })).toBe(0)
    expect(await app.prisma.auditLog.count({ where: { targetId: 'kept' } })).toBe(1)
    const purged = await app.prisma.auditLog.findMany({ where: { action: 'audit_purged' } })
    expect(purged).toHaveLength(1)
    expect(purged[0]!.metadata).toEqual({
      removed,
      cutoff: new Date(now.getTime() - 365 * day).toISOString(),
      retentionDays: 365,
    })
    expect(await app.prisma.auditLog.count()).toBe(before - removed + 1)
    expect(await purgeAuditLog(app.services, 365, now)).toBe(0)
    expect(await app.prisma.auditLog.count({ where: { action: 'audit_purged' } })).toBe(1)
  })
})

describe('append-only', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE of audit rows outside the retention sweep', async () => {
    await entries([{ action: 'login', target: 'session', timestamp: new Date(), targetId: 'tamper-me' }])
    const count = await app.prisma.auditLog.count()
    for (const sql of [
      `UPDATE audit_logs SET action = 'logout' WHERE target_id = 'tamper-me'`,
      `DELETE FROM audit_logs WHERE target_id = 'tamper-me'`,
      'TRUNCATE audit_logs',
    ]) {
      const error = await app.prisma.$executeRawUnsafe(sql).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error, sql).not.toBeNull()
      expect(JSON.stringify(error) + String(error), sql).toMatch(/append-only|42501/)
    }
    await expect(
      app.prisma.auditLog.update({
        where: { id: (await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: 'tamper-me' } })).id },
        data: { metadata: { forged: true } },
      }),
    ).rejects.toThrow()
    expect(await app.prisma.auditLog.count()).toBe(count)
    expect((await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: 'tamper-me' } })).action).toBe('login')
  })

  it('deleting a user still works: their entries stay, without the link', async () => {
    const user = await app.createUser({ email: 'leaves.traces@example.com', role: 'viewer' })
    await entries([
      {
        action: 'login',
        target: 'session',
        actorId: user.id,
        targetUserId: user.id,
        timestamp: new Date(),
        targetId: 'traces',
      },
    ])
    await admin.users.delete({ id: user.id })
    const row = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: 'traces' } })
    expect(row).toMatchObject({ actorId: null, targetUserId: null, action: 'login' })
  })
})

describe('each mutation in words, with its changes', () => {
  it('every kind of change shows its changed fields before and after', async () => {
    const { changedFields } = await import('#app/components/audit/audit-entry.tsx')
    const { describeAuditEntry } = await import('#shared/audit-text.ts')
    const manager = await app.callerFor(DEMO.manager)
    const user = await admin.users.create({
      email: 'diff.subject@example.com',
      fullName: 'Diff Subject',
      role: 'viewer',
      password: 'a long enough password',
    })
    await admin.users.update({ id: user.id, fullName: 'Diff Subject Renamed' })
    await admin.users.update({ id: user.id, role: 'agent' })
    await admin.users.setActive({ id: user.id, active: false })
    await admin.permissions.set({ userId: user.id, page: 'calls', access: 'deny' })
    const c = await manager.candidates.create({
      fullName: 'Diff Candidate',
      email: 'diff.candidate@example.com',
      position: 'Trainer',
    })
    await manager.candidates.update({ id: c.id, position: 'Team Lead' })
    await manager.candidates.setStatus({ id: c.id, status: 'hired' })
    const i = await manager.interviews.schedule({
      candidateId: c.id,
      interviewerName: 'Diff Interviewer',
      scheduledAt: new Date('2033-05-05T10:00:00Z'),
      interviewType: 'video',
    })
    await manager.interviews.update({ id: i.id, durationMins: 90 })
    clock = new Date('2033-05-05T11:30:00Z') // after it
    try {
      await manager.interviews.setStatus({ id: i.id, status: 'completed' })
      await manager.interviews.score({ id: i.id, score: 9 })
    } finally {
      clock = null
    }
    const call = await manager.calls.log({
      callerName: 'Diff Caller',
      callerNumber: '(415) 555-0111',
      direction: 'inbound',
      outcome: 'answered',
    })
    await manager.calls.update({ id: call.id, durationSecs: 61 })
    await manager.calls.setImportant({ id: call.id, isImportant: true })

    const expected: Array<[action: string, fields: string[], words: RegExp]> = [
      ['user_created', ['email', 'fullName', 'role', 'active'], /created Diff Subject/],
      ['user_updated', ['fullName'], /updated Diff Subject/],
      ['role_changed', ['role'], /changed the role of .* from viewer to agent/],
      ['user_deactivated', ['active'], /deactivated/],
      ['permission_denied', ['state', 'access'], /denied Calls to/],
      [
        'candidate_created',
        ['fullName', 'email', 'position', 'status', 'phone', 'resumeUrl', 'notes'],
        /added a candidate/,
      ],
      ['candidate_updated', ['position'], /edited a candidate/],
      ['candidate_status_changed', ['status'], /from applied to hired/],
      [
        'interview_scheduled',
        [
          'candidateId',
          'interviewerId',
          'interviewerName',
          'scheduledAt',
          'durationMins',
          'interviewType',
          'status',
          'notes',
          'score',
          'scoreComment',
        ],
        /scheduled an interview/,
      ],
      ['interview_updated', ['durationMins'], /rescheduled an interview/],
      ['interview_status_changed', ['status'], /marked an interview completed/],
      ['interview_scored', ['score'], /scored an interview 9\/10/],
      [
        'call_logged',
        [
          'callerName',
          'callerNumber',
          'direction',
          'outcome',
          'durationSecs',
          'isImportant',
          'notes',
          'calledAt',
          'candidateId',
        ],
        /logged a call/,
      ],
      ['call_updated', ['durationSecs'], /edited a call/],
    ]
    const rows = await app.prisma.auditLog.findMany({
      where: {
        action: { in: expected.map(([a]) => a) },
        OR: [{ targetUserId: user.id }, { targetId: { in: [c.id, i.id, call.id] } }],
      },
      include: { actor: true, targetUser: true },
      orderBy: { timestamp: 'asc' },
    })
    for (const [action, fields, words] of expected) {
      const row = rows.find((r) => r.action === action)!
      expect(row, action).toBeDefined()
      expect(
        changedFields(row.metadata)
          .map((f) => f.field)
          .sort(),
        action,
      ).toEqual([...fields].sort())
      expect(describeAuditEntry(row), action).toMatch(words)
    }
    const flag = rows.filter((r) => r.action === 'call_updated').at(-1)!
    expect(changedFields(flag.metadata)).toEqual([{ field: 'isImportant', before: false, after: true }])
  })
})

describe('links from an entry to what it is about', () => {
  const canOpenAll = () => true

  it("a failed sign-in links to the person's user page when the email is theirs, never to a session", async () => {
    const anyone = await app.ctxWithToken(null)
    await expect(
      createCaller(anyone).auth.login({ email: DEMO.agent, password: 'not the password at all' }),
    ).rejects.toThrow()
    await expect(
      createCaller(anyone).auth.login({ email: 'nobody-here@example.com', password: 'not the password at all' }),
    ).rejects.toThrow()
    const failed = (await admin.audit.list({ action: 'login_failed', limit: 10 })).items
    const known = failed.find((e) => e.targetUserId === app.ids.agent)!
    const unknown = failed.find((e) => e.targetUserId === null)!
    expect(auditTargetLink(known, canOpenAll)).toEqual({
      href: `/users/${app.ids.agent}`,
      label: 'Open Alex Agent’s user page',
    })
    expect(auditTargetLink(unknown, canOpenAll)).toBeNull()
  })

  it('a deleted candidate no longer has a link; one that exists does', async () => {
    const kept = await admin.candidates.create({
      fullName: 'Still Here',
      email: 'still.here@example.com',
      position: 'Trainer',
    })
    const gone = await admin.candidates.create({
      fullName: 'Gone Soon',
      email: 'gone.soon@example.com',
      position: 'Trainer',
    })
    await admin.candidates.delete({ id: gone.id })
    const about = async (id: string) => (await admin.audit.list({ target: 'candidate', targetId: id })).items
    for (const e of await about(gone.id)) {
      expect(e.targetGone).toBe(true)
      expect(auditTargetLink(e, canOpenAll)).toBeNull()
    }
    const [created] = await about(kept.id)
    expect(created!.targetGone).toBe(false)
    expect(auditTargetLink(created!, canOpenAll)).toEqual({
      href: `/candidates/${kept.id}`,
      label: 'Open the candidate',
    })
  })

  it('permission entries open the page access, and nothing links to a page the viewer may not open', async () => {
    await admin.permissions.set({ userId: app.ids.viewer, page: 'calls', access: 'deny' })
    const [entry] = (await admin.audit.list({ action: 'permission_denied', targetUserId: app.ids.viewer, limit: 1 }))
      .items
    expect(auditTargetLink(entry!, canOpenAll)).toEqual({
      href: `/users/${app.ids.viewer}#page-access`,
      label: 'Open Vic Viewer’s page access',
    })
    expect(auditTargetLink(entry!, (page) => page !== 'user_management')).toBeNull()
  })
})

describe('entries in words', () => {
  it('a past interview recorded after the fact reads as recorded, not as scheduled', async () => {
    const c = await candidateFixture(app.prisma)
    await admin.interviews.schedule({
      candidateId: c.id,
      interviewerName: 'Past Recorder',
      scheduledAt: new Date('2024-03-04T10:00:00Z'),
      interviewType: 'video',
      outcome: 'no_show',
    })
    const [row] = await app.prisma.auditLog.findMany({
      where: {
        action: 'interview_scheduled',
        metadata: { path: ['after', 'interviewerName'], equals: 'Past Recorder' },
      },
      include: { actor: true, targetUser: true },
    })
    expect(describeAuditEntry(row!)).toBe('Ada Admin recorded a past interview (no show)')
  })
})
