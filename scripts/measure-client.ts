/**
 * What a browser downloads per page: `npx tsx scripts/measure-client.ts [--skip-build] [--json]`.
 *
 * Measured the way a browser loads it: Chromium (Debian's, through playwright-core) signed in as the
 * demo admin opens each main page in a fresh cache and waits for the network to go idle; every
 * JavaScript and CSS response is counted once, raw (decoded) and gzip -9, and CSS also without the
 * theme stylesheet (the same /theme-<hash>.css on every page). "Up front" is what the
 * HTML itself names (module scripts, modulepreload and stylesheet links); "total" adds what the page
 * loads later (the dashboard's charts). It prints, it never fails: targets live in product.md and
 * docs/decisions/0019-remix-on-vite.md.
 *
 * Options: --skip-build, --json (with every file's size), --only TEXT (the pages whose path contains it).
 *
 * Run alone, it builds the app (unless --skip-build), serves the production build in-process on a
 * fresh PGlite database with the demo data, and measures. scripts/bench-http.ts reuses
 * `measureClient` against the app it runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { launchChromium } from './chromium'

/**
 * The pages a user opens: lists, details, create and edit forms, confirmations, settings and the
 * dashboard. `:candidate`, `:call`, `:interview` and `:user` are filled in (`concretePaths`).
 */
export const MEASURED_PAGES = [
  '/users',
  '/users/new',
  '/users/:user',
  '/users/:user/edit',
  '/users/:user/deactivate',
  '/candidates',
  '/candidates/:candidate',
  '/candidates/new',
  '/candidates/:candidate/edit',
  '/candidates/:candidate/status?status=rejected',
  '/calls',
  '/calls/new',
  '/calls/:call',
  '/calls/:call/edit',
  '/calls/:call/delete',
  '/interviews',
  '/interviews/new',
  '/interviews/:interview',
  '/interviews/:interview/edit',
  '/settings',
  '/settings/password',
  '/settings/appearance',
  '/settings/sessions',
  '/permissions',
  '/audit',
  '/dashboard',
] as const

/** The records whose pages are measured: one id each. */
export type RecordIds = Record<'candidate' | 'call' | 'interview' | 'user', string>

/** SQL that finds each record (the user is a non-admin, whom the demo admin may edit and deactivate). */
export const RECORD_ID_SQL: Record<keyof RecordIds, string> = {
  candidate: 'SELECT id FROM candidates ORDER BY id LIMIT 1',
  call: 'SELECT id FROM calls ORDER BY id LIMIT 1',
  interview: 'SELECT id FROM interviews ORDER BY id LIMIT 1',
  user: "SELECT id FROM users WHERE role <> 'admin' ORDER BY id LIMIT 1",
}

/** Reads RECORD_ID_SQL with `query` (any client: Prisma's raw query, node-postgres). */
export async function recordIds(query: (sql: string) => Promise<Array<{ id: string }>>): Promise<RecordIds> {
  const ids = {} as RecordIds
  for (const [key, sql] of Object.entries(RECORD_ID_SQL) as Array<[keyof RecordIds, string]>)
    ids[key] = (await query(sql))[0]?.id ?? 'none'
  return ids
}

/** Bytes of one kind (js or css) a page loaded: raw (as decoded) and gzip -9. */
export interface Sizes {
  raw: number
  gzip: number
}

/**
 * One page's client weight; `upFront` counts what the HTML names, `total` everything until network
 * idle. `cssWithoutTheme` is `css` less the theme stylesheet (`/theme-<hash>.css`, the same file on
 * every page): the CSS the page's own components bring.
 */
export interface PageWeight {
  path: string
  js: { upFront: Sizes; total: Sizes }
  css: { upFront: Sizes; total: Sizes }
  cssWithoutTheme: { upFront: Sizes; total: Sizes }
  /** Requests for JavaScript or CSS files (each file once). */
  files: number
  /** Each file: its path, raw and gzip -9 bytes and whether the HTML named it. */
  detail: Array<{ file: string; raw: number; gzip: number; upFront: boolean }>
}

/** The theme stylesheet's address (server/http/theme-css.server.ts): `/theme-<hash>.css`. */
const THEME_CSS = /^\/theme-[^/]+\.css$/

/** The addresses of scripts and stylesheets a page's HTML names (module scripts, modulepreload, stylesheet links). */
function namedByHtml(html: string, base: string): Set<string> {
  const out = new Set<string>()
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = m[0]
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!src) continue
    if (tag.startsWith('<link') && !/rel="(?:modulepreload|stylesheet|preload)"/.test(tag)) continue
    out.add(new URL(src.replace(/&amp;/g, '&'), base).href)
  }
  // Remix's inline module script imports the entry and the route modules by address.
  for (const m of html.matchAll(/import(?:\s*\*\s*as\s+\w+\s+from)?\s*"([^"]+\.js)"/g))
    out.add(new URL(m[1]!, base).href)
  return out
}

/**
 * Opens each of `paths` in Chromium signed in with `email`/`password` (through the login form) and
 * returns what each loaded. `baseUrl` like http://127.0.0.1:3000. Throws if sign-in fails.
 */
