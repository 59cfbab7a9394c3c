/**
 * The browser's files from the build (build/client): content-hashed files under /assets for a year
 * (`immutable`: a changed file gets a new name), everything else (copies of public/) for an hour.
 * A file the build precompressed (scripts/precompress.ts) goes out as its brotli or gzip copy when
 * the request's Accept-Encoding takes it, with `Vary: Accept-Encoding`; others are left to the
 * on-the-fly compression in server/app.server.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import express, { type Express } from 'express'

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const

/** The encodings `accept` (an Accept-Encoding header) allows, by name; q=0 refuses one. */
export function acceptedEncodings(accept: string | undefined): Set<string> {
  const out = new Set<string>()
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
    if (name && (q === undefined || Number(q) > 0)) out.add(name)
  }
  return out
}

function compressedCopies(dir: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      for (const { ext } of ENCODINGS) {
        if (entry.isFile() && entry.name.endsWith(ext)) {
          const url = `/${path.relative(dir, full.slice(0, -ext.length)).split(path.sep).join('/')}`
          out.set(url, (out.get(url) ?? new Set()).add(ext))
        }
      }
    }
  }
  walk(dir)
  return out
}

/** Mounts the static files of `dir` (scanned once for compressed copies, at start-up). */
export function mountStaticFiles(app: Express, dir: string): void {
  const copies = compressedCopies(dir)
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const available = copies.get(req.path)
    if (!available) return next()
    res.setHeader('Vary', 'Accept-Encoding')
    const accepted = acceptedEncodings(req.get('accept-encoding'))
    const encoding = ENCODINGS.find((e) => available.has(e.ext) && accepted.has(e.name))
    if (!encoding) return next()
    // The type of the file itself, not of its compressed copy (send keeps a Content-Type already set).
    res.type(path.extname(req.path))
    res.setHeader('Content-Encoding', encoding.name)
    req.url = `${req.path}${encoding.ext}${req.url.slice(req.path.length)}`
    next()
  })
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(dir, { maxAge: '1h' }))
}
