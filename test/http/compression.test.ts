/**
 * Compression over real HTTP (docs/decisions/0019-remix-on-vite.md): the build's files go out as the
 * brotli or gzip copy the browser accepts, pages and data are compressed on the fly, and a client
 * that accepts neither gets the plain bytes.
 */
import http from 'node:http'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, httpSignIn, setupTestApp, startServer, type TestApp, type TestServer } from '#test/helpers/app.ts'
import { SESSION_COOKIE_NAME } from '#server/auth/session.server.ts'

let app: TestApp
let server: TestServer
let token: string

beforeAll(async () => {
  app = await setupTestApp()
  server = await startServer(app.services)
  token = await httpSignIn(server.url, DEMO.admin)
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** GET with exactly these headers, returning the raw (still encoded) body. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8')
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8')
  return body.toString('utf8')
}

describe('compression', () => {
  it("serves the build's scripts as their brotli or gzip copy, whichever the browser takes, cached for a year", async () => {
    const page = decode(undefined, (await rawGet('/login', {})).body)
    const assets = [...page.matchAll(/href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
    const plain = await Promise.all(assets.map((a) => rawGet(a, {})))
    const [asset, original] = [assets, plain.map((p) => p.body)].map(
      (x) => x[plain.findIndex((p) => p.body.length > 4096)],
    )
    expect(asset, 'a script larger than 4 KB').toBeTruthy()

    const br = await rawGet(asset as string, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toContain('immutable')
    expect(zlib.brotliDecompressSync(br.body).equals(original as Buffer)).toBe(true)
    expect(br.body.length).toBeLessThan((original as Buffer).length / 2)

    const gz = await rawGet(asset as string, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).equals(original as Buffer)).toBe(true)

    const none = await rawGet(asset as string, { 'accept-encoding': 'identity' })
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.equals(original as Buffer)).toBe(true)
  })

  it('compresses a streamed page, a JSON answer and a CSV export on the fly, and the page arrives whole', async () => {
    const cookie = `${SESSION_COOKIE_NAME}=${token}`
    const page = await rawGet('/candidates', { cookie, 'accept-encoding': 'gzip' })
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBe('gzip')
    const html = decode('gzip', page.body)
    expect(html).toContain('Candidates')
    expect(html).toContain('</html>')

    const json = await rawGet(`/api/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      cookie,
      'accept-encoding': 'br',
    })
    expect(json.status).toBe(200)
    expect(json.headers['content-encoding']).toMatch(/^(br|gzip)$/)
    expect(JSON.parse(decode(json.headers['content-encoding'], json.body))).toHaveProperty('result')

    const csv = await rawGet('/candidates/export.csv', { cookie, 'accept-encoding': 'gzip' })
    expect(csv.status).toBe(200)
    expect(csv.headers['content-encoding']).toBe('gzip')
    expect(decode('gzip', csv.body).split('\n').length).toBeGreaterThan(2)

    const plainPage = await rawGet('/candidates', { cookie })
    expect(plainPage.headers['content-encoding']).toBeUndefined()
  })
})
