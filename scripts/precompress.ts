/**
 * `npm run build`'s last step: a brotli (quality 11) and a gzip (level 9) copy beside every text file
 * in build/client (JavaScript, CSS, SVG, JSON, text) of at least 1 KB, written once at build time so
 * no request pays for compressing a static file; server/http/static-files.server.ts serves the copy
 * the browser's Accept-Encoding takes (docs/decisions/0019-remix-on-vite.md). A copy that is not
 * smaller than the file is not written.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** Files worth compressing, by extension. */
export const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|map|ico|webmanifest)$/
/** Smaller files gain nothing (headers and framing cost more than they save). */
export const MIN_BYTES = 1024

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

/** Writes `.br` and `.gz` beside each compressible file under `dir`; returns how many files it compressed. */
export function precompress(dir: string): { files: number; bytes: number; br: number; gz: number } {
  const total = { files: 0, bytes: 0, br: 0, gz: 0 }
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const body = fs.readFileSync(file)
    if (body.length < MIN_BYTES) continue
    const br = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    })
    const gz = zlib.gzipSync(body, { level: 9 })
    if (br.length < body.length) fs.writeFileSync(`${file}.br`, br)
    if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz)
    total.files++
    total.bytes += body.length
    total.br += br.length
    total.gz += gz.length
  }
  return total
}

if (process.argv[1]?.endsWith('precompress.ts')) {
  const dir = process.argv[2] ?? 'build/client'
  const t = precompress(dir)
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log(`precompressed ${t.files} files in ${dir}: ${kb(t.bytes)} -> brotli ${kb(t.br)}, gzip ${kb(t.gz)}`)
}
