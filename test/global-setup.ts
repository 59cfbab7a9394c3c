/**
 * Runs once per `vitest run`:
 * 1. builds the app with Vite (`npm run build`; HTTP and browser tests serve the real build; SKIP_BUILD=1 skips it);
 * 2. migrates a template database with the real Prisma CLI (`prisma migrate deploy`):
 *    - default: a PGlite folder, dumped to a tarball each test file loads into memory;
 *    - with TEST_DATABASE_URL (a PostgreSQL server): a `gatehouse_template` database that each
 *      test file clones with CREATE DATABASE … TEMPLATE.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | null
    pgTemplateUrl: string | null
  }
}

function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } })
}

export default async function setup(project: TestProject) {
  // A production build whatever NODE_ENV vitest runs under (test): it is what `npm run serve` serves, and a
  // development build's jsxDEV calls fail when a test starts server/main.ts with NODE_ENV=production.
  if (process.env.SKIP_BUILD !== '1') run('npm', ['run', 'build'], { NODE_ENV: 'production' })

  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query('DROP DATABASE IF EXISTS gatehouse_template WITH (FORCE)')
    await admin.query('CREATE DATABASE gatehouse_template')
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = '/gatehouse_template'
    run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: url.toString() })
    project.provide('pgTemplateUrl', serverUrl)
    project.provide('pgliteTemplate', null)
    return
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-template-'))
  run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: '', PGLITE_DATA_DIR: path.join(dir, 'db') })
  const { openPGlite } = await import('#server/db-adapter.server.ts')
  const db = await openPGlite(path.join(dir, 'db'))
  const dump = await db.dumpDataDir('none')
  await db.close()
  const tarball = path.join(dir, 'template.tar')
  fs.writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', tarball)
  project.provide('pgTemplateUrl', null)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
