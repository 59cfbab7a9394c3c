/**
 * A real browser for tests: Debian's Chromium as scripts/chromium.ts launches it (playwright-core, no
 * downloaded browsers), with helpers to sign in through the real login form and to collect console errors (hydration, CSP).
 */
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from '#scripts/chromium.ts'
import { setupTestApp, startServer, TEST_PASSWORD, type TestApp, type TestServer } from './app'
import { limit } from './wait'

/**
 * A fresh browser context (its own cookies). Its pages wait up to a minute for an element, a
 * navigation or a URL (Playwright's default, 30 s, is short for a busy machine); `limit` scales it.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options)
  context.setDefaultTimeout(limit(60_000))
  return context
}

/**
 * A fresh browser context (its own cookies) signed in as `email` through the login form. Console
 * errors go to `errors`, except Chrome's note about the expected non-2xx documents (403, 400, 409).
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1400, height: 900 }, ...options })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (403|400|409) /.test(m.text())) errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${baseUrl}/login`)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => u.pathname === '/dashboard')
  return page
}

/** What a browser test file works with: the test app (database, services), its HTTP server, Chromium. */
export interface BrowserSuite {
  app: TestApp
  server: TestServer
  browser: Browser
}

/**
 * Sets up a browser test file: before its tests, a test app (demo data; `options` as for
 * setupTestApp), the production build served over real HTTP and Chromium; after them, all closed.
 * The returned object's fields are filled in by the time the tests run.
 */
export function browserSuite(options: Parameters<typeof setupTestApp>[0] = {}): BrowserSuite {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    suite.app = await setupTestApp(options)
    suite.server = await startServer(suite.app.services)
    suite.browser = await launchChromium()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.close()
    await suite.app?.close()
  })
  return suite
}
