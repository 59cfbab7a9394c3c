/**
 * The interview rules over real HTTP, as a browser without JavaScript would use them (product.md,
 * Interviews and Candidates), on a fixed clock (Wednesday 2 December 2026, 09:00 UTC): a past start
 * comes back with the offer to record it as a past interview; rejecting someone with interviews
 * ahead asks first and cancels them in the same step when confirmed; the interview page offers only
 * the status changes allowed now, and the score form only to whoever may score.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO,
  httpGet,
  httpPost,
  httpSignIn,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'
import { candidateFixture, interviewFixture, pastSlot } from '#test/helpers/fixtures.ts'

const NOW = new Date('2026-12-02T09:00:00Z')
const DAY = 86_400_000

let app: TestApp
let server: TestServer
let manager: string

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false, now: () => NOW })
  server = await startServer(app.services)
  manager = await httpSignIn(server.url, DEMO.manager)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** The `<input …>` tag named `name` in `html`, or null. */
const inputTag = (html: string, name: string) => html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? null

describe('a start in the past, without JavaScript', () => {
  it('is refused with the offer to record it as a past interview; choosing how it went records it', async () => {
    const c = await candidateFixture(app.prisma, { fullName: 'Logged Later' })
    const fields = {
      candidateId: c.id,
      interviewerName: 'Logged Panel',
      scheduledAt: '2025-01-07T09:15',
      durationMins: '60',
      interviewType: 'onsite',
    }
    const refused = await httpPost(server.url, '/interviews/new', manager, fields)
    expect(refused.status).toBe(409)
    const html = await refused.text()
    expect(html).toContain(
      'This start is in the past (more than 5 minutes ago). Pick a start from now on, or record it as a past interview: choose how it went and save again.',
    )
    expect(html).toMatch(/<select[^>]*name="outcome"/)
    expect(html).toContain('To record a past interview, choose how it went.')
    expect(html).toContain('value="Logged Panel"')
    expect(await app.prisma.interview.count({ where: { candidateId: c.id } })).toBe(0)

    const recorded = await httpPost(server.url, '/interviews/new', manager, { ...fields, outcome: 'completed' })
    expect(recorded.status).toBe(302)
    const stored = await app.prisma.interview.findFirstOrThrow({ where: { candidateId: c.id } })
    expect(stored).toMatchObject({ status: 'completed', scheduledAt: new Date('2025-01-07T09:15:00Z') })
    expect(recorded.headers.get('location')).toBe(`/interviews/${stored.id}`)
    const audit = await app.prisma.auditLog.findFirstOrThrow({ where: { targetId: stored.id } })
    expect(audit).toMatchObject({ action: 'interview_scheduled', metadata: { after: { status: 'completed' } } })
    const flash = recorded.headers
      .getSetCookie()
      .find((h) => h.startsWith('gatehouse_flash='))!
      .split(';')[0]!
    const page = await fetch(`${server.url}/interviews/${stored.id}`, {
      headers: { cookie: `gatehouse_session=${manager}; ${flash}` },
    })
    expect(await page.text()).toContain('Past interview with Logged Later recorded as completed.')
  })

  it('moving an interview into the past comes back with the message at the start', async () => {
    const i = await interviewFixture(app.prisma, { scheduledAt: new Date(NOW.getTime() + DAY) })
    const res = await httpPost(server.url, `/interviews/${i.id}/edit`, manager, {
      interviewerName: i.interviewerName,
      scheduledAt: '2026-12-01T10:00',
      durationMins: '60',
      interviewType: 'video',
    })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('An interview cannot be moved into the past. Pick a start from now on.')
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).scheduledAt).toEqual(i.scheduledAt)
  })
})

