/**
 * Development (`npm run dev`): Vite inside Express, in middleware mode, with hot module replacement
 * over the app's own HTTP server (one port; the CSP's connect-src 'self' covers its WebSocket). Each
 * request renders with the latest server build Vite compiles on demand, so a changed route shows
 * without a restart (docs/decisions/0019-remix-on-vite.md).
 */
import type { Server } from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import type { ViteDevServer } from 'vite'

export interface ViteDev {
  vite: ViteDevServer
  /** The server build as it is now (Vite reloads changed modules). */
  build: () => Promise<ServerBuild>
}

/** Starts Vite in middleware mode, its HMR WebSocket on `server`. */
export async function startViteDev(server: Server): Promise<ViteDev> {
  const { createServer } = await import('vite')
  const vite = await createServer({ server: { middlewareMode: true, hmr: { server } }, appType: 'custom' })
  return { vite, build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild> }
}
