/** Call durations (product.md, Calls): stored as whole seconds, shown as m:ss (h:mm:ss from an hour). */

/** 0 -> "0:00", 59 -> "0:59", 60 -> "1:00", 3599 -> "59:59", 3600 -> "1:00:00". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = String(s % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/**
 * Seconds from what a person types: "90" (seconds), "1:30" (m:ss) or "1:02:03" (h:mm:ss). Minutes
 * and seconds after a colon must be 0-59. Null when the text is none of these.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim()
  if (/^\d{1,6}$/.test(t)) return Number(t)
  const parts = t.match(/^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/)
  if (!parts) return null
  const [, h, m, s] = parts
  if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return null
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s)
}
