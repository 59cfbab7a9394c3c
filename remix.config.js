/**
 * Remix v2, classic compiler. The v3 future flags are on so a move to React Router v7 stays one step.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  // Our own code imported through package.json "imports" (#app/…, #shared/…, #server/…) looks like a
  // package to the compiler: bundle it, so the server build is self-contained; Mantine's side-effect
  // CSS imports must be bundled too.
  serverDependenciesToBundle: [/^#(app|shared|server)\//, /^@mantine\/.*\.css$/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
