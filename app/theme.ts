/**
 * The Mantine theme, with contrast fixed once for every page (WCAG AA, 4.5:1 for text): dimmed text
 * and the text of "light" variants (badges, light buttons, alerts) use darker shades in the light
 * scheme and lighter ones in the dark scheme than Mantine's defaults; filled variants pick black or
 * white text by luminance (`autoContrast`).
 */
import { createTheme, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 4 },
  autoContrast: true,
  luminanceThreshold: 0.35,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
})

const COLORS = Object.keys(DEFAULT_THEME.colors)

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-anchor': t.colors.indigo[8],
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-light-color`, t.colors[c]![9]])),
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-text`, t.colors[c]![9]])),
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-anchor': t.colors.indigo[3],
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-light-color`, t.colors[c]![2]])),
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-text`, t.colors[c]![3]])),
  },
})
