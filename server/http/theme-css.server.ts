/**
 * The theme's CSS variables as one stylesheet, `GET /theme.css` (product.md, Performance). Mantine
 * would otherwise compute every variable on each render and inline them into every page (15 KB of
 * each HTML answer); the root route links this file instead and sets `withCssVariables={false}`.
 * Built once per process from the same `theme` and `cssVariablesResolver` the app renders with,
 * as Mantine's own MantineCssVariables does (default resolver merged with ours, on `:root`).
 */
import { convertCssVariables, deepMerge, DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core'
import type { Express } from 'express'
import { cssVariablesResolver, theme } from '#shared/theme.ts'

/** The stylesheet's text: every theme variable for both schemes, and the scheme markers. */
export function themeCss(): string {
  const full = mergeMantineTheme(DEFAULT_THEME, theme)
  const variables = deepMerge(defaultCssVariablesResolver(full), cssVariablesResolver(full))
  return `${convertCssVariables(variables, ':root')}
:root[data-mantine-color-scheme="dark"] { --mantine-color-scheme: dark; }
:root[data-mantine-color-scheme="light"] { --mantine-color-scheme: light; }
`
}

/** Serves /theme.css, cached like the other public files (an hour; the theme changes only with a deploy). */
export function mountThemeCss(app: Express): void {
  const css = themeCss()
  app.get('/theme.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('text/css').send(css)
  })
}
