/**
 * Date range presets of the lists (product.md, Lists): one click for the ranges people ask for most.
 * date-ranges.server.ts turns a preset into calendar days in the viewer's time zone.
 */

export const DATE_PRESETS = [
  'upcoming',
  'today',
  'yesterday',
  'week',
  'next-week',
  'last-7-days',
  'this-month',
  'past',
  'all',
] as const
export type DatePreset = (typeof DATE_PRESETS)[number]

export const DATE_PRESET_LABELS: Record<DatePreset, string> = {
  upcoming: 'Next 14 days',
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'This week',
  'next-week': 'Next week',
  'last-7-days': 'Last 7 days',
  'this-month': 'This month',
  past: 'Past',
  all: 'All dates',
}

/** The presets of the interview list and of the call log, in the order they are offered. */
export const INTERVIEW_PRESETS = [
  'upcoming',
  'today',
  'week',
  'next-week',
  'past',
  'all',
] as const satisfies readonly DatePreset[]
export const CALL_PRESETS = [
  'all',
  'today',
  'yesterday',
  'last-7-days',
  'this-month',
] as const satisfies readonly DatePreset[]
