/** Display helpers shared by screens. */

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/** "21 Nov 2026, 09:30" (UTC, so server and browser render the same text). */
export function formatDateTime(value: Date | string): string {
  return `${dateTime.format(new Date(value))} UTC`
}

/** "21 Nov 2026". */
export function formatDate(value: Date | string): string {
  return date.format(new Date(value))
}

/** "role_changed" -> "Role changed". */
export function humanizeAction(action: string): string {
  const s = action.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
