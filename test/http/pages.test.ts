/**
 * The app over real HTTP (the built Remix app behind the Express server): page access per role,
 * redirects for signed-out users, 403 pages, nav items, the "next request" rule, forms, security
 * headers, CSRF and /api/trpc.
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '#server/routers/_app.ts'
import type { Role } from '#shared/permissions/policy.ts'
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

let app: TestApp
let server: TestServer
const tokens = {} as Record<Role, string>

beforeAll(async () => {
  app = await setupTestApp({
    demoOverrides: false,
    rateLimits: { loginPerEmailIp: 5, loginPerIpDay: 1000, requestsPerMinute: 100_000 },
  })
  server = await startServer(app.services)
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const)
    tokens[role] = await httpSignIn(server.url, DEMO[role])
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const PAGES: Array<[path: string, allowed: Role[]]> = [
  ['/dashboard', ['admin', 'manager', 'agent', 'viewer']],
  ['/candidates', ['admin', 'manager']],
  ['/interviews', ['admin', 'manager', 'agent']],
  ['/calls', ['admin', 'manager', 'agent']],
  ['/users', ['admin']],
  ['/permissions', ['admin']],
  ['/audit', ['admin', 'manager', 'agent', 'viewer']],
  ['/settings', ['admin', 'manager', 'agent', 'viewer']],
]

/** The hrefs of the sidebar nav in a rendered page. */
function navLinks(html: string): string[] {
  const nav = html.slice(
    html.indexOf('data-testid="sidebar-nav"'),
    html.indexOf('</nav>', html.indexOf('data-testid="sidebar-nav"')),
  )
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)
}

