/**
 * The colour scheme preference (product.md, Settings: appearance): light, dark or follow the system,
 * kept in a cookie so the server renders the chosen scheme with no flash. The header toggle and the
 * appearance setting write the same cookie.
 */

export const COLOR_SCHEME_COOKIE = 'gatehouse_color_scheme'
export const COLOR_SCHEMES = ['light', 'dark', 'auto'] as const
export type ColorSchemePreference = (typeof COLOR_SCHEMES)[number]

export const COLOR_SCHEME_LABELS: Record<ColorSchemePreference, string> = {
  light: 'Light',
  dark: 'Dark',
  auto: 'Follow the system',
}

/** The preference in a Cookie header (or `document.cookie`); `auto` when absent or unknown. */
export function colorSchemeFromCookie(cookieHeader: string | null | undefined): ColorSchemePreference {
  const match = (cookieHeader ?? '').match(new RegExp(`(?:^|;\\s*)${COLOR_SCHEME_COOKIE}=(light|dark|auto)(?:;|$)`))
  return (match?.[1] as ColorSchemePreference | undefined) ?? 'auto'
}

/** The Set-Cookie value (or `document.cookie` assignment) that stores `scheme` for a year. */
export function colorSchemeCookie(scheme: ColorSchemePreference, secure = false): string {
  return `${COLOR_SCHEME_COOKIE}=${scheme}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`
}
