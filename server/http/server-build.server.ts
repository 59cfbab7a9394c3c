/**
 * The production server build, loaded from disk (what `npm run build` wrote). Shared by
 * server/main.ts, the test helpers and the scripts that serve the built app in-process.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'

/** Where the build's server entry lives, relative to the working directory. */
export const SERVER_BUILD_FILE = 'build/server/index.js'

/** Imports the server build. Throws (module not found) when the app was not built. */
export async function loadServerBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.resolve(SERVER_BUILD_FILE)).href)) as ServerBuild
}
