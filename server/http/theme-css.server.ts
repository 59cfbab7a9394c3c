/**
 * The theme's CSS variables as one stylesheet (product.md, Performance). Mantine would otherwise
 * compute every variable on each render and inline them into every page (15 KB of each HTML answer);
 * the root route links this file instead and sets `withCssVariables={false}`. Built once per process
 * from the same `theme` and `cssVariablesResolver` the app renders with, as Mantine's own
 * MantineCssVariables does (default resolver merged with ours, on `:root`).
 *
 * Pages link it by a content-hashed name, `/theme-<hash>.css`, cached for a year like the build's
 * assets (a changed theme is a new name); `/theme.css` keeps answering, cached for an hour.
 */
import { createHash } from 'node:crypto'
import {
  convertCssVariables,
  deepMerge,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  mergeMantineTheme,
} from '@mantine/core'
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

let cached: { css: string; href: string } | null = null

/** The stylesheet and its content-hashed address (`/theme-<10 hex>.css`), computed once. */
function themeStylesheet(): { css: string; href: string } {
  if (!cached) {
    const css = themeCss()
    cached = { css, href: `/theme-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css` }
  }
  return cached
}

/** The address pages link the theme by (root.tsx's loader): changes whenever the theme does. */
export function themeCssHref(): string {
  return themeStylesheet().href
}

/**
 * Serves the theme stylesheet: at its hashed address for a year (`immutable`), at `/theme.css` and
 * at an outdated hash (a page from before a deploy) for an hour.
 */
export function mountThemeCss(app: Express): void {
  const { css, href } = themeStylesheet()
  app.get(/^\/theme(-[0-9a-f]{10})?\.css$/, (req, res) => {
    const cacheControl = req.path === href ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'
    res.set('Cache-Control', cacheControl).type('text/css').send(css)
  })
}
