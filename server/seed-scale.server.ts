/**
 * The large dataset for benchmarks and index checks (product.md, Demo data: scale): `npm run db:seed --
 * --scale large` adds 100,000 users, 100,000 candidates, 300,000 interviews, 1,000,000 calls and
 * 1,000,000 audit entries; `--scale 10k` a tenth of that (CI). Set-based SQL (`generate_series`),
 * one statement per table, so the large scale takes minutes, not hours.
 *
 * Idempotent: rows have deterministic ids (`scale-u-0000001`, …) and `ON CONFLICT DO NOTHING`, so a
 * second run adds nothing and `large` after `10k` adds only the difference. Every scale user signs in
 * with the seed password. Spread: roles ~0.1% admin, 20% manager, 40% agent, the rest viewer, 1 in 17
 * inactive; interviews over 300 days back and 100 ahead with 1 in 10 managers interviewing; calls
 * one every ~30 s over a year, 60% inbound (7 in 12 answered, 1 in 4 missed, 1 in 6 voicemail) and
 * 40% outbound (5 in 8 answered, the rest missed, busy or voicemail), durations as the call rules
 * allow; audit entries one every ~25 s back to ~290 days (inside retention).
 */
import type { Db } from './db.server'
import { FIRST, LAST, POSITIONS } from './seed.server'

export const SCALES = {
  '10k': { users: 10_000, candidates: 10_000, interviews: 30_000, calls: 100_000, audit: 100_000 },
  large: { users: 100_000, candidates: 100_000, interviews: 300_000, calls: 1_000_000, audit: 1_000_000 },
} as const

export type Scale = keyof typeof SCALES
export type ScaleCounts = (typeof SCALES)[Scale]

/** `n`-th scale id with `prefix`, as SQL: 'scale-u-' || lpad(n, 7, '0'). */
const sqlId = (prefix: string, n: string) => `'scale-${prefix}-' || lpad((${n})::text, 7, '0')`

/**
 * Adds the `scale` dataset to `prisma`'s database and refreshes planner statistics. `passwordHash` is
 * the argon2 hash every scale user gets. Returns the rows added per table (0 on a second run).
 */
