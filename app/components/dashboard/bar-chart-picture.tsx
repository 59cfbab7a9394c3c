/**
 * A Mantine BarChart whose code loads after the page is interactive (docs/decisions/0015-charts-after-hydration.md).
 * The server and the first render in the browser draw an empty box of the chart's height, which is
 * what the server rendered before (recharts measures its container in the browser); once hydrated
 * (`useHydrated`, as the form controls switch), `@mantine/charts` and recharts (about 120 KB gzip) load
 * as their own chunk and the bars appear.
 */
import type { BarChartProps } from '@mantine/charts'
import { Box } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useHydrated } from '#app/utils/use-hydrated.ts'

const BarChart = lazy(() => import('./bar-chart'))

/** `<BarChart>` with `h` in px; the same props, rendered once the browser has hydrated the page. */
export function BarChartPicture(props: BarChartProps & { h: number }) {
  const hydrated = useHydrated()
  const box = <Box h={props.h} data-testid="chart-placeholder" />
  if (!hydrated) return box
  return (
    <Suspense fallback={box}>
      <BarChart {...props} />
    </Suspense>
  )
}
