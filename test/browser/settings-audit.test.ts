/**
 * Settings and the audit log in a real browser with JavaScript off (product.md, Settings and Audit
 * log): change the password; filter the audit log and page through it with plain forms and links.
 * With JavaScript: the header toggle and the appearance setting are one preference.
 */
import { describe, expect, it } from 'vitest'
import { DEMO, TEST_PASSWORD } from '#test/helpers/app.ts'
import { browserSuite, signIn } from '#test/helpers/browser.ts'

const suite = browserSuite()

describe('with JavaScript off', () => {
  it('changes the password', async () => {
    const user = await suite.app.createUser({ email: 'nojs.password@example.com', role: 'agent' })
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, user.email, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/settings/password`)
    await page.locator('input[name=currentPassword]').fill('not the password')
    await page.locator('input[name=newPassword]').fill('correct horse battery staple two')
    await page.locator('input[name=confirmPassword]').fill('correct horse battery staple two')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('That is not your current password.').waitFor()
    await page.locator('input[name=currentPassword]').fill(TEST_PASSWORD)
    await page.locator('input[name=newPassword]').fill('correct horse battery staple two')
    await page.locator('input[name=confirmPassword]').fill('correct horse battery staple two')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByTestId('flash').getByText('Your password was changed').waitFor()
    // Still signed in with the new session.
    await page.goto(`${suite.server.url}/settings/sessions`)
    await page.getByTestId('current-session').waitFor()
    expect(
      await suite.app.prisma.auditLog.count({ where: { targetUserId: user.id, action: 'password_changed' } }),
    ).toBe(1)
    expect(errors).toEqual([])
  })

  it('filters the audit log and pages through it', async () => {
    const admin = await suite.app.callerFor(DEMO.admin)
    for (let i = 0; i < 25; i++)
      await admin.candidates.create({
        fullName: `Paged Person ${i}`,
        email: `paged.${i}@example.com`,
        position: 'Trainer',
      })
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/audit`)
    await page.getByLabel('Action').selectOption('candidate_created')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL((u) => u.searchParams.get('action') === 'candidate_created')
    const rows = page.locator('[data-testid^="audit-"]')
    expect(await rows.count()).toBe(20)
    const idsOf = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    const firstPage = await idsOf()
    await page.getByRole('link', { name: 'Older' }).click()
    await page.waitForURL((u) => u.searchParams.has('cursor') && u.searchParams.get('action') === 'candidate_created')
    const secondPage = await idsOf()
    expect(secondPage.length).toBeGreaterThanOrEqual(5)
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([])
    await page.getByRole('link', { name: 'Newer' }).click()
    await page.waitForURL((u) => u.searchParams.get('action') === 'candidate_created')
    expect(await idsOf()).toEqual(firstPage)
    expect(errors).toEqual([])
  })
})

describe('with JavaScript on', () => {
  it('the header toggle and the appearance setting are one preference, kept across pages', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.viewer, errors, { colorScheme: 'light' })
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme')
    await page.goto(`${suite.server.url}/settings/appearance`)
    expect(await scheme()).toBe('light')
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect.poll(scheme).toBe('dark')
    await page.reload()
    expect(await scheme()).toBe('dark')
    expect(await page.getByLabel('Dark', { exact: true }).isChecked()).toBe(true)
    await page.getByLabel('Light', { exact: true }).check()
    await page.getByRole('button', { name: 'Save appearance' }).click()
    await expect.poll(scheme).toBe('light')
    await page.goto(`${suite.server.url}/dashboard`)
    expect(await scheme()).toBe('light')
    expect(errors).toEqual([])
  })
})
