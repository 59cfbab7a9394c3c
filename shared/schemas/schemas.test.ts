import { describe, expect, it } from 'vitest'
import { AuditExportInput, AuditListInput } from './audit'
import { PasswordStrengthInput } from './auth'
import { CallExportInput, CallListInput, callLogInput, callUpdateInput } from './calls'
import { InterviewCalendarInput, InterviewExportInput, InterviewListInput } from './interviews'
import { UserListInput, UserUpdateInput } from './users'

/** Messages a person reads; the schemas are zod/mini (docs/decisions/0014-zod-mini-schemas.md). */
describe('input schemas', () => {
  const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

  it('explain a failed check without a message of ours in English, not "Invalid input"', () => {
    const r = PasswordStrengthInput.safeParse({ password: 'x', email: 'a'.repeat(255) })
    expect(messages(r)).toEqual({ email: 'Too big: expected string to have <=254 characters' })
  })

  it('name the field in their own messages, trim text and keep every issue', () => {
    const r = callLogInput('US').safeParse({
      callerName: '  ',
      callerNumber: '12',
      direction: 'nope',
      outcome: 'answered',
      durationSecs: '1:99',
    })
    expect(messages(r)).toEqual({
      callerName: 'Caller name is required',
      callerNumber: 'Enter a valid phone number, e.g. +1 415 555 0134',
      direction: 'Unknown call direction: inbound or outbound',
      durationSecs: 'Duration must be seconds or m:ss, e.g. 4:05',
    })
  })

  it('apply defaults and turn text from a query string into values', () => {
    expect(UserListInput.parse({ page: '2', active: 'false' })).toEqual({
      page: 2,
      pageSize: 20,
      active: false,
      sort: { field: 'fullName', direction: 'asc' },
    })
    expect(UserListInput.safeParse({ page: '1.5' }).error?.issues[0]?.message).toBe('Page must be a whole number')
  })

  it('read an empty password on the edit form as "leave it unchanged"', () => {
    expect(UserUpdateInput.parse({ id: 'u1', password: '' })).toEqual({ id: 'u1', password: undefined })
    expect(messages(UserUpdateInput.safeParse({ id: 'u1', password: 'short' }))).toEqual({
      password: 'Password must be at least 12 characters',
    })
  })

  it('refuse a missed call with talk time and an inbound busy call at the field, as the form sends them', () => {
    const call = { callerName: 'Ada', callerNumber: '+14155550134' }
    expect(
      messages(
        callLogInput('US').safeParse({ ...call, direction: 'inbound', outcome: 'missed', durationSecs: '5:00' }),
      ),
    ).toEqual({
      durationSecs: 'A missed call has no talk time: set the duration to 0, or choose Answered or Voicemail.',
    })
    expect(messages(callLogInput('US').safeParse({ ...call, direction: 'inbound', outcome: 'busy' }))).toEqual({
      outcome:
        'Busy is for outbound calls (the number you dialled was engaged); an inbound call nobody took is Missed.',
    })
    expect(
      callLogInput('US').safeParse({ ...call, direction: 'outbound', outcome: 'busy', durationSecs: '0:00' }).success,
    ).toBe(true)
    expect(
      callLogInput('US').safeParse({ ...call, direction: 'outbound', outcome: 'voicemail', durationSecs: '0:45' })
        .success,
    ).toBe(true)
    // An edit form sends every field; a script's partial edit is checked against the stored call by the router.
    expect(messages(callUpdateInput('US').safeParse({ id: 'c1', outcome: 'busy', durationSecs: 12 }))).toEqual({
      durationSecs: 'A busy call has no talk time: set the duration to 0, or choose Answered or Voicemail.',
    })
    expect(callUpdateInput('US').safeParse({ id: 'c1', outcome: 'missed' }).success).toBe(true)
  })

  it('refuse a date range that ends before it starts, at "from", on every input with one', () => {
    const range = { from: '2026-03-02', to: '2026-03-01' }
    for (const schema of [
      AuditListInput,
      AuditExportInput,
      CallListInput,
      CallExportInput,
      InterviewListInput,
      InterviewExportInput,
      InterviewCalendarInput,
    ]) {
      expect(messages(schema.safeParse(range))).toEqual({ from: 'From must be before To' })
      expect(schema.safeParse({ from: '2026-03-01', to: '2026-03-02' }).success).toBe(true)
    }
  })
})
