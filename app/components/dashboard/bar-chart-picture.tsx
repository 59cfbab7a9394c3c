/**
 * A Mantine BarChart whose code loads after the page is interactive (docs/decisions/0015-charts-after-hydration.md).
 * The server and the first render in the browser draw an empty box of the chart's height, which is
 * what the server rendered before (recharts measures its container in the browser); once mounted,
 * `@mantine/charts` and recharts (about 110 KB gzip) load as their own chunk and the bars appear.
 */
import type { BarChartProps } from '@mantine/charts'
import { Box } from '@mantine/core'
import { useMounted } from '@mantine/hooks'
import { lazy, Suspense } from 'react'

const BarChart = lazy(() => import('./bar-chart'))

/** `<BarChart>` with `h` in px; the same props, rendered once the browser has hydrated the page. */
export function BarChartPicture(props: BarChartProps & { h: number }) {
  const mounted = useMounted()
  const box = <Box h={props.h} data-testid="chart-placeholder" />
  if (!mounted) return box
  return (
    <Suspense fallback={box}>
      <BarChart {...props} />
    </Suspense>
  )
}
