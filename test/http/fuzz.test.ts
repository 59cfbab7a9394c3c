/**
 * Property-based abuse test over every page (product.md, Security baseline: bad input): hostile
 * path parameters, query strings and form fields (test/helpers/hostile.ts) sent over real HTTP to
 * every route's loader and action, as an admin, a viewer and signed out. For every case: never a 500,
 * never a hostile marker echoed back as markup, and a refused request (4xx) changed nothing in the
 * database. Fixed seed in CI; FUZZ_RUNS=… for longer runs.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadServerBuild } from '#server/http/server-build.server.ts'
import { DEMO, setupTestApp, startServer, type TestApp, type TestServer } from '#test/helpers/app.ts'
import {
  databaseFingerprint,
  FUZZ_RUNS,
  FUZZ_SEED,
  hostileScalar,
  knownIds,
  XSS_MARKERS,
} from '#test/helpers/hostile.ts'
import { limit } from '#test/helpers/wait.ts'

type Who = 'admin' | 'viewer' | 'signed out'
const WHO: Who[] = ['admin', 'viewer', 'signed out']

/** Field names the forms use, so hostile values reach the schemas instead of being ignored. */
const FORM_FIELDS = [
  'id',
  'email',
  'password',
  'fullName',
  'role',
  'position',
  'phone',
  'status',
  'notes',
  'scheduledAt',
  'durationMins',
  'interviewType',
  'interviewerName',
  'interviewerId',
  'candidateId',
  'callerName',
  'callerNumber',
  'direction',
  'outcome',
  'durationSecs',
  'isImportant',
  'score',
  'feedback',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'access',
  'page',
  'userId',
  'intent',
  'redirectTo',
  'returnTo',
  'colorScheme',
  'active',
  'outcome',
  'cancelInterviews',
  'scoreComment',
]
/** Query names the list screens read. */
const QUERY_NAMES = [
  'q',
  'size',
  'page',
  'sort',
  'dir',
  'status',
  'direction',
  'outcome',
  'callType',
  'role',
  'from',
  'to',
  'range',
  'cursor',
  'actorId',
  'action',
  'target',
  'targetId',
  'targetUserId',
  'candidateId',
  'interviewer',
  'type',
  'important',
  'position',
  'redirectTo',
  'returnTo',
  'view',
  'week',
]

let app: TestApp
let server: TestServer
let ids: string[]
let routes: Array<{ id: string; pattern: string; index: boolean; hasAction: boolean }>
let requests = 0

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  const actors = new Set([app.ids.admin, app.ids.viewer])
  ids = (await knownIds(app)).filter((id) => !actors.has(id))
  const build = await loadServerBuild()
  const urlOf = (id: string): string => {
    const route = build.routes[id]!
    const parent = route.parentId && route.parentId !== 'root' ? urlOf(route.parentId) : ''
    return route.path ? `${parent.replace(/\/$/, '')}/${route.path}` : parent
  }
  routes = Object.keys(build.routes)
    .filter((id) => id !== 'root')
    .map((id) => ({
      id,
      pattern: urlOf(id) || '/',
      index: Boolean(build.routes[id]!.index),
      hasAction: Boolean(build.routes[id]!.module.action),
    }))
})
afterAll(async () => {
  console.info(`fuzz: ${requests} page requests (FUZZ_RUNS=${FUZZ_RUNS}, seed ${FUZZ_SEED})`)
  await server?.close()
  await app?.close()
})

const text = () =>
  hostileScalar(ids).map((v) =>
    v instanceof Date ? (Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()) : String(v),
  )

/**
 * A path segment as a hostile client can send it: encodeURIComponent refuses a lone surrogate
 * (URIError), so it goes as the bytes a broken client would send for it (%ED%A0%80, not UTF-8).
 */
const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/
function encodeSegment(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('')
}

function caseFor(pattern: string, hasAction: boolean) {
  return fc.record({
    who: fc.constantFrom(...WHO),
    method: hasAction ? fc.constantFrom('GET', 'POST') : fc.constant('GET'),
    params: fc.array(text(), { minLength: 3, maxLength: 3 }),
    query: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), text()), { maxLength: 4 }),
    form: fc.array(fc.tuple(fc.constantFrom(...FORM_FIELDS), text()), { maxLength: 6 }),
  })
}

describe('hostile requests to every route', () => {
  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(40)
  })

  it(
    'every loader and action: never a 500, never an unescaped echo, a refusal changes nothing',
    async () => {
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(caseFor(route.pattern, route.hasAction), async (c) => {
            requests++
            let i = 0
            const pathname = route.pattern.replace(
              /:[A-Za-z]+/g,
              () => encodeSegment(c.params[i++]!.slice(0, 2000)) || 'x',
            )
            const query = new URLSearchParams(c.query.map(([k, v]) => [k, v.slice(0, 2000)]))
            if (route.index && c.method === 'POST') query.set('index', '')
            const headers: Record<string, string> = { origin: server.url }
            if (c.who !== 'signed out') headers.cookie = `gatehouse_session=${await app.sessionToken(DEMO[c.who])}`
            const before = await databaseFingerprint(app)
            const init: RequestInit = { method: c.method, redirect: 'manual', headers }
            if (c.method === 'POST') {
              headers['content-type'] = 'application/x-www-form-urlencoded'
              init.body = new URLSearchParams(c.form)
            }
            const url = `${server.url}${pathname}${query.size > 0 ? `?${query}` : ''}`
            const res = await fetch(url, init)
            const body = await res.text()
            const what = `${c.method} ${url} as ${c.who} (${route.id}) -> ${res.status}`
            expect(res.status, what).toBeLessThan(500)
            for (const marker of XSS_MARKERS) expect(body.includes(marker), `${what} echoed ${marker}`).toBe(false)
            if (res.status >= 400) expect(await databaseFingerprint(app), `${what} changed the database`).toBe(before)
          }),
          { numRuns: FUZZ_RUNS * 2, seed: FUZZ_SEED, endOnFailure: true },
        )
      }
      // ~90 requests per FUZZ_RUNS, each checked against the database when refused: about a minute on an
      // idle machine, well over two on a busy one. The limit only catches a hang.
    },
    limit(Math.max(600_000, FUZZ_RUNS * 75_000)),
  )
})