export async function seedScale(
  prisma: Db,
  scale: Scale,
  passwordHash: string,
  log: (line: string) => void = () => {},
): Promise<Record<keyof ScaleCounts, number>> {
  const n = SCALES[scale]
  const names = [FIRST, LAST]
  const added = { users: 0, candidates: 0, interviews: 0, calls: 0, audit: 0 }
  const step = async (table: keyof ScaleCounts, sql: string, ...params: unknown[]) => {
    const started = performance.now()
    added[table] = await prisma.$executeRawUnsafe(sql, ...params)
    log(
      `${table}: +${added[table].toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  }
  const first = `($1::text[])[1 + (g * 7) % array_length($1::text[], 1)]`
  const last = `($2::text[])[1 + (g * 13) % array_length($2::text[], 1)]`

  await step(
    'users',
    `INSERT INTO users (id, email, full_name, password_hash, role, active, created_at, updated_at)
     SELECT ${sqlId('u', 'g')}, 'user' || g || '@scale.gatehouse.test', ${first} || ' ' || ${last}, $3,
            (CASE WHEN g % 1000 = 0 THEN 'admin' WHEN g % 10 IN (1, 2) THEN 'manager' WHEN g % 10 IN (3, 4, 5, 6) THEN 'agent' ELSE 'viewer' END)::"Role",
            g % 17 <> 0, now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute', now() - (g % 30) * interval '1 day'
     FROM generate_series(1, $4::int) g
     ON CONFLICT DO NOTHING`,
    ...names,
    passwordHash,
    n.users,
  )
  await step(
    'candidates',
    `INSERT INTO candidates (id, full_name, email, position, status, phone, created_at, updated_at)
     SELECT ${sqlId('c', 'g')}, ${first} || ' ' || ${last}, 'candidate' || g || '@scale.example.com',
            ($3::text[])[1 + (g * 5) % array_length($3::text[], 1)],
            (ARRAY['applied','screening','interviewed','hired','rejected'])[1 + (g * 3) % 5]::"CandidateStatus",
            '+1415' || lpad((g % 10000000)::text, 7, '0'),
            now() - (g % 700) * interval '1 day', now() - (g % 60) * interval '1 day'
     FROM generate_series(1, $4::int) g
     ON CONFLICT DO NOTHING`,
    ...names,
    POSITIONS,
    n.candidates,
  )
  // Every 10th user from 1 (a manager) interviews; the name is copied from the account as the app does.
  await step(
    'interviews',
    `INSERT INTO interviews (id, candidate_id, interviewer_id, interviewer_name, scheduled_at, duration_mins, status, interview_type, score, score_comment, created_at, updated_at)
     SELECT ${sqlId('i', 'g')}, ${sqlId('c', '1 + (g::bigint * 7919) % $2::int')}, u.id, u.full_name, s.at,
            (ARRAY[30, 45, 60, 90])[1 + g % 4],
            (CASE WHEN s.at > now() THEN 'scheduled' ELSE (ARRAY['completed','completed','completed','cancelled','no_show'])[1 + g % 5] END)::"InterviewStatus",
            (ARRAY['phone_screen','video','onsite','technical','final'])[1 + (g * 3) % 5]::"InterviewType",
            CASE WHEN s.at <= now() AND g % 5 < 3 THEN 1 + g % 10 END,
            CASE WHEN s.at <= now() AND g % 5 < 3 THEN (ARRAY['Clear answers.', 'Needs coaching on tooling.', 'Strong on escalations.', 'Vague on past examples.'])[1 + g % 4] END,
            s.at - interval '7 days', s.at - interval '7 days'
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + ((g % 400) - 300) * interval '1 day' + (9 + g % 8) * interval '1 hour' AS at) s
     JOIN users u ON u.id = ${sqlId('u', '1 + (g % ($3::int / 10)) * 10')}
     ON CONFLICT DO NOTHING`,
    n.interviews,
    n.candidates,
    n.users,
  )
  await step(
    'calls',
    `INSERT INTO calls (id, caller_name, caller_number, direction, outcome, duration_secs, is_important, called_at, candidate_id, created_at, updated_at)
     SELECT ${sqlId('k', 'g')}, ${first} || ' ' || ${last}, '+1212' || lpad(((g * 7) % 10000000)::text, 7, '0'),
            t.direction::"CallDirection", t.outcome::"CallOutcome",
            CASE t.outcome WHEN 'answered' THEN 20 + (g * 37) % 1780 WHEN 'voicemail' THEN 10 + (g * 13) % 110 ELSE 0 END, g % 11 = 0,
            now() - g * interval '31 seconds',
            CASE WHEN g % 5 = 0 THEN ${sqlId('c', '1 + (g * 31) % $4::int')} END,
            now() - g * interval '31 seconds', now() - g * interval '31 seconds'
     FROM generate_series(1, $3::int) g
     CROSS JOIN LATERAL (SELECT 1 + (g * 7) % 20 AS k) s
     CROSS JOIN LATERAL (SELECT
       (ARRAY['inbound','inbound','inbound','inbound','inbound','inbound','inbound','inbound','inbound','inbound','inbound','inbound',
              'outbound','outbound','outbound','outbound','outbound','outbound','outbound','outbound'])[s.k] AS direction,
       (ARRAY['answered','answered','answered','answered','answered','answered','answered','missed','missed','missed','voicemail','voicemail',
              'answered','answered','answered','answered','answered','missed','busy','voicemail'])[s.k] AS outcome) t
     ON CONFLICT DO NOTHING`,
    ...names,
    n.calls,
    n.candidates,
  )
  await step(
    'audit',
    `INSERT INTO audit_logs (id, actor_id, action, target, target_id, target_user_id, metadata, ip_address, user_agent, timestamp)
     SELECT ${sqlId('a', 'g')}, ${sqlId('u', '1 + (g % ($2::int / 10)) * 10')}, a.action, a.target::"AuditTarget",
            CASE a.target WHEN 'candidate' THEN ${sqlId('c', '1 + g % $3::int')} WHEN 'call' THEN ${sqlId('k', '1 + g % $4::int')}
                          WHEN 'interview' THEN ${sqlId('i', '1 + g % $5::int')} ELSE ${sqlId('u', '1 + (g * 13) % $2::int')} END,
            CASE WHEN a.target IN ('user', 'session') THEN ${sqlId('u', '1 + (g * 13) % $2::int')} END,
            '{}'::jsonb, '10.' || (g % 250) || '.' || (g % 200) || '.' || (1 + g % 250), 'scale-seed', now() - g * interval '25 seconds'
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT (ARRAY['candidate_created','candidate_updated','call_logged','call_updated','interview_scheduled','interview_updated','login','user_updated'])[1 + (g * 7) % 8] AS action) x
     CROSS JOIN LATERAL (SELECT x.action AS action, CASE split_part(x.action, '_', 1) WHEN 'login' THEN 'session' ELSE split_part(x.action, '_', 1) END AS target) a
     ON CONFLICT DO NOTHING`,
    n.audit,
    n.users,
    n.candidates,
    n.calls,
    n.interviews,
  )
  // VACUUM too: fresh rows have no visibility map yet, which keeps counts off index-only scans.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE users, candidates, interviews, calls, audit_logs')
  return added
}
