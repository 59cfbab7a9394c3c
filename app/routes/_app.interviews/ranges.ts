/** The date range presets of the interview list (product.md, Interviews: list); ranges.server.ts turns them into days. */

export const RANGE_PRESETS = ['upcoming', 'today', 'week', 'next-week', 'past', 'all'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export const RANGE_LABELS: Record<RangePreset, string> = {
  upcoming: 'Next 14 days',
  today: 'Today',
  week: 'This week',
  'next-week': 'Next week',
  past: 'Past',
  all: 'All dates',
}
