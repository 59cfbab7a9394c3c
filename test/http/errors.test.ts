/**
 * The one error path (product.md, Errors): an internal error in a loader, an action or a procedure
 * over /api/trpc shows "Something went wrong on our side" with a reference (the request id), never
 * the driver's message, answers 500, and is logged exactly once with the request id, user id and
 * procedure path. Bad input (NUL bytes, control characters) is a 400 with a field message instead.
 */
import net from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
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
import { waitFor } from '#test/helpers/wait.ts'

const log = memoryLogger()
let app: TestApp
let server: TestServer
let admin: string

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false, logger: log.logger })
  server = await startServer(app.services)
  admin = await httpSignIn(server.url, DEMO.admin)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})
beforeEach(() => {
  log.lines.length = 0
})

/** Makes every query on audit_logs fail (as a lost table would) while `fn` runs. */
async function withBrokenAuditTable<T>(fn: () => Promise<T>): Promise<T> {
  await app.prisma.$executeRawUnsafe('ALTER TABLE audit_logs RENAME TO audit_logs_away')
  try {
    return await fn()
  } finally {
    await app.prisma.$executeRawUnsafe('ALTER TABLE audit_logs_away RENAME TO audit_logs')
  }
}

const errorLines = () => log.lines.filter((l) => l.level === 50)

describe('internal errors', () => {
  it('in a loader: 500, a reference instead of the driver message, one log line', async () => {
    const res = await withBrokenAuditTable(() => httpGet(server.url, '/dashboard', admin))
    const html = await res.text()
    const requestId = res.headers.get('x-request-id')!
    expect(res.status).toBe(500)
    expect(html).toContain('Something went wrong on our side.')
    expect(html).toMatch(new RegExp(`data-testid="error-reference"[^>]*>${requestId}<`))
    expect(html).not.toMatch(/audit_logs|relation|does not exist/i)
    const lines = errorLines()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      requestId,
      userId: app.ids.admin,
      path: 'dashboard.summary',
      msg: 'procedure failed',
    })
    expect(JSON.stringify(lines[0])).toMatch(/audit_logs/) // the detail is in the log, for the operator
  })

  it('in an action: 500 with the reference, nothing half-written, one log line', async () => {
    const before = await app.prisma.user.count()
    const res = await withBrokenAuditTable(() =>
      httpPost(server.url, '/users/new', admin, {
        email: 'broken@example.com',
        fullName: 'Broken',
        role: 'viewer',
        password: 'a-long-enough-password',
      }),
    )
    const requestId = res.headers.get('x-request-id')!
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(body).toContain('Something went wrong on our side.')
    expect(body).toContain(requestId)
    expect(body).not.toMatch(/audit_logs|relation/i)
    expect(await app.prisma.user.count()).toBe(before)
    expect(errorLines()).toHaveLength(1)
    expect(errorLines()[0]).toMatchObject({ requestId, userId: app.ids.admin, path: 'users.create' })
  })

  it('over /api/trpc: INTERNAL_SERVER_ERROR with the reference in data, one log line', async () => {
    const res = await withBrokenAuditTable(() =>
      fetch(`${server.url}/api/trpc/dashboard.summary`, { headers: { cookie: `gatehouse_session=${admin}` } }),
    )
    const requestId = res.headers.get('x-request-id')!
    expect(res.status).toBe(500)
    const body = (await res.json()) as {
      error: { json: { message: string; data: { code: string; requestId: string } } }
    }
    expect(body.error.json.message).toBe('Something went wrong on our side.')
    expect(body.error.json.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId })
    expect(JSON.stringify(body)).not.toMatch(/audit_logs|stack/i)
    expect(errorLines()).toHaveLength(1)
    expect(errorLines()[0]).toMatchObject({ requestId, path: 'dashboard.summary' })
  })
})

describe('bad input is a 400, not an internal error', () => {
  it('a NUL byte in a list search answers 400 with the field message and logs no error', async () => {
    const res = await httpGet(server.url, '/users?q=%00abc', admin)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Search contains characters that are not allowed')
    expect(errorLines()).toHaveLength(0)
  })

  it('control characters in a form field are refused with the field message', async () => {
    const res = await httpPost(server.url, '/users/new', admin, {
      email: 'ctl@example.com',
      fullName: 'Bad\u0000Name',
      role: 'viewer',
      password: 'a-long-enough-password',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Name contains characters that are not allowed')
    expect(await app.prisma.user.count({ where: { email: 'ctl@example.com' } })).toBe(0)
  })
})

describe('a client that hangs up is not an error', () => {
  /** Asks for `path` on a raw socket and closes it after `afterBytes` bytes of the answer (0: as soon as the request is sent). */
  function hangUp(path: string, afterBytes: number): Promise<void> {
    const { hostname, port } = new URL(server.url)
    return new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${SESSION_COOKIE_NAME}=${admin}\r\n\r\n`,
        )
        if (afterBytes === 0) socket.destroy()
      })
      let received = 0
      socket.on('data', (chunk) => {
        received += chunk.length
        if (received >= afterBytes) socket.destroy()
      })
      socket.on('close', () => resolve())
      socket.on('error', () => resolve())
    })
  }

  it('pages left mid-stream or before the answer log nothing and print nothing', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const before = new Set(server.sockets)
      await Promise.all(
        Array.from({ length: 24 }, (_, i) => hangUp('/permissions?size=100', [0, 1, 2_000, 20_000][i % 4]!)),
      )
      // The server has seen every one of them go (what it does about a hang-up, it does on that close).
      await waitFor(() => [...server.sockets].every((s) => before.has(s)), {
        what: 'the server to see all 24 hang-ups',
      })
      // and the server still answers in full afterwards
      const res = await httpGet(server.url, '/permissions', admin)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('</html>')
      expect(printed.mock.calls.map((c) => String(c[0]))).toEqual([])
      expect(errorLines()).toHaveLength(0)
    } finally {
      printed.mockRestore()
    }
  })
})
