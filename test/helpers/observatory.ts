/**
 * A local scan in the style of Mozilla's HTTP Observatory (its published tests and score modifiers,
 * scoring v2): start at 100, apply one modifier per test, add the bonuses only when the score before
 * them is at least 90, grade A+ from 100. It reads the response of a page and the `Set-Cookie` of a
 * sign-in. Checks that need the public deployment (HTTP -> HTTPS redirection, HSTS preload) are the
 * reverse proxy's part and are listed, not scored.
 */

export interface ScanInput {
  /** Headers of an HTML page as the server sends it. */
  page: Headers
  /** The page's HTML (for the subresource-integrity test: every script must be same-origin). */
  html: string
  /** The `Set-Cookie` headers a sign-in sends. */
  cookies: string[]
}

export interface ScanResult {
  score: number
  grade: string
  tests: Array<{ test: string; result: string; modifier: number }>
}

const GRADES: Array<[number, string]> = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
]

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), values)
  }
  return map
}

function cspTest(headers: Headers): [string, number] {
  const csp = headers.get('content-security-policy')
  if (!csp) return ['csp-not-implemented', -25]
  const d = directives(csp)
  const scripts = d.get('script-src') ?? d.get('default-src') ?? []
  const strictDynamic = scripts.includes("'strict-dynamic'")
  if (scripts.includes("'unsafe-inline'") && !strictDynamic) return ['csp-implemented-with-unsafe-inline', -20]
  if (scripts.includes("'unsafe-eval'")) return ['csp-implemented-with-unsafe-eval', -10]
  if (!d.has('default-src') || (!d.has('object-src') && !(d.get('default-src') ?? []).includes("'none'")))
    return ['csp-implemented-with-insecure-scheme-or-missing-default', -20]
  if (scripts.some((s) => s === 'https:' || s === 'http:' || s === '*'))
    return ['csp-implemented-with-insecure-scheme', -10]
  if ((d.get('default-src') ?? []).includes("'none'")) return ['csp-implemented-with-no-unsafe-default-src-none', 10]
  return ['csp-implemented-with-no-unsafe', 0]
}

function cookieTest(cookies: string[], hsts: boolean): [string, number] {
  if (cookies.length === 0) return ['cookies-not-found', 0]
  const flags = cookies.map((c) => c.toLowerCase())
  const secure = flags.every((c) => /;\s*secure/.test(c))
  const httpOnly = flags.filter((c) => c.startsWith('gatehouse_session=')).every((c) => /;\s*httponly/.test(c))
  const sameSite = flags.every((c) => /;\s*samesite=(lax|strict)/.test(c))
  if (!secure)
    return hsts ? ['cookies-without-secure-flag-but-protected-by-hsts', -5] : ['cookies-without-secure-flag', -20]
  if (!httpOnly) return ['cookies-session-without-httponly-flag', -30]
  if (!sameSite) return ['cookies-secure-with-httponly-sessions', 0]
  return ['cookies-secure-with-httponly-sessions-and-samesite', 5]
}

function hstsTest(headers: Headers): [string, number] {
  const hsts = headers.get('strict-transport-security')
  if (!hsts) return ['hsts-not-implemented', -20]
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0)
  if (maxAge < 15_552_000) return ['hsts-implemented-max-age-less-than-six-months', -10]
  return ['hsts-implemented-max-age-at-least-six-months', 0]
}

function referrerTest(headers: Headers): [string, number] {
  const policy = headers.get('referrer-policy')
  if (!policy) return ['referrer-policy-not-implemented', 0]
  const last = policy.split(',').at(-1)!.trim().toLowerCase()
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(last))
    return ['referrer-policy-private', 5]
  if (last === 'unsafe-url' || last === 'no-referrer-when-downgrade') return ['referrer-policy-unsafe', -5]
  return ['referrer-policy-no-referrer-when-downgrade', 0]
}

function frameTest(headers: Headers): [string, number] {
  const ancestors = directives(headers.get('content-security-policy') ?? '').get('frame-ancestors')
  if (ancestors && (ancestors.includes("'none'") || ancestors.includes("'self'")))
    return ['x-frame-options-implemented-via-csp', 5]
  const xfo = headers.get('x-frame-options')?.toUpperCase()
  if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return ['x-frame-options-sameorigin-or-deny', 0]
  return ['x-frame-options-not-implemented', -20]
}

function sriTest(html: string): [string, number] {
  const external = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((src) => /^(https?:)?\/\//.test(src))
  if (external.length === 0) return ['sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0]
  return ['sri-not-implemented-and-external-scripts-loaded-securely', -5]
}

/** Scores `input` like the Observatory and returns the score, the grade and each test's result. */
export function observatoryScan(input: ScanInput): ScanResult {
  const { page } = input
  const results: Array<[string, [string, number]]> = [
    ['content-security-policy', cspTest(page)],
    ['cookies', cookieTest(input.cookies, page.has('strict-transport-security'))],
    [
      'cross-origin-resource-sharing',
      page.get('access-control-allow-origin') === '*'
        ? ['cross-origin-resource-sharing-implemented-with-universal-access', -50]
        : ['cross-origin-resource-sharing-not-implemented', 0],
    ],
    ['referrer-policy', referrerTest(page)],
    ['strict-transport-security', hstsTest(page)],
    ['subresource-integrity', sriTest(input.html)],
    [
      'x-content-type-options',
      page.get('x-content-type-options')?.toLowerCase() === 'nosniff'
        ? ['x-content-type-options-nosniff', 0]
        : ['x-content-type-options-not-implemented', -5],
    ],
    ['x-frame-options', frameTest(page)],
    [
      'cross-origin-resource-policy',
      page.get('cross-origin-resource-policy') ? ['corp-implemented', 0] : ['corp-not-implemented', 0],
    ],
  ]
  const tests = results.map(([test, [result, modifier]]) => ({ test, result, modifier }))
  const base = 100 + tests.filter((t) => t.modifier < 0).reduce((sum, t) => sum + t.modifier, 0)
  const bonus = base >= 90 ? tests.filter((t) => t.modifier > 0).reduce((sum, t) => sum + t.modifier, 0) : 0
  const score = base + bonus
  return { score, grade: GRADES.find(([min]) => score >= min)![1], tests }
}
