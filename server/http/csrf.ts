/** The CSRF origin check (product.md, Security baseline: cross-site requests). Pure, unit-tested beside. */

/**
 * The CSRF rule for non-GET requests: reject (403) when `Sec-Fetch-Site` says the request comes
 * from another site, or when `Origin` is present and is neither this host nor APP_ORIGIN. Requests
 * with neither header (scripts, curl) carry no ambient browser credentials and pass.
 */
export function isCrossOrigin(
  headers: { origin?: string; host?: string; secFetchSite?: string },
  appOrigin?: string,
): boolean {
  const site = headers.secFetchSite
  if (site && site !== 'same-origin' && site !== 'none') return true
  if (!headers.origin) return false
  if (headers.origin === 'null') return true
  let originHost: string
  try {
    const url = new URL(headers.origin)
    originHost = url.host
    if (appOrigin && url.origin === new URL(appOrigin).origin) return false
  } catch {
    return true
  }
  return originHost !== headers.host
}
