/**
 * A real browser (Debian's Chromium via playwright-core) against the real server: each demo account
 * signs in and sees exactly the nav and pages of product.md, Permissions; an admin's click in /permissions applies to
 * the target user's next request and lands in the audit log; users are added, edited and deleted through the route modals; the
 * theme toggles; no page logs an error (hydration, CSP). Set UPDATE_SCREENSHOTS=1 to refresh
 * docs/permission-matrix.png for the README.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO, TEST_PASSWORD } from '#test/helpers/app.ts'
import { browserSuite, signIn as signInAs } from '#test/helpers/browser.ts'

const suite = browserSuite({ demoOverrides: false })

/** A fresh browser context signed in through the real login form, on the dashboard. */
async function signIn(email: string, errors: string[]): Promise<Page> {
  const page = await signInAs(suite.browser, suite.server.url, email, errors)
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
  return page
}

const NAV: Record<Role, string[]> = {
  admin: ['Dashboard', 'Candidates', 'Interviews', 'Calls', 'Users', 'Permissions', 'Audit log', 'Settings'],
  manager: ['Dashboard', 'Candidates', 'Interviews', 'Calls', 'Audit log', 'Settings'],
  agent: ['Dashboard', 'Interviews', 'Calls', 'Audit log', 'Settings'],
  viewer: ['Dashboard', 'Audit log', 'Settings'],
}
const PATHS: Record<string, string> = {
  Dashboard: '/dashboard',
  Candidates: '/candidates',
  Interviews: '/interviews',
  Calls: '/calls',
  Users: '/users',
  Permissions: '/permissions',
  'Audit log': '/audit',
  Settings: '/settings',
}

const navLabels = (page: Page) => page.locator('[data-testid="sidebar-nav"] a').allInnerTexts()

