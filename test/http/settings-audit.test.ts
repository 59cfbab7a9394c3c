/**
 * Settings and the audit log over real HTTP: the colour scheme cookie rendered by the server, the
 * password form without JavaScript, the audit page's filters (bad ones are a 400), entries in words
 * with their changes, and the export: admins only, exactly the filtered rows, audited, and streamed
 * (the download is read from the database as the client takes it, not loaded first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'
import {
  DEMO,
  httpGet,
  httpPost,
  httpSignIn,
  setupTestApp,
  startServer,
  TEST_PASSWORD,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'
import { limit } from '#test/helpers/wait.ts'

let app: TestApp
let server: TestServer
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  for (const role of ['admin', 'manager', 'viewer'] as const) tokens[role] = await httpSignIn(server.url, DEMO[role])
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const get = (path: string, token: string, extra = '') =>
  fetch(`${server.url}${path}`, {
    redirect: 'manual',
    headers: { cookie: `${SESSION_COOKIE_NAME}=${token}${extra ? `; ${extra}` : ''}` },
  })
const schemeOf = (html: string) => html.match(/<html[^>]*data-mantine-color-scheme="(\w+)"/)?.[1]

describe('colour scheme', () => {
  it('the server renders the scheme from the cookie; /theme sets it', async () => {
    expect(schemeOf(await (await get('/dashboard', tokens.viewer!, 'gatehouse_color_scheme=dark')).text())).toBe('dark')
    expect(schemeOf(await (await get('/dashboard', tokens.viewer!, 'gatehouse_color_scheme=light')).text())).toBe(
      'light',
    )
    const set = await httpPost(server.url, '/theme', tokens.viewer!, {
      colorScheme: 'dark',
      returnTo: '/settings/appearance',
    })
    expect(set.status).toBe(302)
    expect(set.headers.get('location')).toBe('/settings/appearance')
    expect(set.headers.getSetCookie().some((c) => /^gatehouse_color_scheme=dark;.*Max-Age=31536000/.test(c))).toBe(true)
    const page = await (await get('/settings/appearance', tokens.viewer!, 'gatehouse_color_scheme=dark')).text()
    expect(page).toMatch(/value="dark"[^>]*checked|checked[^>]*value="dark"/)
  })

  it('the sign-in page follows the cookie too', async () => {
    const res = await fetch(`${server.url}/login`, { headers: { cookie: 'gatehouse_color_scheme=dark' } })
    expect(schemeOf(await res.text())).toBe('dark')
  })
})

describe('password form without JavaScript', () => {
  it('a wrong current password comes back with the message and no password echoed; a right one redirects with a new session', async () => {
    const user = await app.createUser({ email: 'form.password@example.com', role: 'viewer' })
    const token = await httpSignIn(server.url, user.email)
    const bad = await httpPost(server.url, '/settings/password', token, {
      currentPassword: 'wrong-password-1',
      newPassword: 'a new long passphrase',
      confirmPassword: 'a new long passphrase',
    })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('That is not your current password.')
    expect(html).not.toContain('a new long passphrase')
    const mismatch = await httpPost(server.url, '/settings/password', token, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new long passphrase',
      confirmPassword: 'another one entirely',
    })
    expect(mismatch.status).toBe(400)
    expect(await mismatch.text()).toContain('The two new passwords do not match')
    const ok = await httpPost(server.url, '/settings/password', token, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new long passphrase',
      confirmPassword: 'a new long passphrase',
    })
    expect(ok.status).toBe(302)
    const newCookie = ok.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))!
    expect((await httpGet(server.url, '/settings', token)).status).toBe(302) // the old session ended
    expect((await httpGet(server.url, '/settings', newCookie.split(';')[0]!.split('=')[1]!)).status).toBe(200)
  })
})

describe('the audit log page', () => {
  it('shows entries in words with their changes, and refuses bad filters with a 400', async () => {
    const admin = await app.callerFor(DEMO.admin)
    const c = await admin.candidates.create({
      fullName: 'Audit Page Person',
      email: 'audit.page@example.com',
      position: 'Trainer',
    })
    await admin.candidates.setStatus({ id: c.id, status: 'screening' })
    const html = await (await get(`/audit?target=candidate&targetId=${c.id}`, tokens.admin!)).text()
    expect(html).toContain('Ada Admin moved a candidate from applied to screening')
    expect(html).toContain('Ada Admin added a candidate')
    expect(html).toMatch(/<td[^>]*>status<\/td><td[^>]*>applied<\/td><td[^>]*>screening<\/td>/)
    expect(html).toContain(`href="/candidates/${c.id}"`)
    for (const [query, message] of [
      ['action=drop_table', 'Unknown action'],
      ['target=galaxy', 'Unknown target'],
      ['cursor=%00', 'Invalid cursor'],
      ['from=yesterday', 'From must be a date'],
    ] as const) {
      const res = await get(`/audit?${query}`, tokens.admin!)
      expect(res.status, query).toBe(400)
      expect(await res.text(), query).toContain(message)
    }
  })

  it('is open to every signed-in user, who sees only what they may', async () => {
    const html = await (await get('/audit', tokens.viewer!)).text()
    expect(html).toContain('You see your own actions')
    expect(html).not.toContain('Audit Page Person')
  })
})

describe('audit export', () => {
  it('is for admins only: 403 for a manager, nothing audited', async () => {
    const before = await app.prisma.auditLog.count({ where: { action: 'export_generated' } })
    expect((await get('/audit/export.csv', tokens.manager!)).status).toBe(403)
    expect(await app.prisma.auditLog.count({ where: { action: 'export_generated' } })).toBe(before)
  })

  it(
    'streams exactly the filtered rows, reading the database as the client reads, and is audited',
    async () => {
      const total = 30_000
      const start = Date.UTC(2020, 0, 1)
      for (let i = 0; i < total; i += 5_000) {
        await app.prisma.auditLog.createMany({
          data: Array.from({ length: 5_000 }, (_, k) => ({
            action: 'login_failed',
            target: 'session' as const,
            targetId: 'stream-test',
            userAgent: `=SUM(A${i + k})`,
            metadata: { email: 'someone@example.com' },
            timestamp: new Date(start + (i + k) * 1000),
          })),
        })
      }
      const res = await get('/audit/export.csv?target=session&targetId=stream-test', tokens.admin!)
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      const first = await reader.read()
      expect(new TextDecoder().decode(first.value)).toMatch(/^When \(UTC\),Actor/)
      // The client has read one chunk. An entry older than all the others (so last in the file) added
      // now can only appear if the rows are still being read from the database.
      await app.prisma.auditLog.create({
        data: {
          action: 'login_failed',
          target: 'session',
          targetId: 'stream-test',
          metadata: { email: 'late@example.com' },
          timestamp: new Date(start - 86_400_000),
        },
      })
      let text = new TextDecoder().decode(first.value)
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        text += new TextDecoder().decode(value, { stream: true })
      }
      const lines = text.trim().split('\n')
      expect(lines).toHaveLength(1 + total + 1)
      expect(lines.at(-1)).toContain('late@example.com')
      expect(text).toContain(`'=SUM(A0)`)
      const audit = await app.prisma.auditLog.findFirstOrThrow({
        where: { action: 'export_generated', target: 'audit' },
        orderBy: { timestamp: 'desc' },
      })
      expect(audit.metadata).toMatchObject({
        list: 'audit',
        rows: total,
        filter: { target: 'session', targetId: 'stream-test' },
      })
    },
    limit(600_000),
  ) // 30,000 rows written, then read back as CSV: minutes on a busy machine
})
