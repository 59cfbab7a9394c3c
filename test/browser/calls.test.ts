/**
 * An agent in a real browser (Chromium), with JavaScript off and on (product.md, Calls): log a call at
 * /calls/new (one direction, one outcome) and flag one important from the log without JavaScript;
 * with JavaScript, the quick-log form above the log, its errors shown in place (a bad number, an
 * inbound busy call), and /calls/new, whose form's code loads only when a person first reaches it.
 */
import { describe, expect, it } from 'vitest'
import { DEMO } from '#test/helpers/app.ts'
import { browserSuite, signIn } from '#test/helpers/browser.ts'

const suite = browserSuite()

describe('with JavaScript off', () => {
  it('logs a call at /calls/new and flags it important from the log', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.agent, errors, { javaScriptEnabled: false })
    await page.goto(`${suite.server.url}/calls/new`)
    await page.getByLabel('Caller name').fill('Nojs Caller')
    await page.getByLabel('Number').fill('+44 20 7946 0018')
    await page.getByLabel('Direction').selectOption('outbound')
    await page.getByLabel('Outcome').selectOption('missed')
    await page.getByLabel('Duration').fill('2:30')
    await page.getByRole('button', { name: 'Log call' }).click()
    await page.getByText('A missed call has no talk time').waitFor()
    await page.getByLabel('Outcome').selectOption('answered')
    await page.getByRole('button', { name: 'Log call' }).click()
    await page.getByTestId('flash').getByText('Call with Nojs Caller logged.').waitFor()
    const call = await suite.app.prisma.call.findFirstOrThrow({ where: { callerName: 'Nojs Caller' } })
    expect(call).toMatchObject({
      callerNumber: '+442079460018',
      direction: 'outbound',
      outcome: 'answered',
      durationSecs: 150,
      isImportant: false,
    })

    await page.goto(`${suite.server.url}/calls?q=Nojs`)
    await page.getByRole('button', { name: 'Flag the call with Nojs Caller as important' }).click()
    await page.getByTestId('flash').getByText('The call with Nojs Caller is flagged important.').waitFor()
    expect(new URL(page.url()).searchParams.get('q')).toBe('Nojs')
    expect((await suite.app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).isImportant).toBe(true)
    expect(errors).toEqual([])
  })
})

describe('with JavaScript on', () => {
  it('logs calls with the quick-log form, errors in place', async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.agent, errors)
    await page.goto(`${suite.server.url}/calls`)
    const quick = page.getByRole('form', { name: 'Quick log a call' })
    await quick.getByLabel('Caller name').fill('Quick Caller')
    await quick.getByLabel('Number').fill('12')
    await quick.getByRole('button', { name: 'Log call' }).click()
    await quick.getByText('Enter a valid phone number').waitFor()
    expect(await suite.app.prisma.call.count({ where: { callerName: 'Quick Caller' } })).toBe(0)
    await quick.getByLabel('Number').fill('(212) 555-0199')
    await quick.getByLabel('Outcome').selectOption('busy')
    await quick.getByRole('button', { name: 'Log call' }).click()
    await quick.getByText('Busy is for outbound calls').waitFor()
    expect(await suite.app.prisma.call.count({ where: { callerName: 'Quick Caller' } })).toBe(0)
    await quick.getByLabel('Direction').selectOption('outbound')
    await quick.getByRole('button', { name: 'Log call' }).click()
    await page.getByTestId('flash').getByText('Call with Quick Caller logged.').waitFor()
    await page.getByTestId('flash').waitFor()
    const call = await suite.app.prisma.call.findFirstOrThrow({ where: { callerName: 'Quick Caller' } })
    expect(call).toMatchObject({
      callerNumber: '+12125550199',
      direction: 'outbound',
      outcome: 'busy',
      durationSecs: 0,
    })
    await page.getByRole('button', { name: 'Flag the call with Quick Caller as important' }).waitFor()
    expect(errors).toEqual([])
  })

  it("shows /calls/new's whole form at once and loads its code when first reached, keeping what was typed and an early submit", async () => {
    const errors: string[] = []
    const page = await signIn(suite.browser, suite.server.url, DEMO.agent, errors)
    const scripts: Array<Promise<string>> = []
    const documentPosts: string[] = []
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''))
    })
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.resourceType() === 'document') documentPosts.push(new URL(r.url()).pathname)
    })
    // The form's own module holds this description; the page's HTML has it too, its scripts not until reached.
    const formCodeLoaded = async () =>
      (await Promise.all(scripts)).some((body) => body.includes('stored in international form'))
    await page.goto(`${suite.server.url}/calls/new`)
    await page.waitForLoadState('networkidle')
    for (const label of ['Caller name', 'Number', 'Direction', 'Outcome', 'Duration', 'When', 'Notes'])
      await expect(page.getByLabel(label).first().isVisible(), label).resolves.toBe(true)
    expect(await formCodeLoaded()).toBe(false)

    // Typed at once and submitted without a number: held until the code arrives, then sent the
    // JavaScript way (checked in the browser, or by the server if the schema is still on its way), so
    // the page does not post as a document and the error shows in place.
    await page.getByLabel('Caller name').pressSequentially('Reach Caller')
    await page.getByRole('button', { name: 'Log call' }).click()
    await page.getByText('Phone number is required').waitFor()
    expect(await formCodeLoaded()).toBe(true)
    expect(documentPosts).toEqual([])
    expect(await page.getByLabel('Caller name').inputValue()).toBe('Reach Caller')

    await page.getByLabel('Number').fill('(212) 555-0142')
    await page.getByRole('button', { name: 'Log call' }).click()
    await page.getByTestId('flash').getByText('Call with Reach Caller logged.').waitFor()
    expect(await suite.app.prisma.call.count({ where: { callerName: 'Reach Caller' } })).toBe(1)
    expect(errors).toEqual([])
  })
})
