import { Button, Group } from '@mantine/core'
import { Link } from '@remix-run/react'
import { DATE_PRESET_LABELS, type DatePreset } from '#app/utils/date-ranges.ts'
import { useListHref } from './list-url'

/** One-click date ranges above a list (product.md, Lists): links that set `range` and drop typed dates. */
export function DatePresetLinks({ presets, active }: { presets: readonly DatePreset[]; active: DatePreset | null }) {
  const hrefWith = useListHref()
  return (
    <Group gap="xs" role="navigation" aria-label="Date range presets">
      {presets.map((p) => (
        <Button
          key={p}
          component={Link}
          to={hrefWith({ range: p, from: null, to: null, sort: null, dir: null })}
          size="xs"
          variant={active === p ? 'filled' : 'default'}
          aria-current={active === p ? 'true' : undefined}
        >
          {DATE_PRESET_LABELS[p]}
        </Button>
      ))}
    </Group>
  )
}
