/**
 * Every route module under the signed-in layout gates its loader and its action, the way
 * test/db/procedures.test.ts walks every procedure (product.md, Permissions: pages). The routes are
 * read from the real build, so a new route that forgets `requirePage` fails here:
 *   - signed out: a redirect to /login?redirectTo=<path>;
 *   - signed in as a user whose overrides deny every page: 403 (except the few routes any signed-in
 *     user may open, listed below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServerBuild } from '#server/http/server-build.server.ts'
import { PAGES } from '#shared/permissions/policy.ts'
import { httpGet, httpSignIn, setupTestApp, startServer, type TestApp, type TestServer } from '#test/helpers/app.ts'

/** Routes under the layout that need only a signed-in user (product.md, Permissions: pages). */
const SIGNED_IN_ONLY = new Set(['routes/_app.unauthorized', 'routes/_app.audit', 'routes/_app.audit.options'])

let app: TestApp
let server: TestServer
let noAccess: string
let routes: Array<{ id: string; url: string; actionUrl: string; hasLoader: boolean; hasAction: boolean }>

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  const user = await app.createUser({ email: 'no-pages@example.com', role: 'manager' })
  await app.prisma.userPageAccess.createMany({
    data: PAGES.map((pageName) => ({ userId: user.id, pageName, hasAccess: false })),
  })
  noAccess = await httpSignIn(server.url, user.email)

  const build = await loadServerBuild()
  const byId = build.routes
  const underLayout = (id: string): boolean => {
    const parent = byId[id]?.parentId
    return parent === 'routes/_app' || (parent !== undefined && underLayout(parent))
  }
  const urlOf = (id: string): string => {
    const route = byId[id]!
    const own = (route.path ?? '').replace(/:[A-Za-z]+/g, 'no-such-id')
    const parent = route.parentId && route.parentId !== 'root' ? urlOf(route.parentId) : ''
    return own ? `${parent.replace(/\/$/, '')}/${own}` : parent
  }
  routes = Object.keys(byId)
    .filter(underLayout)
    .map((id) => {
      const url = urlOf(id) || '/'
      // A form in an index route posts to its path with `?index` (otherwise the parent would answer).
      return {
        id,
        url,
        actionUrl: byId[id]!.index ? `${url}?index` : url,
        hasLoader: Boolean(byId[id]!.module.loader),
        hasAction: Boolean(byId[id]!.module.action),
      }
    })
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const post = (url: string, token?: string) =>
  fetch(`${server.url}${url}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: server.url,
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { cookie: `gatehouse_session=${token}` } : {}),
    },
    body: 'intent=x',
  })

describe('route gates', () => {
  it('finds the routes under the signed-in layout', () => {
    expect(routes.map((r) => r.id)).toEqual(
      expect.arrayContaining(['routes/_app.users', 'routes/_app.dashboard', 'routes/_app.settings._index']),
    )
    expect(routes.every((r) => r.hasLoader)).toBe(true)
  })

  it('signed out: every loader and action redirects to /login with redirectTo', async () => {
    for (const route of routes) {
      const res = await httpGet(server.url, route.url)
      expect(res.status, `GET ${route.url} (${route.id})`).toBe(302)
      expect(res.headers.get('location'), route.id).toBe(`/login?redirectTo=${encodeURIComponent(route.url)}`)
      if (route.hasAction) {
        const action = await post(route.actionUrl)
        expect(action.status, `POST ${route.url} (${route.id})`).toBe(302)
        expect(action.headers.get('location'), route.id).toMatch(/^\/login\?redirectTo=/)
      }
    }
  })

  it('signed in without the page: every loader and action answers 403', async () => {
    for (const route of routes.filter((r) => !SIGNED_IN_ONLY.has(r.id))) {
      const res = await httpGet(server.url, route.url, noAccess)
      expect(res.status, `GET ${route.url} (${route.id})`).toBe(403)
      if (route.hasAction)
        expect((await post(route.actionUrl, noAccess)).status, `POST ${route.actionUrl} (${route.id})`).toBe(403)
    }
  })
})