export async function measureClient(
  baseUrl: string,
  paths: readonly string[],
  credentials: { email: string; password: string },
): Promise<PageWeight[]> {
  const browser = await launchChromium()
  try {
    const login = await browser.newContext()
    const page = await login.newPage()
    await page.goto(`${baseUrl}/login`)
    await page.locator('input[name=email]').fill(credentials.email)
    await page.locator('input[name=password]').fill(credentials.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((u) => u.pathname === '/dashboard')
    const storageState = await login.storageState()
    await login.close()

    const out: PageWeight[] = []
    for (const target of paths) {
      // A fresh context per page: an empty cache, as on a first visit.
      const context = await browser.newContext({ storageState, viewport: { width: 1400, height: 900 } })
      const p = await context.newPage()
      const bodies = new Map<string, Promise<{ kind: 'js' | 'css'; body: Buffer } | null>>()
      p.on('response', (response) => {
        const url = response.url()
        const type = response.headers()['content-type'] ?? ''
        const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : null
        if (!kind || bodies.has(url) || response.status() !== 200) return
        bodies.set(
          url,
          response.body().then(
            (body) => ({ kind, body }),
            () => null,
          ),
        )
      })
      const response = await p.goto(`${baseUrl}${target}`, { waitUntil: 'networkidle' })
      if (!response || response.status() !== 200) throw new Error(`${target} answered ${response?.status()}`)
      const upFront = namedByHtml(await response.text(), `${baseUrl}${target}`)
      const weight: PageWeight = {
        path: target,
        js: { upFront: { raw: 0, gzip: 0 }, total: { raw: 0, gzip: 0 } },
        css: { upFront: { raw: 0, gzip: 0 }, total: { raw: 0, gzip: 0 } },
        cssWithoutTheme: { upFront: { raw: 0, gzip: 0 }, total: { raw: 0, gzip: 0 } },
        files: 0,
        detail: [],
      }
      for (const [url, pending] of bodies) {
        const got = await pending
        if (!got) continue
        const raw = got.body.length
        const gzip = zlib.gzipSync(got.body, { level: 9 }).length
        weight.files++
        const file = new URL(url).pathname
        weight.detail.push({ file, raw, gzip, upFront: upFront.has(url) })
        const counted = [weight[got.kind]]
        if (got.kind === 'css' && !THEME_CSS.test(file)) counted.push(weight.cssWithoutTheme)
        for (const sizes of counted) {
          sizes.total.raw += raw
          sizes.total.gzip += gzip
          if (upFront.has(url)) {
            sizes.upFront.raw += raw
            sizes.upFront.gzip += gzip
          }
        }
      }
      out.push(weight)
      await context.close()
    }
    return out
  } finally {
    await browser.close()
  }
}

/** The weights as a Markdown table (KB = 1,024 bytes). */
export function weightTable(rows: PageWeight[]): string {
  const kb = (n: number) => (n / 1024).toFixed(1)
  const lines = [
    '| page | JS gzip, up front | JS gzip, total | JS raw, total | CSS raw | CSS raw without theme | CSS gzip | files |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.path} | ${kb(r.js.upFront.gzip)} KB | ${kb(r.js.total.gzip)} KB | ${kb(r.js.total.raw)} KB | ${kb(r.css.total.raw)} KB | ${kb(r.cssWithoutTheme.total.raw)} KB | ${kb(r.css.total.gzip)} KB | ${r.files} |`,
    )
  }
  return lines.join('\n')
}

/** MEASURED_PAGES with each `:record` filled in from `ids`. */
export function concretePaths(ids: RecordIds): string[] {
  return MEASURED_PAGES.map((p) =>
    p.replace(/:(candidate|call|interview|user)\b/, (_, key: keyof RecordIds) => ids[key]),
  )
}

async function main() {
  const { execFileSync } = await import('node:child_process')
  const { parseArgs } = await import('node:util')
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  })
  process.env.LOG_LEVEL ??= 'warn'
  process.env.NODE_ENV ??= 'production'
  // The embedded database, always: this measures the browser's side, not the server's.
  process.env.DATABASE_URL = ''
  if (!values['skip-build']) execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-measure-'))
  const dataDir = path.join(dir, 'db')
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
  })
  const { loadServerBuild } = await import('#server/http/server-build.server.ts')
  const { createServices } = await import('#server/services.server.ts')
  const { createExpressApp } = await import('#server/app.server.ts')
  const { openDatabase } = await import('#server/db.server.ts')
  const { seedDemoData } = await import('#server/seed.server.ts')
  const password = 'gatehouse-measure'
  const services = await createServices({
    database: await openDatabase({ pgliteDir: dataDir, databaseUrl: '' }),
    config: { secureCookies: false },
  })
  try {
    await seedDemoData(services.prisma, { password })
    const ids = await recordIds((sql) => services.prisma.$queryRawUnsafe<Array<{ id: string }>>(sql))
    const app = createExpressApp({ services, build: await loadServerBuild(), production: false })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as { port: number }
    try {
      const rows = await measureClient(
        `http://127.0.0.1:${port}`,
        concretePaths(ids).filter((p) => !values.only || p.includes(values.only)),
        { email: 'admin@gatehouse.test', password },
      )
      console.log(values.json ? JSON.stringify(rows, null, 2) : weightTable(rows))
    } finally {
      server.closeAllConnections()
      server.close()
    }
  } finally {
    await services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('measure-client.ts')) await main()
