// Mantine's baseline and global rules; each component's CSS comes with it (vite.config.ts).
import 'virtual:mantine-core-styles.css'
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from '@mantine/core'
import { nprogress } from '@mantine/nprogress'
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  useRevalidator,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { colorSchemeFromCookie } from '#shared/color-scheme.ts'
import { TIME_ZONE_COOKIE } from '#shared/time-zone.ts'
import { cookieColorSchemeManager } from '#app/utils/color-scheme.ts'
import { RouteErrorBoundary } from '#app/components/route-error.tsx'
import { NavigationProgress } from '#app/components/navigation-progress.tsx'
import { theme } from '#shared/theme.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import { useHydrationDone } from '#app/components/form/hydrate-on-reach.tsx'
import { themeCssHref } from '#server/http/theme-css.server.ts'
// Content-hashed by the build (cached for a year); `no-inline` keeps it a file, not a data: URL.
import faviconHref from '#app/assets/favicon.svg?url&no-inline'

export const links: LinksFunction = () => [{ rel: 'icon', href: faviconHref, type: 'image/svg+xml' }]

/**
 * A GET form submitted without JavaScript sends every field, empty ones too (`?q=&status=&…`): the
 * same address without them (product.md, Lists: filters live in the URL), or null when there are none.
 */
function withoutEmptyParams(request: Request): string | null {
  if (request.method !== 'GET') return null
  const url = new URL(request.url)
  // `?index` is Remix's own marker of an index route, empty by design.
  const kept = [...url.searchParams].filter(([k, v]) => v !== '' || k === 'index')
  if (kept.length === [...url.searchParams].length) return null
  const search = new URLSearchParams(kept).toString()
  return `${url.pathname}${search ? `?${search}` : ''}`
}

/**
 * Data every page needs: the request id (the reference an error page quotes), the viewer's time zone,
 * the region phone numbers without a country code are read in, the colour scheme preference and the
 * theme stylesheet's content-hashed address.
 */
export function loader({ context, request }: LoaderFunctionArgs) {
  const { ctx } = context
  const clean = withoutEmptyParams(request)
  if (clean) throw redirect(clean)
  return {
    requestId: ctx.requestId,
    timeZone: ctx.timeZone,
    phoneRegion: ctx.services.config.phoneRegion,
    colorScheme: colorSchemeFromCookie(request.headers.get('cookie')),
    themeCssHref: themeCssHref(),
  }
}

export const meta: MetaFunction = () => [
  { title: 'Gatehouse' },
  { name: 'description', content: 'Gatehouse back office' },
]

/**
 * Tells the server the browser's time zone (a cookie) and re-renders with it, so times show in the
 * viewer's zone from the next render on (product.md, Screens: times).
 */
function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const revalidator = useRevalidator()
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (zone && zone !== serverTimeZone) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`
      revalidator.revalidate()
    }
    // Run once per server value; revalidating brings the new value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverTimeZone])
  return null
}

/** The navigation progress bar (product.md, Lists: a progress bar shows while a screen loads). */
function NavigationProgressBar() {
  const navigation = useNavigation()
  useEffect(() => {
    if (navigation.state === 'idle') nprogress.complete()
    else nprogress.start()
  }, [navigation.state])
  return <NavigationProgress label="Loading" />
}

/** The preference lives in a cookie; this key is never written, so the script falls back to the cookie's value. */
const UNUSED_STORAGE_KEY = 'gatehouse-color-scheme-in-cookie'
const colorSchemeManager = cookieColorSchemeManager()

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRouteLoaderData<typeof loader>('root')
  const scheme = data?.colorScheme ?? 'auto'
  return (
    // The server renders a chosen scheme itself; for "follow the system" ColorSchemeScript sets it before paint.
    <html lang="en" {...mantineHtmlProps} data-mantine-color-scheme={scheme === 'auto' ? 'light' : scheme}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* The theme's variables, built once by the server (server/http/theme-css.server.ts) instead of
            inline in every page, at a content-hashed address; after Mantine's CSS, so they win. */}
        <link rel="stylesheet" href={data?.themeCssHref ?? '/theme.css'} />
        <ColorSchemeScript nonce={nonce} defaultColorScheme={scheme} localStorageKey={UNUSED_STORAGE_KEY} />
        {/* `js-only`: parts that need JavaScript (a chart's picture) step aside when it is off. */}
        <noscript>
          <style>{'.js-only{display:none!important}'}</style>
        </noscript>
      </head>
      <body>
        <MantineProvider
          theme={theme}
          withCssVariables={false}
          defaultColorScheme={scheme}
          colorSchemeManager={colorSchemeManager}
        >
          {/* No ModalsProvider or Notifications: route modals are Mantine's Modal, confirmations and
              results are pages and flash messages (docs/decisions/0019-remix-on-vite.md). */}
          <NavigationProgressBar />
          {data && <TimeZoneSync serverTimeZone={data.timeZone} />}
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  useHydrationDone()
  return <Outlet />
}

export const ErrorBoundary = RouteErrorBoundary
