/**
 * An agent in a real browser (Chromium), with JavaScript off and on (product.md, Calls): log a call at
 * /calls/new (one direction, one outcome) and flag one important from the log without JavaScript;
 * with JavaScript, the quick-log form above the log, its errors shown in place (a bad number, an
 * inbound busy call).
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
})
