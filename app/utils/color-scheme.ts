/** Mantine's colour scheme, stored in the preference cookie instead of localStorage (shared/color-scheme.ts). */
import type { MantineColorScheme, MantineColorSchemeManager } from '@mantine/core'
import { colorSchemeCookie, colorSchemeFromCookie, type ColorSchemePreference } from '#shared/color-scheme.ts'

/**
 * A `colorSchemeManager` for MantineProvider that reads and writes the preference cookie, so a change
 * made in the browser (the header toggle) is what the server renders on the next request.
 */
export function cookieColorSchemeManager(): MantineColorSchemeManager {
  return {
    get: (defaultValue) => (typeof document === 'undefined' ? defaultValue : colorSchemeFromCookie(document.cookie)),
    set: (value: MantineColorScheme) => {
      document.cookie = colorSchemeCookie(value as ColorSchemePreference, window.location.protocol === 'https:')
    },
    subscribe: () => {},
    unsubscribe: () => {},
    clear: () => {
      document.cookie = colorSchemeCookie('auto', window.location.protocol === 'https:')
    },
  }
}
