/**
 * The Mantine theme, with contrast fixed once for every page (WCAG AA: 4.5:1 for text, 3:1 for links
 * against surrounding text): filled variants use shade 7 and pick black or white text by luminance
 * (`autoContrast`), "light" variants (badges, light buttons, alerts) get a darker text colour in the
 * light scheme and a lighter one in the dark scheme, dimmed and placeholder text are darker (light)
 * or lighter (dark) than Mantine's defaults, so are field errors, and links are underlined.
 * In shared/ because both sides read it: app/root.tsx gives it to MantineProvider, and
 * server/http/theme-css.server.ts renders its CSS variables into the stylesheet. It imports only
 * @mantine/core (no app/ or server/ code).
 */
import { Anchor, createTheme, darken, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 7 },
  autoContrast: true,
  luminanceThreshold: 0.19,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
})

const COLORS = Object.keys(DEFAULT_THEME.colors)

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': '#6c737a',
    '--mantine-color-anchor': t.colors.indigo[8],
    // Field errors (and an invalid field's text): red 9 is 5.4:1 on white; Mantine's red 6 is 3.3:1.
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-light-color`, darken(t.colors[c]![9], 0.25)])),
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-text`, darken(t.colors[c]![9], 0.15)])),
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-placeholder': '#9a9a9a',
    '--mantine-color-anchor': t.colors.indigo[3],
    // Red 4 is 6.7:1 on the dark body; Mantine's red 8 is 3.4:1.
    '--mantine-color-error': t.colors.red[4],
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-light-color`, t.colors[c]![2]])),
    ...Object.fromEntries(COLORS.map((c) => [`--mantine-color-${c}-text`, t.colors[c]![3]])),
  },
})
