/**
 * Remix v2, classic compiler. The v3 future flags are on so a move to React Router v7 stays one step
 * (docs/decisions/0001-embedded-pglite-and-postgresql.md). Side-effect CSS imports from Mantine's packages must be bundled for the server build.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverDependenciesToBundle: [/^@mantine\/.*\.css$/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
