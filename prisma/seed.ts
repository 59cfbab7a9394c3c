/**
 * `npm run db:seed`: demo accounts and data (product.md, Demo data) on the configured database.
 * `npm run db:seed -- --scale 10k|large` adds the large dataset on top (server/seed-scale.server.ts).
 * Idempotent either way.
 */
import { parseArgs } from 'node:util'
import { hashPassword } from '#server/auth/password.server.ts'
import { openDatabase } from '#server/db.server.ts'
import { env } from '#server/env.server.ts'
import { SCALES, seedScale, type Scale } from '#server/seed-scale.server.ts'
import { seedDemoData } from '#server/seed.server.ts'

const { values } = parseArgs({ options: { scale: { type: 'string' } } })
if (values.scale !== undefined && !(values.scale in SCALES)) {
  console.error(`--scale must be one of: ${Object.keys(SCALES).join(', ')}`)
  process.exit(2)
}

const db = await openDatabase()
try {
  const created = await seedDemoData(db.prisma, { password: env.SEED_PASSWORD })
  console.log(`Seeded ${db.kind} database:`, created)
  if (values.scale) {
    const started = Date.now()
    const added = await seedScale(db.prisma, values.scale as Scale, await hashPassword(env.SEED_PASSWORD), (line) =>
      console.log(`  ${line}`),
    )
    console.log(`Scale ${values.scale}: added`, added, `in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
} finally {
  await db.close()
}
