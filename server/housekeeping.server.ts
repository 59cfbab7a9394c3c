/**
 * The hourly sweep (server/main.ts): ends expired sessions and applies the audit log's retention
 * (product.md, Audit log: retention).
 */
import { recordAudit } from './audit.server'
import type { Services } from './services.server'

/** Rows removed per statement, so the sweep never holds long locks on a large log. */
const PURGE_BATCH = 5_000

/**
 * Removes audit entries older than `retentionDays` days before `now` (0 keeps everything), in batches,
 * and records one `audit_purged` entry with the count and the cut-off when anything was removed. The
 * deletes run with `gatehouse.audit_purge = 'on'` set for their transaction only, the one way past the
 * log's append-only trigger. Returns how many entries were removed.
 */
export async function purgeAuditLog(services: Services, retentionDays: number, now = services.now()): Promise<number> {
  if (retentionDays <= 0) return 0
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  let removed = 0
  for (;;) {
    const batch = await services.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('gatehouse.audit_purge', 'on', true)`
      return tx.$executeRaw`
        DELETE FROM audit_logs WHERE id IN (
          SELECT id FROM audit_logs WHERE timestamp < ${cutoff.toISOString()}::timestamp ORDER BY timestamp LIMIT ${PURGE_BATCH}
        )`
    })
    removed += batch
    if (batch < PURGE_BATCH) break
  }
  if (removed > 0) {
    await services.prisma.$transaction((tx) =>
      recordAudit(
        tx,
        { actorId: null, ipAddress: null, userAgent: 'retention sweep' },
        {
          action: 'audit_purged',
          target: 'audit',
          metadata: { removed, cutoff: cutoff.toISOString(), retentionDays },
        },
      ),
    )
    services.logger.info({ removed, cutoff }, 'audit retention applied')
  }
  return removed
}

/** One pass of the sweep: expired sessions, then audit retention. Errors are logged, never thrown. */
export async function runHousekeeping(services: Services): Promise<void> {
  await services.auth
    .deleteExpiredSessions()
    .catch((err: unknown) => services.logger.warn({ err }, 'session sweep failed'))
  await purgeAuditLog(services, services.config.auditRetentionDays).catch((err: unknown) =>
    services.logger.warn({ err }, 'audit retention failed'),
  )
}