describe('rejecting someone with interviews ahead, without JavaScript', () => {
  async function candidateWithTwoAhead(name: string) {
    const c = await candidateFixture(app.prisma, { fullName: name, status: 'interviewed' })
    const ahead = [
      await interviewFixture(app.prisma, {
        candidateId: c.id,
        scheduledAt: new Date(NOW.getTime() + DAY),
        interviewerName: 'Panel One',
      }),
      await interviewFixture(app.prisma, {
        candidateId: c.id,
        scheduledAt: new Date(NOW.getTime() + 2 * DAY),
        interviewerName: 'Panel Two',
      }),
    ]
    const done = await interviewFixture(app.prisma, {
      candidateId: c.id,
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerName: 'Panel Past',
    })
    return { c, ahead, done }
  }

  it('asks first, listing the interviews with "cancel them" checked, and cancels them with the status change', async () => {
    const { c, ahead, done } = await candidateWithTwoAhead('Rhea Rejected')
    // The candidate page's Reject is a link to the confirmation, and a posted status goes there too.
    const page = await (await httpGet(server.url, `/candidates/${c.id}`, manager)).text()
    expect(page).toContain(`href="/candidates/${c.id}/status?status=rejected"`)
    const posted = await httpPost(server.url, `/candidates/${c.id}`, manager, { intent: 'status', status: 'rejected' })
    expect(posted.status).toBe(302)
    expect(posted.headers.get('location')).toBe(`/candidates/${c.id}/status?status=rejected`)
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('interviewed')

    const confirm = await httpGet(server.url, `/candidates/${c.id}/status?status=rejected`, manager)
    expect(confirm.status).toBe(200)
    const html = await confirm.text()
    expect(html).toContain('Reject Rhea Rejected?')
    const list = html.match(/<ul[^>]*aria-label="Their scheduled interviews"[\s\S]*?<\/ul>/)?.[0] ?? ''
    expect(list).toContain('Panel One')
    expect(list).toContain('Panel Two')
    expect(list).not.toContain('Panel Past')
    expect(html).toContain('Cancel their 2 scheduled interviews')
    expect(inputTag(html, 'cancelInterviews')).toMatch(/checked/)

    const done1 = await httpPost(server.url, `/candidates/${c.id}/status`, manager, {
      status: 'rejected',
      cancelInterviews: 'true',
    })
    expect(done1.status).toBe(302)
    expect(done1.headers.get('location')).toBe(`/candidates/${c.id}`)
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('rejected')
    const statuses = await app.prisma.interview.findMany({
      where: { id: { in: [...ahead, done].map((i) => i.id) } },
      select: { interviewerName: true, status: true },
      orderBy: { interviewerName: 'asc' },
    })
    expect(statuses).toEqual([
      { interviewerName: 'Panel One', status: 'cancelled' },
      { interviewerName: 'Panel Past', status: 'completed' },
      { interviewerName: 'Panel Two', status: 'cancelled' },
    ])
    expect(await app.prisma.auditLog.count({ where: { targetId: c.id, action: 'candidate_status_changed' } })).toBe(1)
    expect(
      await app.prisma.auditLog.count({
        where: { targetId: { in: ahead.map((i) => i.id) }, action: 'interview_status_changed' },
      }),
    ).toBe(2)
  })

  it('unchecked, the status changes and the interviews stay', async () => {
    const { c, ahead } = await candidateWithTwoAhead('Hana Hired')
    const res = await httpPost(server.url, `/candidates/${c.id}/status`, manager, { status: 'hired' })
    expect(res.status).toBe(302)
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('hired')
    expect(
      (await app.prisma.interview.findMany({ where: { id: { in: ahead.map((i) => i.id) } } })).map((i) => i.status),
    ).toEqual(['scheduled', 'scheduled'])
  })

  it('a bad status in the confirmation address is a 400 naming the field', async () => {
    const c = await candidateFixture(app.prisma)
    const res = await httpGet(server.url, `/candidates/${c.id}/status?status=fired`, manager)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Unknown status')
  })
})

describe('the interview page offers what is allowed now', () => {
  it('two days ahead: no "Mark completed", a sentence saying from when, and a posted completion is refused', async () => {
    const i = await interviewFixture(app.prisma, { scheduledAt: new Date(NOW.getTime() + 2 * DAY) })
    const html = await (await httpGet(server.url, `/interviews/${i.id}`, manager)).text()
    expect(html).toContain('value="cancelled"')
    expect(html).not.toContain('value="completed"')
    expect(html).not.toContain('value="no_show"')
    expect(html).not.toContain('value="in_progress"')
    expect(html).toContain(
      'Completed and no-show can be chosen from Fri, 4 Dec 2026 09:00, when it starts; in progress from Fri, 4 Dec 2026 08:50.',
    )
    const res = await httpPost(server.url, `/interviews/${i.id}`, manager, { intent: 'status', status: 'completed' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain(
      'This interview has not started yet. It can be marked completed from Fri, 4 Dec 2026 09:00, when it starts.',
    )
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: i.id } })).status).toBe('scheduled')
  })

  it("an agent sees no score form on a colleague's interview and a posted score is refused", async () => {
    const agent = await httpSignIn(server.url, DEMO.agent)
    const colleagues = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerId: app.ids.manager,
      interviewerName: 'Morgan Manager',
      score: 9,
    })
    const html = await (await httpGet(server.url, `/interviews/${colleagues.id}`, agent)).text()
    expect(html).not.toMatch(/name="score"/)
    expect(html).toContain('The interviewer, a manager or an admin scores this interview.')
    const res = await httpPost(server.url, `/interviews/${colleagues.id}`, agent, { intent: 'score', score: '1' })
    expect(res.status).toBe(403)
    expect((await app.prisma.interview.findUniqueOrThrow({ where: { id: colleagues.id } })).score).toBe(9)
    // The interviewer's own page has the form, with the booking notes apart from the comment.
    const own = await interviewFixture(app.prisma, {
      status: 'completed',
      scheduledAt: pastSlot(),
      interviewerId: app.ids.agent,
      interviewerName: 'Alex Agent',
      notes: 'Booked by phone.',
    })
    const ownHtml = await (await httpGet(server.url, `/interviews/${own.id}`, agent)).text()
    expect(ownHtml).toMatch(/name="score"/)
    const scored = await httpPost(server.url, `/interviews/${own.id}`, agent, {
      intent: 'score',
      score: '7',
      scoreComment: 'Calm under pressure.',
    })
    expect(scored.status).toBe(302)
    expect(await app.prisma.interview.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      score: 7,
      scoreComment: 'Calm under pressure.',
      notes: 'Booked by phone.',
    })
  })
})
