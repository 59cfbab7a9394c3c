/**
 * Prisma CLI configuration. The CLI runs fully offline with the WebAssembly schema engine
 * (`engine: "js"`) through the same driver adapter the app uses (docs/decisions/0001-embedded-pglite-and-postgresql.md): PGlite in `PGLITE_DATA_DIR` when DATABASE_URL is unset, otherwise the
 * PostgreSQL server at DATABASE_URL via @prisma/adapter-pg 7.10.1, which maps the `name` type that
 * `migrate deploy` reads (prisma/orm#27403).
 */
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { createAdapterFactory } from '#server/db-adapter.server.ts'

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => (await createAdapterFactory()).factory,
})
