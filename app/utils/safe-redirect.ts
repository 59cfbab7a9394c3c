/**
 * Returns `to` if it is a same-site path ("/users?x=1"), else `fallback`. Rejects absolute URLs,
 * protocol-relative ("//evil.com") and backslash tricks ("/\\evil.com") (product.md, Security baseline: sign-in).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/dashboard'): string {
  if (!to || typeof to !== 'string') return fallback
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\') || /[\u0000-\u001f]/.test(to)) return fallback
  if (to.startsWith('/login') || to.startsWith('/logout')) return fallback
  return to
}
