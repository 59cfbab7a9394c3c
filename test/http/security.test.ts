/**
 * The HTTP layer under attack (product.md, Security baseline): headers on every kind of response,
 * an Observatory-style grade, CSRF on page actions and /api/trpc, request hygiene (body cap, batch
 * cap, malformed bodies, unknown procedures), and sessions an admin ends from the user page.
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
import { observatoryScan } from '#test/helpers/observatory.ts'

let app: TestApp
let server: TestServer
const tokens = {} as Record<'admin' | 'viewer' | 'agent', string>

beforeAll(async () => {
  app = await setupTestApp({ config: { maxBodyBytes: 64 * 1024 } })
  server = await startServer(app.services)
  for (const role of ['admin', 'viewer', 'agent'] as const) tokens[role] = await httpSignIn(server.url, DEMO[role])
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const cookie = (token: string) => ({ cookie: `gatehouse_session=${token}` })

/** The headers every dynamic response carries, whatever its kind. */
function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/)
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  for (const directive of [
    "default-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ]) {
    expect(csp, `${what}: ${directive}`).toContain(directive)
  }
  expect(res.headers.get('cache-control'), what).toBe('no-store')
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  expect(res.headers.get('permissions-policy'), what).toContain('camera=()')
  expect(res.headers.get('x-powered-by'), what).toBeNull()
  expect(res.headers.get('x-request-id'), what).toMatch(/^[0-9a-f-]{36}$/)
}

describe('headers on every kind of response', () => {
  it('page, 403 page, 404, resource route, CSV export, /api/trpc, sign-in page and redirect', async () => {
    const cases: Array<[string, Promise<Response>, number]> = [
      ['page', httpGet(server.url, '/dashboard', tokens.admin), 200],
      ['403 page', httpGet(server.url, '/users', tokens.viewer), 403],
      ['404', httpGet(server.url, '/no-such-page', tokens.admin), 404],
      ['resource route', httpGet(server.url, '/calls/options?q=a', tokens.agent), 200],
      ['CSV export', httpGet(server.url, '/calls/export.csv', tokens.admin), 200],
      ['/api/trpc', httpGet(server.url, '/api/trpc/auth.me', tokens.admin), 200],
      ['/api/trpc error', httpGet(server.url, '/api/trpc/users.list', tokens.viewer), 403],
      ['sign-in page', httpGet(server.url, '/login'), 200],
      ['redirect', httpGet(server.url, '/dashboard'), 302],
    ]
    for (const [what, pending, status] of cases) {
      const res = await pending
      expect(res.status, what).toBe(status)
      expectSecurityHeaders(res, what)
      await res.arrayBuffer()
    }
  })

  it('static assets are cached (they are the same for everyone), with the same protections', async () => {
    const html = await (await httpGet(server.url, '/login')).text()
    const asset = /href="(\/assets\/[^"]+\.js)"/.exec(html)![1]!
    const res = await httpGet(server.url, asset)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('the CSP nonce differs on every request and every script tag and module preload of the page carries it', async () => {
    const nonces = new Set<string>()
    for (const path of ['/dashboard', '/dashboard', '/candidates', '/users/no-such-id']) {
      const res = await httpGet(server.url, path, tokens.admin)
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1]!
      nonces.add(nonce)
      const html = await res.text()
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
      const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((m) => m[0])
      expect(scripts.length, path).toBeGreaterThan(0)
      expect(preloads.length, path).toBeGreaterThan(0)
      for (const tag of [...scripts, ...preloads]) expect(tag, path).toContain(`nonce="${nonce}"`)
    }
    expect(nonces.size).toBe(4)
  })

  it('sign-out sends Clear-Site-Data and ends the session', async () => {
    const token = await httpSignIn(server.url, DEMO.manager)
    const res = await httpPost(server.url, '/logout', token, {})
    expect(res.status).toBe(302)
    expect(res.headers.get('clear-site-data')).toBe('"cache", "storage"')
    expect((await httpGet(server.url, '/dashboard', token)).status).toBe(302)
  })
})