describe('in a real browser', () => {
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) {
    it(`${role} sees exactly the nav and pages of their role`, async () => {
      const errors: string[] = []
      const page = await signIn(DEMO[role], errors)
      expect((await navLabels(page)).map((s) => s.trim())).toEqual(NAV[role])
      for (const [label, path] of Object.entries(PATHS)) {
        const response = await page.goto(`${suite.server.url}${path}`)
        if (NAV[role].includes(label)) {
          expect(response?.status(), path).toBe(200)
        } else {
          expect(response?.status(), path).toBe(403)
          await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor()
        }
      }
      expect(errors).toEqual([])
      await page.context().close()
    })
  }

  it("an admin's click in the matrix applies to the user's next request and is audited", async () => {
    const errors: string[] = []
    const admin = await signIn(DEMO.admin, errors)
    const agent = await signIn(DEMO.agent, errors)
    await agent.goto(`${suite.server.url}/calls`)
    expect((await navLabels(agent)).map((s) => s.trim())).toContain('Calls')

    await admin.goto(`${suite.server.url}/permissions?q=agent%40gatehouse`)
    const cell = admin.getByTestId(`cell-${suite.app.ids.agent}-calls`)
    expect(await cell.getAttribute('data-state')).toBe('inherit')
    await cell.getByRole('button').click() // inherit -> allow
    await admin.getByText('Calls: allowed (override).').waitFor()
    await expect.poll(() => cell.getAttribute('data-state')).toBe('allow')
    await cell.getByRole('button').click() // allow -> deny
    await admin.getByText('Calls: denied (override).').waitFor()
    await expect.poll(() => cell.getAttribute('data-state')).toBe('deny')
    await expect.poll(() => cell.getAttribute('data-access')).toBe('false')
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await admin.goto(`${suite.server.url}/permissions`)
      await admin.waitForLoadState('networkidle')
      await admin.screenshot({ path: 'docs/permission-matrix.png', caret: 'initial' })
    }

    const response = await agent.goto(`${suite.server.url}/calls`)
    expect(response?.status()).toBe(403)
    expect((await navLabels(agent)).map((s) => s.trim())).not.toContain('Calls')

    const entry = await suite.app.prisma.auditLog.findFirst({
      where: { action: 'permission_denied', targetUserId: suite.app.ids.agent },
      orderBy: { timestamp: 'desc' },
    })
    expect(entry?.metadata).toEqual({
      page: 'calls',
      before: { state: 'allow', access: true },
      after: { state: 'deny', access: false },
    })
    expect(entry?.actorId).toBe(suite.app.ids.admin)
    expect(errors).toEqual([])
  })

  it('adds, edits and deletes a user through the modals, with validation messages first', async () => {
    const errors: string[] = []
    const page = await signIn(DEMO.admin, errors)
    await page.goto(`${suite.server.url}/users`)
    await page.getByRole('link', { name: 'Add user' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Full name').fill('Browser Made')
    await dialog.getByLabel('Email').fill('browser.made@example.com')
    await dialog.getByLabel('Password').fill('short')
    await dialog.getByRole('button', { name: 'Add user' }).click()
    await dialog.getByText('Password must be at least 12 characters').waitFor()
    expect(await suite.app.prisma.user.count({ where: { email: 'browser.made@example.com' } })).toBe(0)
    await dialog.getByLabel('Password').fill('a-much-longer-password')
    await dialog.getByRole('button', { name: 'Add user' }).click()
    await page.getByText('Browser Made was added.').waitFor()
    await page.getByTestId('user-row-browser.made@example.com').waitFor()
    expect(await suite.app.prisma.user.count({ where: { email: 'browser.made@example.com' } })).toBe(1)

    // Edit in a modal over the list.
    await page.getByRole('link', { name: 'Edit Browser Made' }).click()
    await page.getByRole('dialog').getByLabel('Full name').fill('Browser Renamed')
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('Browser Renamed was saved.').waitFor()

    // Delete asks for confirmation.
    await page.getByRole('link', { name: 'Delete Browser Renamed' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete user' }).click()
    await page.getByText('Browser Renamed was deleted.').waitFor()
    expect(await suite.app.prisma.user.count({ where: { email: 'browser.made@example.com' } })).toBe(0)
    expect(errors).toEqual([])
  })

  it('toggles between light and dark themes', async () => {
    const errors: string[] = []
    const page = await signIn(DEMO.viewer, errors)
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme')
    const first = await scheme()
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click()
    await expect.poll(scheme).not.toBe(first)
    expect(errors).toEqual([])
  })

  it('a form page loads no zod until the form is used, then checks a field on blur without asking the server', async () => {
    const errors: string[] = []
    const page = await signIn(DEMO.viewer, errors)
    const scripts: Array<{ path: string; body: Promise<string> }> = []
    const posts: string[] = []
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ path: new URL(r.url()).pathname, body: r.text() })
    })
    page.on('request', (r) => {
      if (r.method() !== 'GET') posts.push(new URL(r.url()).pathname)
    })
    // zod's core names its classes with these strings; they survive minification.
    const withZod = async () => {
      const found: string[] = []
      for (const s of scripts) if ((await s.body).includes('$ZodType')) found.push(s.path)
      return found
    }
    await page.goto(`${suite.server.url}/settings`)
    await page.waitForLoadState('networkidle')
    expect(scripts.length).toBeGreaterThan(0)
    expect(await withZod()).toEqual([])

    await page.getByLabel('Email').fill('not-an-email')
    await page.keyboard.press('Tab')
    await page.getByText('Enter a valid email address').waitFor()
    expect(posts).toEqual([])
    expect((await withZod()).length).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('draws the dashboard charts once the page is interactive, from a chunk the route does not load up front', async () => {
    const errors: string[] = []
    const page = await signIn(DEMO.admin, errors)
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await page.goto(`${suite.server.url}/dashboard`)
    const html = await (await page.request.get(`${suite.server.url}/dashboard`)).text()
    // The server sends a box of the chart's height for each picture (recharts drew nothing there either: it measures in the browser).
    expect(html.match(/data-testid="chart-placeholder"/g)).toHaveLength(3)
    for (const title of ['Candidates by status', 'Interviews per day, next 14 days', 'Calls per day, last 14 days']) {
      const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: title }) })
      await expect.poll(() => figure.locator('.recharts-bar-rectangle').count(), { message: title }).toBeGreaterThan(0)
    }
    const chartChunk = scripts.find((s) => /\/bar-chart-[\w-]+\.js$/.test(s))
    expect(chartChunk).toBeDefined()
    expect(html).not.toContain(chartChunk!)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the sign-in form checks its fields first, says when the password is wrong, and keeps the email', async () => {
    const errors: string[] = []
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${suite.server.url}/login`)
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Enter a valid email address').waitFor()
    await page.getByLabel('Email').fill(DEMO.viewer)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Invalid email or password.').waitFor()
    expect(await page.getByLabel('Email').inputValue()).toBe(DEMO.viewer)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((u) => u.pathname === '/dashboard')
    expect(errors).toEqual([])
    await context.close()
  })

  it('signs out from the user menu', async () => {
    const errors: string[] = []
    const page = await signIn(DEMO.viewer, errors)
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL((u) => u.pathname === '/login')
    const response = await page.goto(`${suite.server.url}/dashboard`)
    expect(new URL(response!.url()).pathname).toBe('/login')
  })
})
