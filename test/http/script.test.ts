/**
 * scripts/list-users.ts against a live server over HTTP (product.md, API: typed scripts call the same procedures).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, setupTestApp, startServer, TEST_PASSWORD, type TestApp, type TestServer } from '#test/helpers/app.ts'

const run = promisify(execFile)
let app: TestApp
let server: TestServer
beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const script = (...args: string[]) =>
  run('npx', ['tsx', 'scripts/list-users.ts', '--url', server.url, ...args], {
    env: { ...process.env, NODE_ENV: 'test' },
  })

describe('scripts/list-users.ts', () => {
  it('signs in as an admin and prints every user', async () => {
    const { stdout } = await script('--email', DEMO.admin, '--password', TEST_PASSWORD)
    const total = await app.prisma.user.count()
    expect(stdout).toContain(`${total} users`)
    for (const email of Object.values(DEMO)) expect(stdout).toContain(email)
    expect(stdout).toMatch(/Ada Admin\s+admin@gatehouse\.test\s+admin\s+active\s+\d{4}-\d{2}-\d{2}/)
    // It signed out again: no session is left for the admin from the script.
    const sessions = await app.prisma.session.count({ where: { userId: app.ids.admin, userAgent: { not: 'vitest' } } })
    expect(sessions).toBe(0)
  })

  it('filters with --role and prints JSON with --json', async () => {
    const { stdout } = await script('--email', DEMO.admin, '--password', TEST_PASSWORD, '--role', 'viewer', '--json')
    const users = JSON.parse(stdout) as Array<{ role: string; email: string }>
    expect(users.length).toBeGreaterThan(0)
    expect(users.every((u) => u.role === 'viewer')).toBe(true)
  })

  it('fails with the FORBIDDEN message for an account without user management', async () => {
    const error = await script('--email', DEMO.viewer, '--password', TEST_PASSWORD).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    )
    expect(error?.code).toBe(1)
    expect(error?.stderr).toContain('FORBIDDEN')
  })

  it('fails with the generic message on a wrong password', async () => {
    const error = await script('--email', DEMO.admin, '--password', 'wrong-password!').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    )
    expect(error?.code).toBe(1)
    expect(error?.stderr).toContain('Invalid email or password.')
  })
})
