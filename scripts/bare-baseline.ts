/**
 * The bare baseline for `npm run bench:http`: a plain `node:http` server doing the database work
 * behind `/users` and nothing else. Per request: validate the session cookie by its SHA-256 hash
 * (session joined with its user), read the user's overrides, count users (capped like the app's
 * lists) and fetch one page of 20 sorted by name, then write a plain HTML table. No framework, no
 * permission model, no rendering library: the ceiling the app is measured against.
 *
 * Usage: DATABASE_URL=postgres://… PORT=3999 tsx scripts/bare-baseline.ts
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const port = Number(process.env.PORT ?? 3999)
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const server = http.createServer(async (req, res) => {
  try {
    const token = /(?:^|;\s*)gatehouse_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
    if (!token) {
      res.writeHead(401).end()
      return
    }
    const id = createHash('sha256').update(token).digest('hex')
    const session = await pool.query(
      'SELECT s.user_id, u.role, u.active FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now()',
      [id],
    )
    const me = session.rows[0]
    if (!me?.active) {
      res.writeHead(401).end()
      return
    }
    await pool.query('SELECT page_name, has_access FROM user_page_access WHERE user_id = $1', [me.user_id])
    const [count, page] = await Promise.all([
      pool.query('SELECT count(*)::int AS n FROM (SELECT 1 FROM users LIMIT 1001) t'),
      pool.query(
        'SELECT id, full_name, email, role, active, created_at FROM users ORDER BY full_name ASC, id ASC LIMIT 20',
      ),
    ])
    const rows = page.rows
      .map(
        (u) =>
          `<tr><td>${escape(u.full_name)}</td><td>${escape(u.email)}</td><td>${u.role}</td><td>${u.active ? 'active' : 'inactive'}</td><td>${u.created_at.toISOString()}</td></tr>`,
      )
      .join('')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><title>Users</title><p>${count.rows[0].n} users</p><table>${rows}</table>`)
  } catch (err) {
    console.error(err)
    res.writeHead(500).end()
  }
})
server.keepAliveTimeout = 65_000
server.listen(port, '127.0.0.1', () => console.log(`bare baseline on http://127.0.0.1:${port}`))
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
