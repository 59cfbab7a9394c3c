/**
 * One source for configuration and time (decision 0021): a services config that reads phone numbers
 * in another region, and a clock set ten days ahead, are seen alike by the procedures and by the
 * form actions a browser without JavaScript posts to.
 */
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createCaller } from '#server/routers/_app.ts'
import {
  DEMO,
  httpPost,
  httpSignIn,
  setupTestApp,
  startServer,
  type TestApp,
  type TestServer,
} from '#test/helpers/app.ts'

const DAY = 86_400_000
/** The frozen "now": ten days after the machine's clock, fixed for the whole file. */
const NOW = new Date(Math.floor((Date.now() + 10 * DAY) / 60_000) * 60_000)

let app: TestApp
let server: TestServer
let admin: ReturnType<typeof createCaller>
let token: string

beforeAll(async () => {
  app = await setupTestApp({ demoOverrides: false, config: { phoneRegion: 'GB' }, now: () => NOW })
  server = await startServer(app.services)
  admin = await app.callerFor(DEMO.admin)
  token = await httpSignIn(server.url, DEMO.admin)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  )
/** `value` as the form's datetime-local text in UTC (the zone a request without a zone cookie uses). */
const utcLocal = (value: Date) => value.toISOString().slice(0, 16)

describe('the phone region comes from the services config', () => {
  it('a national number is read in the configured region by the procedure', async () => {
    const c = await admin.candidates.create({
      fullName: 'Region Procedure',
      email: 'region-procedure@example.com',
      position: 'Support Agent',
      phone: '020 7946 0123',
    })
    expect(c.phone).toBe('+442079460123')
  })

  it('and by the form action, the same way', async () => {
    const res = await httpPost(server.url, '/candidates/new', token, {
      fullName: 'Region Form',
      email: 'region-form@example.com',
      position: 'Support Agent',
      phone: '020 7946 0124',
    })
    expect(res.status).toBe(302)
    const stored = await app.prisma.candidate.findUniqueOrThrow({ where: { email: 'region-form@example.com' } })
    expect(stored.phone).toBe('+442079460124')
  })
})

describe('"in the future" is judged by services.now()', () => {
  const call = {
    callerName: 'Clock Caller',
    callerNumber: '020 7946 0125',
    direction: 'inbound',
    outcome: 'answered',
    durationSecs: '1:00',
  } as const

  it('the procedure accepts a call a day before the frozen now and refuses one a day after it', async () => {
    const before = await admin.calls.log({ ...call, calledAt: new Date(NOW.getTime() - DAY) })
    expect(before.calledAt).toEqual(new Date(NOW.getTime() - DAY))
    const after = await failure(admin.calls.log({ ...call, calledAt: new Date(NOW.getTime() + DAY) }))
    expect(after?.code).toBe('BAD_REQUEST')
  })

  it('a call logged without a time is at the frozen now', async () => {
    const logged = await admin.calls.log({ ...call, callerName: 'Clock Default' })
    expect(logged.calledAt).toEqual(NOW)
  })

  it('the form action agrees with the procedure', async () => {
    const ok = await httpPost(server.url, '/calls/new', token, {
      ...call,
      callerName: 'Clock Form',
      calledAt: utcLocal(new Date(NOW.getTime() - DAY)),
    })
    expect(ok.status).toBe(302)
    expect((await app.prisma.call.findFirstOrThrow({ where: { callerName: 'Clock Form' } })).calledAt).toEqual(
      new Date(NOW.getTime() - DAY),
    )
    const refused = await httpPost(server.url, '/calls/new', token, {
      ...call,
      callerName: 'Clock Form Late',
      calledAt: utcLocal(new Date(NOW.getTime() + DAY)),
    })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('The call time cannot be in the future')
  })
})
