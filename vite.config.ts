/**
 * The build: Remix v2's Vite plugin (docs/decisions/0019-remix-on-vite.md). `npm run build` writes
 * build/client (the browser's files, content-hashed under /assets) and build/server/index.js (the
 * server build server/main.ts serves); `npm run dev` runs the same plugin inside Express
 * (server/http/vite-dev.server.ts) with hot module replacement. The v3 future flags are on so a move
 * to React Router v7 stays one step. `#app/…`, `#shared/…` and `#server/…` resolve through
 * package.json "imports", which Vite reads itself; postcss.config.cjs (Mantine's preset) applies as before.
 */
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    remix({
      ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
  optimizeDeps: {
    // Development's dependency scan follows route modules' server imports too; the native password
    // hasher has no browser build (it never reaches the browser: Remix drops loaders and actions).
    exclude: ['@node-rs/argon2'],
  },
})
