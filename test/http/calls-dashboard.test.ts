/**
 * The call log and the dashboard over real HTTP: logging and flagging calls with plain form posts
 * (no JavaScript), a contradictory call refused at its field, the read-only demo viewer, bad query
 * strings, links from before direction and outcome, the CSV export, and every dashboard card linking
 * to the filtered list it counts (the list's total equals the card's number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO,
  httpGet,
  httpPost,
  httpSignIn,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'
import { callFixture } from '#test/helpers/fixtures.ts'

let app: TestApp
let server: TestServer
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const)
    tokens[role] = await httpSignIn(server.url, DEMO[role])
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('calls without JavaScript', () => {
  it('logs a call: a bad number comes back with the message, a good one redirects to the log with a flash', async () => {
    const fields = {
      callerName: 'Plain Form Caller',
      callerNumber: '555 0134',
      direction: 'inbound',
      outcome: 'answered',
      durationSecs: '3:20',
      calledAt: '',
    }
    const bad = await httpPost(server.url, '/calls/new', tokens.agent!, fields)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Enter a valid phone number')
    const good = await httpPost(server.url, '/calls/new?returnTo=%2Fcalls%3Fdirection%3Dinbound', tokens.agent!, {
      ...fields,
      callerNumber: '(415) 555-0134',
    })
    expect(good.status).toBe(302)
    expect(good.headers.get('location')).toBe('/calls?direction=inbound')
    const call = await app.prisma.call.findFirstOrThrow({ where: { callerName: 'Plain Form Caller' } })
    expect(call).toMatchObject({ callerNumber: '+14155550134', durationSecs: 200, isImportant: false })
    expect(Math.abs(call.calledAt.getTime() - Date.now())).toBeLessThan(60_000)
    // The log and the call's page show the number as people read it.
    expect(await (await httpGet(server.url, '/calls?q=Plain+Form', tokens.agent!)).text()).toContain('(415) 555-0134')
    expect(await (await httpGet(server.url, `/calls/${call.id}`, tokens.agent!)).text()).toMatch(
      /href="tel:\+14155550134">\(415\) 555-0134<\/a>/,
    )
  })

  it('a missed call with 5:00 of talk time comes back with the message at the duration, and nothing is logged', async () => {
    const fields = {
      callerName: 'Contradiction Caller',
      callerNumber: '(415) 555-0135',
      direction: 'inbound',
      outcome: 'missed',
      durationSecs: '5:00',
      calledAt: '',
    }
    const res = await httpPost(server.url, '/calls/new', tokens.agent!, fields)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(
      'A missed call has no talk time: set the duration to 0, or choose Answered or Voicemail.',
    )
    expect(await app.prisma.call.count({ where: { callerName: 'Contradiction Caller' } })).toBe(0)
    const busy = await httpPost(server.url, '/calls/new', tokens.agent!, {
      ...fields,
      outcome: 'busy',
      durationSecs: '',
    })
    expect(busy.status).toBe(400)
    expect(await busy.text()).toContain('Busy is for outbound calls')
  })

  it('shows each call as its direction and outcome, on the log and the call page', async () => {
    const call = await callFixture(app.prisma, {
      callerName: 'Shown Outbound Voicemail',
      direction: 'outbound',
      outcome: 'voicemail',
      durationSecs: 42,
    })
    const row =
      (await (await httpGet(server.url, '/calls?q=Shown+Outbound', tokens.agent!)).text()).match(
        /data-testid="call-row-[^"]+"[\s\S]*?<\/tr>/,
      )?.[0] ?? ''
    expect(row).toContain('Outbound · Voicemail')
    expect(row).toContain('0:42')
    // As a person reads it: React's text markers (<!-- -->) between a label and its space are not text.
    const page = (await (await httpGet(server.url, `/calls/${call.id}`, tokens.agent!)).text()).replaceAll(
      '<!-- -->',
      '',
    )
    expect(page).toMatch(/Direction: <\/span>Outbound/)
    expect(page).toMatch(/Outcome: <\/span>Voicemail/)
  })

  it('flags a call important in one click from the log, and back', async () => {
    const call = await callFixture(app.prisma, { callerName: 'Flag Me' })
    const flag = await httpPost(server.url, `/calls/${call.id}`, tokens.agent!, {
      intent: 'important',
      isImportant: 'true',
      returnTo: '/calls?q=Flag',
    })
    expect(flag.status).toBe(302)
    expect(flag.headers.get('location')).toBe('/calls?q=Flag')
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).isImportant).toBe(true)
    await httpPost(server.url, `/calls/${call.id}`, tokens.agent!, { intent: 'important', isImportant: 'false' })
    expect((await app.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).isImportant).toBe(false)
    const rows = await app.prisma.auditLog.findMany({
      where: { targetId: call.id, action: 'call_updated' },
      orderBy: { timestamp: 'asc' },
    })
    expect(rows.map((r) => r.metadata)).toEqual([
      { before: { isImportant: false }, after: { isImportant: true } },
      { before: { isImportant: true }, after: { isImportant: false } },
    ])
  })

  it('the demo viewer reads the log but gets no form, no flag buttons, and 403 when posting', async () => {
    const html = await (await httpGet(server.url, '/calls', tokens.viewer)).text()
    expect(html).toContain('Showing 1–')
    expect(html).not.toContain('Quick log')
    expect(html).not.toContain('Log a call')
    expect(html).not.toContain('Flag the call with')
    expect(
      (
        await httpPost(server.url, '/calls/new', tokens.viewer!, {
          callerName: 'x',
          callerNumber: '(415) 555-0100',
          direction: 'inbound',
          outcome: 'answered',
        })
      ).status,
    ).toBe(403)
    const call = await callFixture(app.prisma)
    expect(
      (await httpPost(server.url, `/calls/${call.id}`, tokens.viewer!, { intent: 'important', isImportant: 'true' }))
        .status,
    ).toBe(403)
  })

  it('bad query strings are a 400 naming the field', async () => {
    for (const [query, message] of [
      ['direction=sideways', 'Unknown call direction'],
      ['outcome=fax', 'Unknown call outcome'],
      ['isImportant=maybe', 'Important must be true or false'],
      ['sort=notes', 'Unknown sort field'],
      ['q=%00', 'Search contains characters'],
    ] as const) {
      const res = await httpGet(server.url, `/calls?${query}`, tokens.admin)
      expect(res.status, query).toBe(400)
      expect(await res.text(), query).toContain(message)
    }
  })

  it('old links with callType and status still filter: redirected to the same calls under the new names', async () => {
    const missed = await callFixture(app.prisma, {
      callerName: 'Old Link Missed',
      direction: 'inbound',
      outcome: 'missed',
    })
    const outMissed = await callFixture(app.prisma, {
      callerName: 'Old Link Unanswered',
      direction: 'outbound',
      outcome: 'missed',
    })
    const busy = await callFixture(app.prisma, { callerName: 'Old Link Busy', direction: 'outbound', outcome: 'busy' })
    for (const [old, now] of [
      ['/calls?callType=missed&q=Old+Link', '/calls?q=Old+Link&direction=inbound&outcome=missed'],
      ['/calls?q=Old+Link&callType=outbound', '/calls?q=Old+Link&direction=outbound'],
      ['/calls?q=Old+Link&status=busy&page=1', '/calls?q=Old+Link&page=1&outcome=busy'],
      ['/calls?callType=', '/calls'],
    ] as const) {
      const res = await httpGet(server.url, old, tokens.agent)
      expect(res.status, old).toBe(302)
      expect(res.headers.get('location'), old).toBe(now)
    }
    const shown = async (path: string) =>
      [...new Set((await (await httpGet(server.url, path, tokens.agent)).text()).match(/Old Link \w+/g))].sort()
    expect(await shown('/calls?q=Old+Link&direction=inbound&outcome=missed')).toEqual(['Old Link Missed'])
    expect(await shown('/calls?q=Old+Link&direction=outbound')).toEqual(['Old Link Busy', 'Old Link Unanswered'])
    // An unknown old status is a 400 naming the new field, never a 500.
    const bad = await httpGet(server.url, '/calls?status=lost', tokens.agent)
    expect(bad.status).toBe(302)
    const followed = await httpGet(server.url, bad.headers.get('location')!, tokens.agent)
    expect(followed.status).toBe(400)
    expect(await followed.text()).toContain('Unknown call outcome')
    // The export reads an old link the same way.
    const csv = await (await httpGet(server.url, '/calls/export.csv?callType=missed&q=Old+Link', tokens.manager)).text()
    expect(csv).toContain('Old Link Missed')
    expect(csv).not.toContain('Old Link Unanswered')
    for (const c of [missed, outMissed, busy]) await app.prisma.call.delete({ where: { id: c.id } })
  })

  it('exports the filtered calls with Direction and Outcome columns; agents without export get 403', async () => {
    await callFixture(app.prisma, {
      callerName: '=cmd|calc',
      direction: 'outbound',
      outcome: 'voicemail',
      durationSecs: 35,
    })
    const res = await httpGet(
      server.url,
      '/calls/export.csv?direction=outbound&outcome=voicemail&q=cmd',
      tokens.manager,
    )
    expect(res.status).toBe(200)
    const lines = (await res.text()).trim().split('\n')
    expect(lines).toHaveLength(2)
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',')
    expect(header).toEqual([
      'When (UTC)',
      'Caller',
      'Number (E.164)',
      'Direction',
      'Outcome',
      'Duration',
      'Seconds',
      'Important',
      'Candidate',
      'Notes',
      'Id',
    ])
    const cells = lines[1]!.split(',')
    expect(cells[1]).toBe("'=cmd|calc")
    expect([cells[3], cells[4], cells[5], cells[6]]).toEqual(['Outbound', 'Voicemail', '0:35', '35'])
    expect((await httpGet(server.url, '/calls/export.csv', tokens.agent)).status).toBe(403)
  })

  it('old audit entries (type and status) still show on the call’s history', async () => {
    const call = await callFixture(app.prisma, { callerName: 'Old Audit Caller' })
    await app.prisma.auditLog.create({
      data: {
        actorId: app.ids.manager,
        action: 'call_updated',
        target: 'call',
        targetId: call.id,
        metadata: {
          before: { callType: 'inbound', status: 'answered' },
          after: { callType: 'missed', status: 'missed' },
        },
      },
    })
    const res = await httpGet(server.url, `/audit?target=call&targetId=${call.id}`, tokens.admin)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('edited a call')
    expect(html).toMatch(/callType<\/td><td[^>]*>inbound<\/td><td[^>]*>missed/)
  })
})

describe('dashboard cards link to the list they count', () => {
  /** [href, number] of each stat card in the dashboard HTML. */
  function cards(html: string): Array<[string, number]> {
    return [...html.matchAll(/data-testid="card-([^"]+)"[\s\S]*?<p[^>]*>([\d,]+)<\/p>/g)].map((m) => [
      m[1]!.replace(/&amp;/g, '&'),
      Number(m[2]!.replace(/,/g, '')),
    ])
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
    if (role === 'viewer')
      expect(found.map(([h]) => h).sort()).toEqual([
        '/calls?isImportant=true',
        '/calls?range=today',
        '/calls?range=today&direction=inbound&outcome=missed',
      ])
  })

  it('missed calls today counts the inbound calls nobody answered, as the list it links to does', async () => {
    // Today for a viewer without a time zone cookie is today in UTC: a second ago is today.
    const justNow = () => new Date(Date.now() - 1000)
    const created = [
      await callFixture(app.prisma, {
        callerName: 'Missed Today In',
        direction: 'inbound',
        outcome: 'missed',
        calledAt: justNow(),
      }),
      await callFixture(app.prisma, {
        callerName: 'Missed Today Out',
        direction: 'outbound',
        outcome: 'missed',
        calledAt: justNow(),
      }),
      await callFixture(app.prisma, {
        callerName: 'Voicemail Today In',
        direction: 'inbound',
        outcome: 'voicemail',
        calledAt: justNow(),
      }),
    ]
    const html = await (await httpGet(server.url, '/dashboard', tokens.manager)).text()
    const [href, value] = cards(html).find(([h]) => h.includes('outcome=missed'))!
    const listed = await (await httpGet(server.url, href, tokens.manager)).text()
    expect(total(listed)).toBe(value)
    const expected = await app.prisma.call.count({
      where: {
        direction: 'inbound',
        outcome: 'missed',
        calledAt: { gte: new Date(new Date().setUTCHours(0, 0, 0, 0)) },
      },
    })
    expect(value).toBe(expected)
    expect(listed).toContain('Missed Today In')
    expect(listed).not.toContain('Missed Today Out')
    expect(listed).not.toContain('Voicemail Today In')
    for (const c of created) await app.prisma.call.delete({ where: { id: c.id } })
  })
})