describe('production', () => {
  it('adds HSTS and upgrade-insecure-requests, marks cookies Secure, and grades A+ in an Observatory-style scan', async () => {
    const prodApp = await setupTestApp({ config: { secureCookies: true } })
    const prod = await startServer(prodApp.services, { production: true })
    try {
      const signIn = await fetch(`${prod.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: prod.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: DEMO.admin, password: 'correct-horse-battery' }),
      })
      expect(signIn.status).toBe(302)
      const token = /gatehouse_session=([^;]+)/.exec(signIn.headers.getSetCookie().join('\n'))![1]!
      const page = await httpGet(prod.url, '/dashboard', token)
      expect(page.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
      expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
      const scan = observatoryScan({
        page: page.headers,
        html: await page.text(),
        cookies: signIn.headers.getSetCookie(),
      })
      expect(
        scan.tests.filter((t) => t.modifier < 0),
        JSON.stringify(scan.tests),
      ).toEqual([])
      expect(scan.grade).toBe('A+')
      expect(scan.score).toBeGreaterThanOrEqual(110)

      // The scan is not a rubber stamp: the same page without HSTS and with an unsafe script policy fails.
      const weak = new Headers(page.headers)
      weak.delete('strict-transport-security')
      weak.set('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'")
      expect(observatoryScan({ page: weak, html: '', cookies: [] }).grade).not.toMatch(/^A/)
    } finally {
      await prod.close()
      await prodApp.close()
    }
  })
})

describe('cross-site request forgery', () => {
  it('a cross-origin POST to a page action or /api/trpc is 403 and changes nothing; same origin and scripts without Origin work', async () => {
    const before = await app.prisma.candidate.count()
    const form = new URLSearchParams({
      fullName: 'Forged Candidate',
      email: 'forged@example.com',
      position: 'Recruiter',
    })
    const forgedPage = await fetch(`${server.url}/candidates/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        ...cookie(tokens.admin),
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    })
    expect(forgedPage.status).toBe(403)
    const forgedApi = await fetch(`${server.url}/api/trpc/candidates.create`, {
      method: 'POST',
      headers: { ...cookie(tokens.admin), 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { fullName: 'Forged Api', email: 'forged-api@example.com', position: 'Recruiter' },
      }),
    })
    expect(forgedApi.status).toBe(403)
    expect(await app.prisma.candidate.count()).toBe(before)

    const sameOrigin = await httpPost(server.url, '/candidates/new', tokens.admin, Object.fromEntries(form))
    expect(sameOrigin.status).toBe(302)
    // A Node script sends no Origin and no Sec-Fetch-Site: not a browser, so not a forgery.
    const script = await fetch(`${server.url}/api/trpc/candidates.create`, {
      method: 'POST',
      headers: { ...cookie(tokens.admin), 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { fullName: 'Script Candidate', email: 'script@example.com', position: 'Recruiter' },
      }),
    })
    expect(script.status).toBe(200)
    expect(await app.prisma.candidate.count()).toBe(before + 2)
  })
})