describe('page access by role (product.md, Permissions)', () => {
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) {
    it(`${role}: allowed pages answer 200, others 403 with the Unauthorized page and none of its data`, async () => {
      for (const [path, allowed] of PAGES) {
        const res = await httpGet(server.url, path, tokens[role])
        const html = await res.text()
        if (allowed.includes(role)) {
          expect(res.status, path).toBe(200)
        } else {
          expect(res.status, path).toBe(403)
          expect(html).toContain('You don&#x27;t have access to this page')
          expect(html).toContain('href="/dashboard"')
          // The page's own data never reaches the browser: no other user's email in the HTML.
          expect(html).not.toContain(role === 'viewer' ? DEMO.manager : DEMO.viewer)
        }
      }
    })

    it(`${role}: the nav shows exactly the pages the role can open`, async () => {
      const html = await (await httpGet(server.url, '/dashboard', tokens[role])).text()
      const expected = PAGES.filter(([, allowed]) => allowed.includes(role)).map(([path]) => path)
      expect(navLinks(html)).toEqual(expected)
    })
  }

  it('signed out: every page redirects to /login with redirectTo', async () => {
    for (const [path] of PAGES) {
      const res = await httpGet(server.url, `${path}?x=1`)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(`${path}?x=1`)}`)
    }
  })

  it('/unauthorized is itself a 403 page', async () => {
    expect((await httpGet(server.url, '/unauthorized', tokens.viewer)).status).toBe(403)
  })
})

describe('changes apply on the next request (product.md, Permissions)', () => {
  it("an override set by an admin in /permissions changes the target user's next request", async () => {
    expect((await httpGet(server.url, '/calls', tokens.agent)).status).toBe(200)
    // A cell's form posts to the matrix's own URL (its filters included): that is where it comes back.
    const res = await httpPost(server.url, '/permissions?q=agent', tokens.admin, {
      userId: app.ids.agent,
      page: 'calls',
      access: 'deny',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/permissions?q=agent')
    const next = await httpGet(server.url, '/calls', tokens.agent)
    expect(next.status).toBe(403)
    expect(navLinks(await (await httpGet(server.url, '/dashboard', tokens.agent)).text())).not.toContain('/calls')
    // Allow a page the role lacks.
    await app.services.prisma.userPageAccess.deleteMany({ where: { userId: app.ids.agent } })
    const allow = await httpPost(server.url, '/permissions', tokens.admin, {
      userId: app.ids.agent,
      page: 'candidates',
      access: 'allow',
    })
    expect(allow.status).toBe(302)
    expect((await httpGet(server.url, '/candidates', tokens.agent)).status).toBe(200)
    await app.services.prisma.userPageAccess.deleteMany({ where: { userId: app.ids.agent } })
  })

  it('a role change applies on the next request without signing in again', async () => {
    const user = await app.createUser({ email: 'promoted@example.com', role: 'viewer' })
    const token = await httpSignIn(server.url, user.email)
    expect((await httpGet(server.url, '/interviews', token)).status).toBe(403)
    const res = await httpPost(server.url, `/users/${user.id}/edit`, tokens.admin, {
      fullName: 'Promoted',
      email: user.email,
      role: 'manager',
      password: '',
    })
    expect(res.status).toBe(302)
    expect((await httpGet(server.url, '/interviews', token)).status).toBe(200)
  })

  it('deactivation signs the user out on their next request', async () => {
    const user = await app.createUser({ email: 'deactivated@example.com', role: 'agent' })
    const token = await httpSignIn(server.url, user.email)
    expect((await httpPost(server.url, `/users/${user.id}/deactivate`, tokens.admin, {})).status).toBe(302)
    const res = await httpGet(server.url, '/dashboard', token)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/login/)
  })
})

describe('forms and query strings', () => {
  it('sign-in: bad credentials get one generic message with 401; empty fields get 400 with field messages', async () => {
    const post = (body: Record<string, string>) =>
      fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url },
        body: new URLSearchParams(body),
      })
    const wrong = await post({ email: DEMO.viewer, password: 'nope-nope-nope' })
    const unknown = await post({ email: 'ghost@example.com', password: TEST_PASSWORD })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [w, u] = [await wrong.text(), await unknown.text()]
    expect(w).toContain('Invalid email or password.')
    expect(u).toContain('Invalid email or password.')
    const empty = await post({ email: '', password: '' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Email is required')
  })

  it('a refused sign-in keeps the email typed, never sends the password back, and says why above the form', async () => {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url },
      body: new URLSearchParams({ email: DEMO.viewer, password: 'typed-secret-guess' }),
    })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('Sign-in failed')
    expect(html).toContain(`value="${DEMO.viewer}"`)
    expect(html).not.toContain('typed-secret-guess')
  })

  it('sign-in honours a same-site redirectTo and ignores an off-site one', async () => {
    const login = (redirectTo: string) =>
      fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url },
        body: new URLSearchParams({ email: DEMO.admin, password: TEST_PASSWORD, redirectTo }),
      })
    expect((await login('/users?role=agent')).headers.get('location')).toBe('/users?role=agent')
    for (const evil of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      expect((await login(evil)).headers.get('location')).toBe('/dashboard')
    }
  })

  it('too many failed sign-ins answer 429 with Retry-After', async () => {
    const attempt = () =>
      fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url },
        body: new URLSearchParams({ email: 'target@example.com', password: 'guess-guess-guess' }),
      })
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('the add-user form rejects bad input with 400, field messages and no password echoed, and creates nothing', async () => {
    const count = await app.prisma.user.count()
    const res = await httpPost(server.url, '/users/new', tokens.admin, {
      email: 'not-an-email',
      fullName: '',
      role: 'wizard',
      password: 'short',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('Password must be at least 12 characters')
    expect(html).not.toContain('value="short"') // passwords never come back
    expect(await app.prisma.user.count()).toBe(count)
    const garbage = await fetch(`${server.url}/users/new`, {
      method: 'POST',
      headers: { cookie: `gatehouse_session=${tokens.admin}`, 'content-type': 'application/json', origin: server.url },
      body: '{not json',
    })
    expect(garbage.status).toBe(400)
    expect(await app.prisma.user.count()).toBe(count)
  })

  it('bad query strings are a 400 that names the field, never a 500', async () => {
    for (const query of [
      'page=abc',
      'size=1000',
      'role=wizard',
      'active=maybe',
      'sort=password',
      'q=%00abc',
      'q=a%0Ab',
    ]) {
      const res = await httpGet(server.url, `/users?${query}`, tokens.admin)
      expect(res.status, query).toBe(400)
      expect(await res.text()).toContain('Bad request')
    }
  })

  it('the users list searches, filters and paginates in the query string', async () => {
    const html = await (await httpGet(server.url, '/users?q=VIEWER%40gate&active=true', tokens.admin)).text()
    expect(html).toContain('data-testid="user-row-viewer@gatehouse.test"')
    expect(html).not.toContain('data-testid="user-row-admin@gatehouse.test"')
    const none = await (await httpGet(server.url, '/users?q=zz-no-such-person', tokens.admin)).text()
    expect(none).toContain('No users match these filters.')
    const page2 = await (await httpGet(server.url, '/users?size=2&page=2&sort=email&dir=asc', tokens.admin)).text()
    expect(page2).toMatch(/Showing 3–4 of \d+/)
    const matrixPage2 = await (await httpGet(server.url, '/permissions?size=2&page=2', tokens.admin)).text()
    expect(matrixPage2).toMatch(/Showing 3–4 of \d+/)
    expect(matrixPage2.match(/data-testid="matrix-row-/g)).toHaveLength(2)
    expect((await httpGet(server.url, '/permissions?size=500', tokens.admin)).status).toBe(400)
  })
})

describe('security headers and CSRF (product.md, Security baseline)', () => {
  it('sends an enforced CSP with a per-request nonce that every inline script carries', async () => {
    const [a, b] = [await httpGet(server.url, '/login'), await httpGet(server.url, '/login')]
    const csp = a.headers.get('content-security-policy')!
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!
    expect(b.headers.get('content-security-policy')).not.toContain(nonce)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(a.headers.get('x-content-type-options')).toBe('nosniff')
    expect(a.headers.get('referrer-policy')).toBeTruthy()
    expect(a.headers.get('permissions-policy')).toContain('camera=()')
    expect(a.headers.get('strict-transport-security')).toBeNull() // only in production
    const html = await a.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  })

  it('rejects cross-origin non-GET requests with 403 and changes nothing', async () => {
    const before = await app.prisma.session.count()
    const evil = await fetch(`${server.url}/logout`, {
      method: 'POST',
      headers: { cookie: `gatehouse_session=${tokens.viewer}`, origin: 'https://evil.example' },
    })
    expect(evil.status).toBe(403)
    const crossSite = await fetch(`${server.url}/api/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        cookie: `gatehouse_session=${tokens.viewer}`,
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(crossSite.status).toBe(403)
    expect(await app.prisma.session.count()).toBe(before)
    expect((await httpGet(server.url, '/dashboard', tokens.viewer)).status).toBe(200)
  })
})

