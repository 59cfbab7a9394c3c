/**
 * Small things a person notices, over real HTTP as a browser without JavaScript sees them: counts
 * in the singular when there is one, a 403 page that says what is missing instead of repeating its
 * heading, IPv4 addresses written as IPv4, filter forms that leave empty fields out of the address,
 * dashboard tables with header cells, and a log where ordinary client errors are not errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import {
  DEMO,
  httpGet,
  httpPost,
  httpSignIn,
  memoryLogger,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'
import { candidateFixture, interviewFixture } from '#test/helpers/fixtures.ts'

const log = memoryLogger()
let app: TestApp
let server: TestServer
let admin: string
let viewer: string

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false, logger: log.logger })
  server = await startServer(app.services)
  admin = await httpSignIn(server.url, DEMO.admin)
  viewer = await httpSignIn(server.url, DEMO.viewer)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})
beforeEach(() => {
  log.lines.length = 0
})

/** The page's text without tags, runs of white space as one space. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

describe('words', () => {
  it('one matching interview reads "of 1 interview", not "of 1 interviews"', async () => {
    const candidate = await candidateFixture(app.prisma, { fullName: 'Singular Quinby' })
    await interviewFixture(app.prisma, { candidateId: candidate.id })
    const html = await (await httpGet(server.url, '/interviews?q=Singular%20Quinby&range=all', admin)).text()
    expect(textOf(html)).toContain('Showing 1–1 of 1 interview ')
    expect(textOf(html)).not.toContain('of 1 interviews')
  })

  it('deleting a candidate without interviews says they have none, not "0 interviews go with them"', async () => {
    const candidate = await candidateFixture(app.prisma)
    const text = textOf(await (await httpGet(server.url, `/candidates/${candidate.id}/delete`, admin)).text())
    expect(text).toContain('They have no interviews.')
    expect(text).not.toMatch(/0 interviews go/)
    await interviewFixture(app.prisma, { candidateId: candidate.id })
    expect(textOf(await (await httpGet(server.url, `/candidates/${candidate.id}/delete`, admin)).text())).toContain(
      '1 interview goes with them.',
    )
  })

  it('the 403 page says which page the access leaves out instead of repeating its heading', async () => {
    const res = await httpGet(server.url, '/candidates', viewer)
    expect(res.status).toBe(403)
    const text = textOf(await res.text())
    expect(text).toContain("You don't have access to this page")
    expect(text).toContain('Your access does not include Candidates.')
    expect(text).not.toMatch(/You do not have access to this page/)
  })
})

describe('addresses and forms', () => {
  it('IPv4 addresses seen through a dual-stack socket are shown as IPv4', async () => {
    await app.prisma.auditLog.create({
      data: {
        action: 'login',
        target: 'session',
        actorId: app.ids.admin,
        targetUserId: app.ids.admin,
        ipAddress: '::ffff:10.20.30.40',
        metadata: {},
      },
    })
    const html = await (await httpGet(server.url, '/audit?action=login', admin)).text()
    expect(html).toContain('10.20.30.40')
    expect(html).not.toContain('::ffff:10.20.30.40')
  })

  it('a filter form submitted without JavaScript leaves its empty fields out of the address', async () => {
    const res = await httpGet(server.url, '/candidates?q=&status=&position=&size=20', admin)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/candidates?size=20')
    const none = await httpGet(server.url, '/candidates?q=&status=', admin)
    expect(none.headers.get('location')).toBe('/candidates')
  })

  it('the dashboard interview tables have header cells', async () => {
    await interviewFixture(app.prisma, { scheduledAt: new Date(Date.now() + 2 * 3_600_000) })
    const html = await (await httpGet(server.url, '/dashboard', admin)).text()
    const table = html.match(/<table[^>]*aria-label="Upcoming interviews"[\s\S]*?<\/table>/)?.[0] ?? ''
    expect(table.match(/<th\b/g)?.length ?? 0).toBeGreaterThanOrEqual(3)
  })

  it('without JavaScript each chart shows its numbers in place of the picture', async () => {
    const html = await (await httpGet(server.url, '/dashboard', admin)).text()
    const fallbacks = html.match(/<noscript><table[^>]*aria-label="[^"]+"/g) ?? []
    expect(fallbacks.map((t) => t.match(/aria-label="([^"]+)"/)![1])).toEqual([
      'Candidates by status',
      'Interviews per day',
      'Calls per day by outcome',
    ])
  })
})

describe('the log', () => {
  it('ordinary client errors are logged below error level; server faults stay errors', async () => {
    const cookie = { cookie: `${SESSION_COOKIE_NAME}=${admin}` }
    expect((await fetch(`${server.url}/robots.txt`)).status).toBe(200)
    expect((await fetch(`${server.url}/no-such-page`, { headers: cookie })).status).toBe(404)
    expect((await fetch(`${server.url}/dashboard`, { method: 'OPTIONS', headers: cookie })).status).toBeLessThan(500)
    expect((await httpPost(server.url, '/settings', admin, {})).status).toBe(405)
    expect(log.lines.filter((l) => (l.level as number) >= 50)).toEqual([])
    expect(log.lines.filter((l) => (l.level as number) === 30).length).toBeGreaterThanOrEqual(3)
  })
})