describe('request hygiene', () => {
  it('a body over MAX_BODY_BYTES is a 413 before anything reads it, on pages and /api/trpc', async () => {
    const big = 'x'.repeat(70 * 1024)
    const before = await app.prisma.candidate.count()
    const page = await httpPost(server.url, '/candidates/new', tokens.admin, {
      fullName: big,
      email: 'big@example.com',
      position: 'Recruiter',
    })
    expect(page.status).toBe(413)
    const api = await fetch(`${server.url}/api/trpc/candidates.create`, {
      method: 'POST',
      headers: { ...cookie(tokens.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ json: { fullName: big } }),
    })
    expect(api.status).toBe(413)
    expect(await app.prisma.candidate.count()).toBe(before)
  })

  it('malformed JSON or superjson is a 400, an unknown procedure a 404, never a 500', async () => {
    const post = (path: string, body: string) =>
      fetch(`${server.url}/api/trpc/${path}`, {
        method: 'POST',
        headers: { ...cookie(tokens.admin), 'content-type': 'application/json' },
        body,
      })
    expect((await post('candidates.create', '{"json": {')).status).toBe(400)
    expect(
      (await post('candidates.create', '{"json": {"fullName": 1}, "meta": {"values": {"fullName": ["Date"]}}}')).status,
    ).toBe(400)
    expect((await post('candidates.create', '{"json": null, "meta": {"values": ["bigint"]}}')).status).toBe(400)
    expect((await post('no.such.procedure', '{}')).status).toBe(404)
    expect((await httpGet(server.url, '/api/trpc/no.such.procedure', tokens.admin)).status).toBe(404)
    expect((await httpGet(server.url, '/api/trpc/candidates.list?input=%7Bnot-json', tokens.admin)).status).toBe(400)
  })

  it('a path that does not decode (invalid UTF-8, a stray %) is a 400, never a 500', async () => {
    for (const path of ['/candidates/%ED%A0%80/delete', '/users/%E0%A4%A', '/calls/%', '/%C0%AF']) {
      const get = await httpGet(server.url, path, tokens.admin)
      expect(get.status, path).toBe(400)
      expect(await get.text()).toBe('The request could not be read.')
      expect((await httpPost(server.url, path, tokens.admin, { intent: 'delete' })).status, `POST ${path}`).toBe(400)
    }
  })

  it('a batch of more than 10 calls is a 400', async () => {
    const paths = Array(11).fill('auth.me').join(',')
    const res = await httpGet(server.url, `/api/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, tokens.admin)
    expect(res.status).toBe(400)
    const ok = await httpGet(
      server.url,
      `/api/trpc/${Array(10).fill('auth.me').join(',')}?batch=1&input=${encodeURIComponent('{}')}`,
      tokens.admin,
    )
    expect(ok.status).toBe(200)
  })
})

describe('sessions an admin ends (the user page)', () => {
  it("the admin sees the user's sessions; revoking one signs that browser out on its next request", async () => {
    const victim = await app.createUser({ email: 'session-victim@example.com', role: 'agent' })
    const [laptop, phone] = [await httpSignIn(server.url, victim.email), await httpSignIn(server.url, victim.email)]
    const page = await httpGet(server.url, `/users/${victim.id}`, tokens.admin)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html.match(/data-testid="user-session"/g)).toHaveLength(2)
    const session = await app.prisma.session.findFirstOrThrow({
      where: { userId: victim.id },
      orderBy: { createdAt: 'asc' },
    })

    const revoke = await httpPost(server.url, `/users/${victim.id}`, tokens.admin, { id: session.id })
    expect(revoke.status).toBe(302)
    expect(revoke.headers.get('location')).toBe(`/users/${victim.id}`)
    expect((await httpGet(server.url, '/dashboard', laptop)).status).toBe(302)
    expect((await httpGet(server.url, '/dashboard', phone)).status).toBe(200)
    const entry = await app.prisma.auditLog.findFirstOrThrow({
      where: { action: 'session_revoked', targetUserId: victim.id },
    })
    expect(entry.actorId).toBe(app.ids.admin)

    const everywhere = await httpPost(server.url, `/users/${victim.id}/sign-out`, tokens.admin, {})
    expect(everywhere.status).toBe(302)
    expect((await httpGet(server.url, '/dashboard', phone)).status).toBe(302)
    expect(await app.prisma.auditLog.count({ where: { action: 'logout_all', targetUserId: victim.id } })).toBe(1)
  })

  it('a manager with user_management sees the user page without sessions, and cannot post to it', async () => {
    await app.prisma.userPageAccess.upsert({
      where: { userId_pageName: { userId: app.ids.manager, pageName: 'user_management' } },
      create: { userId: app.ids.manager, pageName: 'user_management', hasAccess: true },
      update: { hasAccess: true },
    })
    const manager = await httpSignIn(server.url, DEMO.manager)
    const adminSession = await app.prisma.session.findFirstOrThrow({ where: { userId: app.ids.admin } })
    const page = await httpGet(server.url, `/users/${app.ids.admin}`, manager)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).not.toContain('data-testid="user-session"')
    expect((await httpPost(server.url, `/users/${app.ids.admin}`, manager, { id: adminSession.id })).status).toBe(403)
    expect((await httpPost(server.url, `/users/${app.ids.admin}/sign-out`, manager, {})).status).toBe(403)
    expect(await app.prisma.session.count({ where: { id: adminSession.id } })).toBe(1)
  })

  it(`the ${11}th sign-in ends the oldest session (MAX_SESSIONS_PER_USER = 10)`, async () => {
    const user = await app.createUser({ email: 'many-devices@example.com', role: 'viewer' })
    const sessions: string[] = []
    for (let i = 0; i < 11; i++) sessions.push(await httpSignIn(server.url, user.email))
    expect(await app.prisma.session.count({ where: { userId: user.id } })).toBe(10)
    expect((await httpGet(server.url, '/dashboard', sessions[0])).status).toBe(302)
    for (const token of sessions.slice(1)) expect((await httpGet(server.url, '/dashboard', token)).status).toBe(200)
  })
})