describe('/api/trpc (product.md, API)', () => {
  const client = (token?: string) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${server.url}/api/trpc`,
          transformer: superjson,
          headers: () => (token ? { cookie: `gatehouse_session=${token}` } : {}),
        }),
      ],
    })

  it('serves typed procedures with superjson (dates arrive as Date)', async () => {
    const list = await client(tokens.admin).users.list.query({ pageSize: 5 })
    expect(list.items).toHaveLength(5)
    expect(list.items[0]!.createdAt).toBeInstanceOf(Date)
    const me = await client(tokens.agent).auth.me.query()
    expect(me.user.role).toBe('agent')
    expect(me.pages.find((p) => p.page === 'candidates')?.access).toBe(false)
  })

  it('answers 401 signed out, 403 without permission, 400 with field messages for bad input', async () => {
    const statusOf = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => null,
        (err: unknown) => err,
      )
      expect(e).toBeInstanceOf(TRPCClientError)
      return (e as TRPCClientError<AppRouter>).data
    }
    expect((await statusOf(client().users.list.query({})))?.httpStatus).toBe(401)
    expect((await statusOf(client(tokens.viewer).users.list.query({})))?.httpStatus).toBe(403)
    const bad = await statusOf(
      client(tokens.admin).users.create.mutate({ email: 'x', fullName: '', role: 'viewer', password: 'short' }),
    )
    expect(bad?.httpStatus).toBe(400)
    expect(bad?.code).toBe('BAD_REQUEST')
    expect(Object.keys(bad?.fieldErrors ?? {}).sort()).toEqual(['email', 'fullName', 'password'])
    expect(bad?.fieldErrors?.password).toEqual(['Password must be at least 12 characters'])
  })
})
