/**
 * One source each (decision 0021, 0005): request-handling code reads configuration through the
 * services' config and the time through `services.now()`, and server/ never imports app/. A scan of
 * the source, so that a new `env.` read or `new Date()` in a router or route fails here first.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Source files (not tests) under `dirs`, as [path, text]. */
function sources(dirs: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(full)
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push([full, fs.readFileSync(full, 'utf8')])
      }
    }
  }
  for (const dir of dirs) walk(dir)
  return out
}

const REQUEST_CODE = ['server/routers', 'server/queries', 'server/auth', 'app/routes', 'app/utils']

describe('one source', () => {
  it('routers, queries, sessions, routes and route helpers do not read the environment', () => {
    const offenders = sources(REQUEST_CODE)
      .filter(([, text]) => /env\.server|process\.env/.test(text))
      .map(([file]) => file)
    expect(offenders).toEqual([])
  })

  it('they do not read the clock except through services.now()', () => {
    const offenders = sources(REQUEST_CODE)
      .filter(([, text]) => /new Date\(\)|Date\.now\(\)/.test(text))
      .map(([file]) => file)
    expect(offenders).toEqual([])
  })

  it('server/ never imports app/', () => {
    const offenders = sources(['server'])
      .filter(([, text]) => /from '#app\//.test(text))
      .map(([file]) => file)
    expect(offenders).toEqual([])
  })
})
