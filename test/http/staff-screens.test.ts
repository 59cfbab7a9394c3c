/**
 * The recruiting screens over real HTTP, as a browser without JavaScript would use them: forms post
 * FormData and come back with field messages (400) or redirect with a flash; lists read filters from
 * the URL (bad values are a 400 naming the field); times are read and shown in the viewer's time
 * zone; CSV exports stream exactly the filtered rows with formulas neutralised, need `export`, and are
 * audited; HTML typed into any field is shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO,
  httpPost,
  httpSignIn,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'
import { callFixture, candidateFixture, interviewFixture } from '#test/helpers/fixtures.ts'

let app: TestApp
let server: TestServer
let admin: string
let manager: string

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false })
  server = await startServer(app.services)
  admin = await httpSignIn(server.url, DEMO.admin)
  manager = await httpSignIn(server.url, DEMO.manager)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** GET with the session cookie plus extra cookies (time zone, flash). */
const get = (path: string, token: string, cookies = '') =>
  fetch(`${server.url}${path}`, {
    redirect: 'manual',
    headers: { cookie: `gatehouse_session=${token}${cookies ? `; ${cookies}` : ''}` },
  })

describe('forms without JavaScript', () => {
  it('a bad email comes back with the message and the typed values; a good one redirects with a flash', async () => {
    const bad = await httpPost(server.url, '/candidates/new', manager, {
      fullName: 'Ines Ortega',
      email: 'ines@',
      position: 'Recruiter',
      phone: '(415) 555-0111',
    })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('value="Ines Ortega"')
    expect(await app.prisma.candidate.count({ where: { fullName: 'Ines Ortega' } })).toBe(0)

    const good = await httpPost(server.url, '/candidates/new', manager, {
      fullName: 'Ines Ortega',
      email: 'ines.ortega@example.com',
      position: 'Recruiter',
      phone: '(415) 555-0111',
    })
    expect(good.status).toBe(302)
    const created = await app.prisma.candidate.findUniqueOrThrow({ where: { email: 'ines.ortega@example.com' } })
    expect(good.headers.get('location')).toBe(`/candidates/${created.id}`)
    expect(created.phone).toBe('+14155550111')
    const flash = good.headers
      .getSetCookie()
      .find((c) => c.startsWith('gatehouse_flash='))!
      .split(';')[0]!
    const page = await get(`/candidates/${created.id}`, manager, flash)
    const pageHtml = await page.text()
    expect(pageHtml).toContain('Ines Ortega was added.')
    // Numbers are shown as people read them (national format in the default region) and dial the stored E.164.
    expect(pageHtml).toMatch(/href="tel:\+14155550111">\(415\) 555-0111<\/a>/)
    expect(await (await get('/candidates?q=Ines', manager)).text()).toMatch(/>\(415\) 555-0111<\/td>/)
    // The flash is shown once: the response clears it.
    expect(
      page.headers
        .getSetCookie()
        .some(
          (c) =>
            c.startsWith('gatehouse_flash=;') ||
            /gatehouse_flash=; Max-Age=0/.test(c) ||
            /gatehouse_flash=.*Max-Age=0/.test(c),
        ),
    ).toBe(true)
  })

  it('changes a status with a plain form post, audited', async () => {
    const c = await candidateFixture(app.prisma)
    const res = await httpPost(server.url, `/candidates/${c.id}`, manager, { intent: 'status', status: 'screening' })
    expect(res.status).toBe(302)
    expect((await app.prisma.candidate.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('screening')
    expect(await app.prisma.auditLog.count({ where: { targetId: c.id, action: 'candidate_status_changed' } })).toBe(1)
  })

  it('reads a scheduled time in the viewer’s time zone and stores UTC; a clash comes back with the message', async () => {
    const c = await candidateFixture(app.prisma, { fullName: 'Léa Martin' })
    const tz = 'gatehouse_tz=Europe%2FParis'
    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/interviews/new`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          origin: server.url,
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `gatehouse_session=${manager}; ${tz}`,
        },
        body: new URLSearchParams(fields),
      })
    const fields = {
      candidateId: c.id,
      interviewerName: 'Outside Olga',
      scheduledAt: '2032-07-01T10:00',
      durationMins: '60',
      interviewType: 'onsite',
    }
    const ok = await post(fields)
    expect(ok.status).toBe(302)
    const stored = await app.prisma.interview.findFirstOrThrow({ where: { candidateId: c.id } })
    expect(stored.scheduledAt.toISOString()).toBe('2032-07-01T08:00:00.000Z') // 10:00 in Paris in summer is 08:00 UTC
    const page = await (await get(`/interviews/${stored.id}`, manager, tz)).text()
    expect(page).toContain('10:00–11:00')

    const clash = await post({ ...fields, scheduledAt: '2032-07-01T10:30' })
    expect(clash.status).toBe(409)
    expect(await clash.text()).toContain(
      'Outside Olga already has an onsite interview with Léa Martin on Thu, 1 Jul 2032 10:00–11:00.',
    )
  })
})

describe('lists', () => {
  it('bad query strings are a 400 naming the field', async () => {
    for (const [path, message] of [
      ['/candidates?status=ghosted', 'Unknown status'],
      ['/candidates?sort=notes', 'Unknown sort field'],
      ['/candidates?size=101', 'Page size must be at most 100'],
      ['/interviews?from=2030-02-01&to=2030-01-01', 'From must be before To'],
      ['/interviews?status=late', 'Unknown status'],
      ['/interviews?view=week&interviewerId=a%20b', 'Invalid id'],
      ['/candidates/export.csv?sort=password', 'Unknown sort field'],
    ] as const) {
      const res = await get(path, admin)
      expect(res.status, path).toBe(400)
      expect(await res.text(), path).toContain(message)
    }
  })

  it('the candidate list filters by open status and search', async () => {
    await candidateFixture(app.prisma, { fullName: 'Filter Hired Person', status: 'hired' })
    await candidateFixture(app.prisma, { fullName: 'Filter Open Person', status: 'screening' })
    const html = await (await get('/candidates?q=filter&status=open', admin)).text()
    expect(html).toContain('Filter Open Person')
    expect(html).not.toContain('Filter Hired Person')
  })

  it('rows carry what they show: long notes stay off list pages and the week view', async () => {
    const notes = (who: string) => `${who} note marker. ${'A long note. '.repeat(380)}`.slice(0, 5000)
    const candidate = await candidateFixture(app.prisma, {
      fullName: 'Notes Heavy Candidate',
      notes: notes('Candidate'),
    })
    const interview = await interviewFixture(app.prisma, { candidateId: candidate.id, notes: notes('Interview') })
    await callFixture(app.prisma, { callerName: 'Notes Heavy Caller', notes: notes('Call') })
    const week = new Date(interview.scheduledAt).toISOString().slice(0, 10)
    for (const [path, shown] of [
      ['/candidates?q=Notes+Heavy', 'Notes Heavy Candidate'],
      ['/interviews?q=Notes+Heavy&range=all', 'Notes Heavy Candidate'],
      [`/interviews?view=week&week=${week}&candidateId=${candidate.id}`, 'Notes Heavy Candidate'],
      ['/calls?q=Notes+Heavy', 'Notes Heavy Caller'],
    ] as const) {
      const html = await (await get(path, admin)).text()
      expect(html, path).toContain(shown)
      expect(html, path).not.toContain('note marker')
      expect(html.length, path).toBeLessThan(120_000)
    }
    // The record's own page shows its notes.
    expect(await (await get(`/candidates/${candidate.id}`, admin)).text()).toContain('Candidate note marker')
  })
})

describe('CSV export', () => {
  const parse = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((l) => l.split(','))

  it('streams exactly the filtered rows, neutralises formulas, and is audited with the filter and count', async () => {
    await candidateFixture(app.prisma, {
      fullName: '=HYPERLINK("http://evil.example")',
      email: 'formula1@export.example',
      position: 'Export Test',
    })
    await candidateFixture(app.prisma, {
      fullName: '@SUM(A1:A9)',
      email: 'formula2@export.example',
      position: 'Export Test',
      notes: '-2+3',
    })
    await candidateFixture(app.prisma, { fullName: 'Plain Person', email: 'plain@export.example', position: 'Other' })
    const res = await get('/candidates/export.csv?q=export.example&position=Export%20Test&sort=email&dir=asc', admin)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="candidates-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = await res.text()
    const rows = parse(text)
    expect(rows[0]![0]).toBe('Name')
    expect(rows).toHaveLength(3)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(text).toContain("'@SUM(A1:A9)")
    expect(text).toContain("'-2+3")
    expect(text).not.toContain('plain@export.example')
    const audit = await app.prisma.auditLog.findFirstOrThrow({
      where: { action: 'export_generated', target: 'candidate' },
      orderBy: { timestamp: 'desc' },
    })
    expect(audit.actorId).toBe(app.ids.admin)
    expect(audit.metadata).toMatchObject({
      list: 'candidates',
      rows: 2,
      filter: { search: 'export.example', position: 'Export Test' },
    })
  })

  it('exports every matching row, not only one page', async () => {
    await Promise.all(
      Array.from({ length: 130 }, (_, i) =>
        candidateFixture(app.prisma, { position: 'Bulk Export', fullName: `Bulk ${i}` }),
      ),
    )
    const text = await (await get('/candidates/export.csv?position=Bulk%20Export', admin)).text()
    expect(parse(text)).toHaveLength(131)
  })

  it('interviews export follows the list filters', async () => {
    const c = await candidateFixture(app.prisma, { fullName: 'Export Interviewee' })
    await interviewFixture(app.prisma, {
      candidateId: c.id,
      scheduledAt: new Date('2033-01-10T09:00:00Z'),
      interviewType: 'final',
    })
    await interviewFixture(app.prisma, {
      candidateId: c.id,
      scheduledAt: new Date('2033-01-20T09:00:00Z'),
      interviewType: 'final',
    })
    const text = await (
      await get(`/interviews/export.csv?candidateId=${c.id}&from=2033-01-01&to=2033-01-15`, admin)
    ).text()
    const rows = parse(text)
    expect(rows).toHaveLength(2)
    expect(rows[1]![0]).toBe('2033-01-10T09:00:00.000Z')
  })

  it('needs the export action: 403 for an agent who may open candidates', async () => {
    const agent = await app.createUser({ email: 'agent.with.candidates@example.com', role: 'agent' })
    await app.prisma.userPageAccess.create({ data: { userId: agent.id, pageName: 'candidates', hasAccess: true } })
    const token = await httpSignIn(server.url, agent.email)
    expect((await get('/candidates', token)).status).toBe(200)
    const before = await app.prisma.auditLog.count({ where: { action: 'export_generated' } })
    expect((await get('/candidates/export.csv', token)).status).toBe(403)
    expect((await get('/interviews/export.csv', token)).status).toBe(403)
    expect(await app.prisma.auditLog.count({ where: { action: 'export_generated' } })).toBe(before)
  })
})

describe('HTML typed into a field is shown as text', () => {
  it('on the candidate list and page, the interview list and page', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    const c = await candidateFixture(app.prisma, {
      fullName: `Mallory ${payload}`,
      position: `Pos ${payload}`,
      notes: `Notes ${payload}`,
    })
    const i = await interviewFixture(app.prisma, {
      candidateId: c.id,
      interviewerName: `Eve ${payload}`,
      notes: `Interview ${payload}`,
      scheduledAt: new Date(Date.now() + 86_400_000),
    })
    for (const path of [
      '/candidates?q=Mallory',
      `/candidates/${c.id}`,
      `/interviews?candidateId=${c.id}`,
      `/interviews/${i.id}`,
      `/interviews?view=week&candidateId=${c.id}`,
      '/dashboard',
    ]) {
      const html = await (await get(path, admin)).text()
      expect(html, path).not.toContain('<img src=x')
      expect(html, path).not.toContain('<script>alert(2)')
    }
    const page = await (await get(`/candidates/${c.id}`, admin)).text()
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
