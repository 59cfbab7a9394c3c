/** Display helpers shared by screens: times in the viewer's time zone (product.md, Screens: times). */
import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatDay, formatTime } from '#shared/time-zone.ts'
import type { PhoneRegion } from '#shared/phone.ts'
import type { loader as rootLoader } from '#app/root.tsx'

/** The viewer's time zone as the server rendered with it (UTC until the browser has told us). */
export function useTimeZone(): string {
  return useRouteLoaderData<typeof rootLoader>('root')?.timeZone ?? DEFAULT_TIME_ZONE
}

/**
 * Formatters bound to the viewer's time zone: `dateTime` "24 Nov 2026, 09:30", `date` "24 Nov 2026",
 * `time` "09:30", `day` "Tue 24 Nov 2026". Server and browser render the same text.
 */
export function useFormat() {
  const timeZone = useTimeZone()
  return useMemo(
    () => ({
      timeZone,
      dateTime: (v: Date | string) => formatDateTime(v, timeZone),
      date: (v: Date | string) => formatDate(v, timeZone),
      time: (v: Date | string) => formatTime(v, timeZone),
      day: (v: Date | string) => formatDay(v, timeZone),
    }),
    [timeZone],
  )
}

/** The region phone numbers without a country code are read in (DEFAULT_PHONE_REGION). */
export function usePhoneRegion(): PhoneRegion {
  return useRouteLoaderData<typeof rootLoader>('root')?.phoneRegion ?? 'US'
}

/** "role_changed" -> "Role changed". */
export function humanizeAction(action: string): string {
  const s = action.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
