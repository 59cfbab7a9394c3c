/** Records made directly in the database for tests, each unique, so a test never depends on another's data. */
import type { Prisma } from '#server/generated/prisma/client.ts'
import type { Services } from '#server/services.server.ts'

type Db = Services['prisma']
let seq = 0
const next = () => `${process.pid}-${Date.now().toString(36)}-${++seq}`

/** A start time nobody else uses: a day after the previous one, from 1 March 2031 (UTC). */
let slot = Date.UTC(2031, 2, 1, 8, 0)
export function freeSlot(): Date {
  slot += 24 * 3_600_000
  return new Date(slot)
}

/**
 * A start time in the past nobody else uses: a day after the previous one, from 1 March 2021 (UTC).
 * For interviews whose start has come (completing, no-show, scoring wait for it).
 */
let pastSlotAt = Date.UTC(2021, 2, 1, 8, 0)
export function pastSlot(): Date {
  pastSlotAt += 24 * 3_600_000
  return new Date(pastSlotAt)
}

export function candidateFixture(db: Db, data: Partial<Prisma.CandidateUncheckedCreateInput> = {}) {
  const id = next()
  return db.candidate.create({
    data: {
      fullName: `Fixture Candidate ${id}`,
      email: `candidate-${id}@example.com`,
      position: 'Support Agent',
      ...data,
    },
  })
}

export async function interviewFixture(db: Db, data: Partial<Prisma.InterviewUncheckedCreateInput> = {}) {
  const candidateId = data.candidateId ?? (await candidateFixture(db)).id
  return db.interview.create({
    data: {
      candidateId,
      interviewerName: `Outside Interviewer ${next()}`,
      scheduledAt: freeSlot(),
      durationMins: 60,
      interviewType: 'video',
      ...data,
    },
  })
}

/**
 * An inbound answered call of 1:00 an hour ago, unless `data` says otherwise; the defaults keep the
 * call rules (a busy call is outbound, a missed or busy one lasts 0 s).
 */
export function callFixture(db: Db, data: Partial<Prisma.CallUncheckedCreateInput> = {}) {
  const outcome = data.outcome ?? 'answered'
  const direction = outcome === 'busy' ? 'outbound' : 'inbound'
  const durationSecs = outcome === 'answered' || outcome === 'voicemail' ? 60 : 0
  return db.call.create({
    data: {
      callerName: `Fixture Caller ${next()}`,
      callerNumber: '+14155550100',
      direction,
      outcome,
      durationSecs,
      calledAt: new Date(Date.now() - 3_600_000),
      ...data,
    },
  })
}
