/**
 * Every page is axe-clean (0 serious or critical violations) for each demo role, in the light and the
 * dark scheme (product.md, Screens; the theme fixes contrast once for all pages). Pages a role cannot
 * open are not listed for it; their 403 page is scanned as /unauthorized.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '#shared/permissions/policy.ts'
import { DEMO } from '#test/helpers/app.ts'
import { browserSuite, newContext, signIn } from '#test/helpers/browser.ts'
import { limit } from '#test/helpers/wait.ts'

const ids = { candidate: '', interview: '', user: '', call: '' }

const suite = browserSuite()
beforeAll(async () => {
  ids.candidate = (await suite.app.prisma.candidate.findFirstOrThrow({ orderBy: { email: 'asc' } })).id
  ids.interview = (
    await suite.app.prisma.interview.findFirstOrThrow({
      where: { status: 'completed' },
      orderBy: { scheduledAt: 'asc' },
    })
  ).id
  ids.user = suite.app.ids.viewer
  ids.call = (await suite.app.prisma.call.findFirstOrThrow({ orderBy: { calledAt: 'desc' } })).id
})

/** The pages each role can open (product.md, Permissions: role defaults and actions, plus the demo overrides). */
function pagesFor(role: Role): string[] {
  const c = `/candidates/${ids.candidate}`
  const i = `/interviews/${ids.interview}`
  const call = `/calls/${ids.call}`
  const pages: Record<Role, string[]> = {
    admin: [
      '/dashboard',
      '/candidates',
      c,
      '/candidates/new',
      `${c}/edit`,
      `${c}/delete`,
      `${c}/status?status=rejected`,
      '/interviews',
      '/interviews?view=week',
      '/interviews/new',
      i,
      `${i}/delete`,
      '/calls',
      '/calls?range=today',
      call,
      `${call}/edit`,
      `${call}/delete`,
      '/calls/new',
      '/users',
      '/users/new',
      `/users/${ids.user}`,
      `/users/${ids.user}/sign-out`,
      `/users/${ids.user}/edit`,
      `/users/${ids.user}/delete`,
      '/permissions',
      '/audit',
      '/audit?action=candidate_created',
      '/settings',
      '/settings/password',
      '/settings/appearance',
      '/settings/sessions',
      '/unauthorized',
    ],
    manager: [
      '/dashboard',
      '/candidates',
      c,
      '/interviews',
      '/interviews?range=past',
      i,
      '/calls',
      call,
      '/audit',
      '/settings',
      '/settings/sessions',
      '/unauthorized',
    ],
    agent: [
      '/dashboard',
      '/candidates',
      c,
      '/interviews',
      '/interviews/new',
      i,
      '/calls',
      '/calls/new',
      call,
      '/audit',
      '/settings',
      '/unauthorized',
    ],
    viewer: [
      '/dashboard',
      '/calls',
      call,
      '/audit',
      '/settings',
      '/settings/password',
      '/settings/appearance',
      '/settings/sessions',
      '/unauthorized',
    ],
  }
  return pages[role]
}

/**
 * Waits until nothing on the page is mid-transition: Mantine fades dropdowns in, and axe reading a
 * colour at 75% opacity (a slow machine stretches the fade) reports a contrast a person never sees.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(document.getAnimations().every((a) => a.playState !== 'running'))),
        ),
      ),
    undefined,
    { timeout: limit(30_000) },
  )
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]?.html.slice(0, 140)} — ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 200)}`,
    )
}

describe.each(['light', 'dark'] as const)('axe, %s scheme', (colorScheme) => {
  it('the sign-in page', async () => {
    const context = await newContext(suite.browser, { colorScheme })
    const page = await context.newPage()
    await page.goto(`${suite.server.url}/login`)
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(colorScheme)
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it.each(['admin', 'manager', 'agent', 'viewer'] as const)(
    'every page of the %s',
    async (role) => {
      const errors: string[] = []
      const page = await signIn(suite.browser, suite.server.url, DEMO[role], errors, { colorScheme })
      const found: Record<string, string[]> = {}
      for (const path of pagesFor(role)) {
        await page.goto(`${suite.server.url}${path}`)
        await page.locator('main h1').first().waitFor()
        const violations = await seriousViolations(page)
        if (violations.length) found[path] = violations
      }
      expect(found).toEqual({})
      expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(colorScheme)
      expect(errors).toEqual([])
      await page.context().close()
    },
    limit(600_000),
  ) // ~30 pages with an axe run each: ~45 s alone, far more on a busy 2-core machine
})

/**
 * The same check once something is open or has gone wrong (first loads alone miss these): a form
 * showing its errors, a modal, the date pickers, the user menu and a picker's list, in both schemes.
 */
describe.each(['light', 'dark'] as const)('axe with things open, %s scheme', (colorScheme) => {
  it(
    'a form showing errors, a modal, date pickers, the user menu and a picker list',
    async () => {
      const errors: string[] = []
      const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors, { colorScheme })
      const found: Record<string, string[]> = {}
      const scan = async (state: string) => {
        await settled(page)
        const violations = await seriousViolations(page)
        if (violations.length) found[state] = violations
      }

      // A form showing errors, in a modal over the list.
      await page.goto(`${suite.server.url}/candidates`)
      await page.getByRole('link', { name: 'New candidate' }).click()
      const dialog = page.getByRole('dialog', { name: 'New candidate' })
      await dialog.waitFor()
      await scan('modal open')
      await dialog.getByLabel('Email').fill('not-an-email')
      await dialog.getByRole('button', { name: 'Add candidate' }).click()
      await dialog.getByText('Enter a valid email address').waitFor()
      await scan('modal form showing errors')
      await page.keyboard.press('Escape')

      // The same form as a page, its errors rendered by the server.
      await page.goto(`${suite.server.url}/users/new`)
      await page.getByRole('button', { name: 'Add user' }).click()
      await page.locator('[aria-invalid="true"]').first().waitFor()
      await scan('page form showing errors')

      // The date and time picker of a form, open.
      await page.goto(`${suite.server.url}/interviews/new`)
      // The form's code (and the picker's look-alike) arrives when the pointer first comes over it.
      await page.getByLabel('Starts').hover()
      await page.getByRole('button', { name: 'Starts' }).click()
      await page.getByRole('button', { name: 'Next month' }).waitFor()
      await scan('date and time picker open')
      await page.keyboard.press('Escape')

      // A list's date filter, open.
      await page.goto(`${suite.server.url}/audit`)
      await page.getByRole('search').getByRole('button', { name: 'From', exact: true }).click()
      await page.getByRole('button', { name: 'Next month' }).waitFor()
      await scan('date filter open')
      await page.keyboard.press('Escape')

      // A picker's list of options, open.
      await page.getByRole('textbox', { name: 'Who' }).click()
      await page.getByRole('listbox').waitFor()
      await scan('picker list open')
      await page.keyboard.press('Escape')

      // The user menu, open.
      await page.getByTestId('user-menu').click()
      await page.getByRole('menu').waitFor()
      await scan('user menu open')

      expect(found).toEqual({})
      expect(errors).toEqual([])
      await page.context().close()
    },
    limit(600_000),
  )
})
