/**
 * The call log and the dashboard over real HTTP: logging and flagging calls with plain form posts
 * (no JavaScript), the read-only demo viewer, bad query strings, the CSV export, and every dashboard
 * card linking to the filtered list it counts (the list's total equals the card's number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, httpGet, httpPost, httpSignIn, setupTestApp, startServer, type TestApp, type TestServer } from '#test/helpers/app.ts'
import { callFixture } from '#test/helpers/fixtures.ts'

let app: TestApp
let server: TestServer
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) tokens[role] = await httpSignIn(server.url, DEMO[role])
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('calls without JavaScript', () => {
  it('logs a call: a bad number comes back with the message, a good one redirects to the log with a flash', async () => {
    const fields = { callerName: 'Plain Form Caller', callerNumber: '555 0134', callType: 'inbound', status: 'answered', durationSecs: '3:20', calledAt: '' }
    const bad = await httpPost(server.url, '/calls/new', tokens.agent!, fields)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Enter a valid phone number')
    const good = await httpPost(server.url, '/calls/new?returnTo=%2Fcalls%3FcallType%3Dinbound', tokens.agent!, { ...fields, callerNumber: '(415) 555-0134' })
    expect(good.status).toBe(302)
    expect(good.headers.get('location')).toBe('/calls?callType=inbound')
    const call = await app.prisma.call.findFirstOrThrow({ where: { callerName: 'Plain Form Caller' } })
    expect(call).toMatchObject({ callerNumber: '+14155550134', durationSecs: 200, isImportant: false })
    expect(Math.abs(call.calledAt.getTime() - Date.now())).toBeLessThan(60_000)
    // The log and the call's page show the number as people read it.
    expect(await (await httpGet(server.url, '/calls?q=Plain+Form', tokens.agent!)).text()).toContain('(415) 555-0134')
    expect(await (await httpGet(server.url, `/calls/${call.id}`, tokens.agent!)).text()).toMatch(/href="tel:\+14155550134">\(415\) 555-0134<\/a>/)
  })

  it('flags a call important in one click from the log, and back', async () => {
    const call = await callFixture(app.prisma, { callerName: 'Flag Me' })
    const flag = await httpPost(server.url, `/calls/${call.id}`, tokens.agent!, { intent: 'important', isImportant: 'true', returnTo: '/calls?q=Flag' })
    expect(flag.status).toBe(302)
    expect(flag.headers.get('location')).toBe('/calls?q=Flag')
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).isImportant).toBe(true)
    await httpPost(server.url, `/calls/${call.id}`, tokens.agent!, { intent: 'important', isImportant: 'false' })
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).isImportant).toBe(false)
    const rows = await app.prisma.auditLog.findMany({ where: { targetId: call.id, action: 'call_updated' }, orderBy: { timestamp: 'asc' } })
    expect(rows.map((r) => r.metadata)).toEqual([{ before: { isImportant: false }, after: { isImportant: true } }, { before: { isImportant: true }, after: { isImportant: false } }])
  })

  it('the demo viewer reads the log but gets no form, no flag buttons, and 403 when posting', async () => {
    const html = await (await httpGet(server.url, '/calls', tokens.viewer)).text()
    expect(html).toContain('Showing 1–')
    expect(html).not.toContain('Quick log')
    expect(html).not.toContain('Log a call')
    expect(html).not.toContain('Flag the call with')
    expect((await httpPost(server.url, '/calls/new', tokens.viewer!, { callerName: 'x', callerNumber: '(415) 555-0100', callType: 'inbound', status: 'answered' })).status).toBe(403)
    const call = await callFixture(app.prisma)
    expect((await httpPost(server.url, `/calls/${call.id}`, tokens.viewer!, { intent: 'important', isImportant: 'true' })).status).toBe(403)
  })

  it('bad query strings are a 400 naming the field', async () => {
    for (const [query, message] of [['callType=fax', 'Unknown call type'], ['isImportant=maybe', 'Important must be true or false'], ['sort=notes', 'Unknown sort field'], ['q=%00', 'Search contains characters']] as const) {
      const res = await httpGet(server.url, `/calls?${query}`, tokens.admin)
      expect(res.status, query).toBe(400)
      expect(await res.text(), query).toContain(message)
    }
  })

  it('exports the filtered calls; agents without export get 403', async () => {
    await callFixture(app.prisma, { callerName: '=cmd|calc', callType: 'voicemail', status: 'voicemail' })
    const res = await httpGet(server.url, '/calls/export.csv?callType=voicemail&q=cmd', tokens.manager)
    expect(res.status).toBe(200)
    const lines = (await res.text()).trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain("'=cmd|calc")
    expect((await httpGet(server.url, '/calls/export.csv', tokens.agent)).status).toBe(403)
  })
})

describe('dashboard cards link to the list they count', () => {
  /** [href, number] of each stat card in the dashboard HTML. */
  function cards(html: string): Array<[string, number]> {
    return [...html.matchAll(/data-testid="card-([^"]+)"[\s\S]*?<p[^>]*>([\d,]+)<\/p>/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), Number(m[2]!.replace(/,/g, ''))])
  }
  /** The total a list page shows ("Showing 1–20 of 57 …", or "No …" for 0). */
  function total(html: string): number {
    const m = html.match(/Showing \d+–\d+ of ([\d,]+)/)
    return m ? Number(m[1]!.replace(/,/g, '')) : html.includes('>No ') ? 0 : NaN
  }

  it.each(['admin', 'manager', 'viewer'] as const)('%s', async (role) => {
    const html = await (await httpGet(server.url, '/dashboard', tokens[role])).text()
    const found = cards(html)
    expect(found.length).toBeGreaterThan(0)
    for (const [href, value] of found) {
      const list = await httpGet(server.url, href, tokens[role])
      expect(list.status, href).toBe(200)
      expect(total(await list.text()), href).toBe(value)
    }
    if (role === 'viewer') expect(found.map(([h]) => h).sort()).toEqual(['/calls?isImportant=true', '/calls?range=today', '/calls?range=today&callType=missed'])
  })
})
