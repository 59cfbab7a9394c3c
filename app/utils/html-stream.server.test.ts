/**
 * Rendered pages carry no NUL bytes (product.md, Screens): React 18 leaves some at the end of a
 * 2,048-byte chunk when a multi-byte character falls on the boundary; htmlBodyStream drops them,
 * and passes a page on in a few large chunks.
 */
import { PassThrough, type Writable } from 'node:stream'
import { createElement } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { htmlBodyStream } from './html-stream.server'

/** A page-like tree: many short text nodes (as rows are), the first `pad` characters long. */
function page(pad: number) {
  const rows = Array.from({ length: 200 }, (_, i) =>
    createElement('li', { key: i }, `Row ${i} – Zoë · 9:30–10:00 … 🙂`),
  )
  return createElement('main', null, createElement('p', null, 'a'.repeat(pad)), createElement('ul', null, rows))
}

/** Streams `element` through `into` and returns the bytes that came out, and in how many chunks. */
function renderChunks(
  element: ReturnType<typeof page>,
  into: Writable & NodeJS.ReadableStream,
): Promise<{ bytes: Buffer; chunks: number; largest: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    into.on('data', (c: Buffer) => chunks.push(c))
    into.on('end', () =>
      resolve({
        bytes: Buffer.concat(chunks),
        chunks: chunks.length,
        largest: Math.max(...chunks.map((c) => c.length)),
      }),
    )
    into.on('error', reject)
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(into), onError: reject })
  })
}

const render = async (element: ReturnType<typeof page>, into: Writable & NodeJS.ReadableStream) =>
  (await renderChunks(element, into)).bytes

describe('htmlBodyStream', () => {
  it('drops the NUL bytes React 18 leaves where a multi-byte character meets a chunk boundary', async () => {
    let corruptWithout = 0
    // Shift every character across the 2,048-byte chunk boundaries one byte at a time.
    for (let pad = 0; pad < 40; pad++) {
      const raw = await render(page(pad), new PassThrough())
      if (raw.includes(0)) corruptWithout++
      const clean = await render(page(pad), htmlBodyStream())
      expect(clean.includes(0)).toBe(false)
      expect(clean.toString('utf8')).toBe(renderToString(page(pad)))
    }
    // Some of these layouts do reproduce the React bug, so the assertions above are not vacuous.
    expect(corruptWithout).toBeGreaterThan(0)
  })

  it('passes a page on in a few large chunks instead of one per 2 KB React writes', async () => {
    const raw = await renderChunks(page(0), new PassThrough())
    const gathered = await renderChunks(page(0), htmlBodyStream())
    expect(raw.chunks).toBeGreaterThan(4) // React wrote this ~10 KB page in 2 KB pieces
    expect(gathered.chunks).toBe(1)
    expect(gathered.bytes.toString('utf8')).toBe(renderToString(page(0)))
  })

  it('passes on every 64 KB of a long page, so a response holds no more than that', async () => {
    const long = createElement(
      'ul',
      null,
      Array.from({ length: 6_000 }, (_, i) => createElement('li', { key: i }, `Row ${i} – a line of text`)),
    )
    const { bytes, chunks, largest } = await renderChunks(long, htmlBodyStream())
    expect(bytes.length).toBeGreaterThan(3 * 64 * 1024)
    // Gathered (not one chunk per 2 KB write), but never more than 64 KB plus React's last 2 KB write.
    expect(chunks).toBeLessThanOrEqual(Math.ceil(bytes.length / (64 * 1024)) + 1)
    expect(largest).toBeLessThanOrEqual(64 * 1024 + 2048)
    expect(bytes.toString('utf8')).toBe(renderToString(long))
  })

  it("gives every module preload link the page's CSP nonce, also one a chunk boundary cuts", async () => {
    const html =
      '<head><link rel="modulepreload" href="/assets/a.js"/><link rel="stylesheet" href="/x.css"/><link rel="modulepreload" href="/assets/b.js"/></head>'
    for (let cut = 1; cut < html.length; cut++) {
      const stream = htmlBodyStream('abc+/=')
      const out: Buffer[] = []
      stream.on('data', (c: Buffer) => out.push(c))
      const ended = new Promise((resolve) => stream.on('end', resolve))
      stream.write(Buffer.from(html.slice(0, cut)))
      stream.flush()
      stream.end(Buffer.from(html.slice(cut)))
      await ended
      const got = Buffer.concat(out).toString('utf8')
      expect(got.match(/<link nonce="abc\+\/=" rel="modulepreload"/g)?.length, `cut at ${cut}`).toBe(2)
      expect(got.replaceAll(' nonce="abc+/="', '').replace(/<link rel="modulepreload"/g, 'X')).toBe(
        html.replace(/<link rel="modulepreload"/g, 'X'),
      )
    }
  })
})
