/** Which browser and system a session signed in from, for people to recognise their devices. */
import { UAParser } from 'ua-parser-js'

/**
 * "Chrome 120 on macOS 14", "Firefox on Windows", "Safari on iOS 17", parsed with ua-parser-js; the
 * raw text (shortened) when the parser knows neither; "Unknown device" without a user agent.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const { browser, os } = new UAParser(userAgent).getResult()
  const major = browser.version?.split('.')[0]
  const name = browser.name ? `${browser.name}${major ? ` ${major}` : ''}` : null
  const system = os.name ? `${os.name}${os.version ? ` ${os.version.split('.').slice(0, 2).join('.')}` : ''}` : null
  if (name && system) return `${name} on ${system}`
  return name ?? system ?? userAgent.slice(0, 60)
}
