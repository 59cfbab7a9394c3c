/**
 * The one way the scripts and the browser tests start a browser: Debian's Chromium (no downloaded
 * browsers), driven by playwright-core. scripts/measure-client.ts measures pages with it and
 * test/helpers/browser.ts runs the browser tests in it.
 */
import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Launches CHROMIUM headless, without the sandbox, the GPU, QUIC or any of its background traffic
 * (first-run pages, component updates, sync), so that only the pages it opens make requests.
 * Throws when the binary is missing (install it with `apt-get install -y chromium`, as .ci/run does).
 */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
