/** `npm run db:seed`: demo accounts and data (product.md, Demo data) on the configured database. Idempotent. */
import { openDatabase } from '#server/db.server.ts'
import { env } from '#server/env.server.ts'
import { seedDemoData } from '#server/seed.server.ts'

const db = await openDatabase()
try {
  const created = await seedDemoData(db.prisma, { password: env.SEED_PASSWORD })
  console.log(`Seeded ${db.kind} database:`, created)
} finally {
  await db.close()
}
