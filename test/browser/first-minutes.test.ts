/**
 * What a new user meets in their first minutes (a real browser): pickers that narrow as they type, a
 * reloaded modal route without hydration errors, a favicon, refused exports that show the 403 page,
 * and the keyboard: a skip link to the main content, Escape closing a modal with focus back on the
 * control that opened it.
 */
import { describe, expect, it } from 'vitest'
import { DEMO } from '#test/helpers/app.ts'
import { browserSuite, signIn } from '#test/helpers/browser.ts'

const suite = browserSuite()

/** The options the open picker's dropdown lists, in order. */
async function optionTexts(page: import('playwright-core').Page): Promise<string[]> {
  return (await page.getByRole('listbox').getByRole('option').allInnerTexts()).map((t) => t.trim())
}

describe('search pickers', () => {
  it('typing "Sam" in Interviewer lists Sam Rivera first and drops everyone else', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/interviews/new`)
    // The form's code arrives when the pointer first comes over it (before, the picker is a native select).
    await page.getByLabel('Interviewer', { exact: true }).hover()
    const interviewer = page.getByRole('textbox', { name: 'Interviewer', exact: true })
    await interviewer.click()
    // The picker's code arrives on the first press, and its list opens.
    await page.getByRole('listbox').waitFor()
    expect((await optionTexts(page)).length).toBeGreaterThan(1)
    await interviewer.fill('Sam')
    await expect.poll(() => optionTexts(page)).toEqual(['Sam Rivera'])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('typing a candidate who is not among the first options finds them, and only them', async () => {
    await suite.app.prisma.candidate.create({
      data: { fullName: 'Zora Quill', email: 'zora.quill@example.com', position: 'Trainer' },
    })
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/interviews/new`)
    await page.getByRole('combobox', { name: 'Candidate', exact: true }).hover()
    const candidate = page.getByRole('textbox', { name: 'Candidate', exact: true })
    await candidate.click()
    await candidate.fill('Zora')
    await expect.poll(() => optionTexts(page)).toEqual(['Zora Quill · Trainer'])
    // The server also matches by email, which is not in the label.
    await candidate.fill('zora.quill@')
    await expect.poll(() => optionTexts(page)).toEqual(['Zora Quill · Trainer'])
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('pickers load when reached', () => {
  it("a list's date and search pickers load their code when reached, and work at once", async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors)
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${suite.server.url}/audit?from=2026-12-01`)
    await page.waitForLoadState('networkidle')
    const from = page.getByRole('search').getByRole('button', { name: 'From', exact: true })
    // Before anyone reaches it: the look-alike writes the day the picker would, and no calendar code came.
    expect(await from.innerText()).toBe('1 Dec 2026')
    expect(scripts.filter((s) => /date-pickers|remote-select-field/.test(s))).toEqual([])
    // One click opens the real calendar, which arrives on the way.
    await from.click()
    await page.getByRole('dialog', { name: 'From: choose a day' }).waitFor()
    expect(scripts.some((s) => /date-pickers-[\w-]+\.js$/.test(s))).toBe(true)
    await page.keyboard.press('Escape')
    // Text typed before the searchable picker's code arrived is searched for when it does.
    const who = page.getByRole('textbox', { name: 'Who' })
    await who.focus()
    await page.keyboard.type('Morgan')
    await expect.poll(async () => (await optionTexts(page)).some((text) => text.includes('Morgan Manager'))).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('reloading and first visits', () => {
  it('reloading a form opened as a modal renders the page with no hydration errors', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/candidates`)
    await page.getByRole('link', { name: 'New candidate' }).click()
    await page.getByRole('dialog', { name: 'New candidate' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'New candidate', level: 1 }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('a browser asking for /favicon.ico and /robots.txt gets them', async () => {
    const icon = await fetch(`${suite.server.url}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/)
    const robots = await fetch(`${suite.server.url}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \//)
  })
})

describe('refused exports', () => {
  it('an agent opening the candidates export sees the 403 page saying they may not export', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.agent, errors)
    const response = await page.goto(`${suite.server.url}/candidates/export.csv`)
    expect(response?.status()).toBe(403)
    await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor()
    await page.getByText('You can open Candidates, but your role may not export from it.').waitFor()
    await page.context().close()
  })

  it('a viewer opening the interviews export sees the 403 page naming Interviews', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.viewer, errors)
    const response = await page.goto(`${suite.server.url}/interviews/export.csv`)
    expect(response?.status()).toBe(403)
    await page.getByText('Your access does not include Interviews.').waitFor()
    await page.context().close()
  })
})

describe('the keyboard', () => {
  it('tabs from the top of a page through a skip link to the main content', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/candidates`)
    await page.waitForLoadState('networkidle')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await skip.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content')
    // The next stop is in the page itself, not the header or the navigation.
    await page.keyboard.press('Tab')
    const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')))
    expect(inMain).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('Escape closes a modal and puts focus back on the control that opened it', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/candidates`)
    const opener = page.getByRole('link', { name: 'New candidate' })
    await opener.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'New candidate' }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it("the user menu button is named by the person's name it shows", async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.getByRole('button', { name: /Morgan Manager/ }).waitFor()
    await page.context().close()
  })
})

describe('small but visible', () => {
  it('date filters write days the way the app does ("1 Dec 2026"), not mm/dd/yyyy', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors)
    await page.goto(`${suite.server.url}/audit?from=2026-12-01`)
    await expect
      .poll(() => page.getByRole('search').getByRole('button', { name: 'From', exact: true }).innerText())
      .toBe('1 Dec 2026')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the interview search box has room for its whole placeholder', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.manager, errors)
    await page.goto(`${suite.server.url}/interviews`)
    const room = await page.getByRole('searchbox', { name: 'Search' }).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input)
      const context = document.createElement('canvas').getContext('2d')!
      context.font = `${style.fontSize} ${style.fontFamily}`
      const text = context.measureText(input.placeholder).width
      return input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - text
    })
    expect(room).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the candidates-by-status chart labels every status', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors)
    await page.goto(`${suite.server.url}/dashboard`)
    const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: 'Candidates by status' }) })
    await expect.poll(() => figure.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0)
    const ticks = (await figure.locator('.recharts-cartesian-axis-tick-value').allTextContents()).map((t) => t.trim())
    expect(ticks).toEqual(expect.arrayContaining(['Applied', 'Screening', 'Interviewed', 'Hired', 'Rejected']))
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('without JavaScript the dashboard charts show their numbers, not empty boxes', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.admin, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/dashboard`)
    for (const name of ['Candidates by status', 'Interviews per day', 'Calls per day by outcome']) {
      expect(await page.getByRole('table', { name }).isVisible(), name).toBe(true)
    }
    expect(await page.getByTestId('chart-placeholder').first().isVisible()).toBe(false)
    await page.context().close()
  })
})
